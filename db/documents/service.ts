/**
 * The documents service behind the documents:* channels: which documents a case has, the
 * standalone HTML of one document or of the teczka pack (fonts embedded as data: URLs, so the
 * Electron shell prints it without network), and the audit record of every print/PDF export.
 * Reading is scoped like reading the case; documents made from the visit diary (visits, notes,
 * monthly reports, monitoring) like the diary itself (the case's assistant, a substitute through
 * an active share, and the head).
 */
import { AppError } from '../../shared/errors';
import { DOCUMENT_KINDS } from '../../shared/print/documents/index';
import { renderHtml, type PrintFonts } from '../../shared/print/layout';
import { packHtml } from '../../shared/print/pack';
import { DEFAULT_TEXTS, isTextKey, placeholdersOf, TEXT_LABELS, unknownPlaceholders, withOverrides, type TextKey, type TextTemplates } from '../../shared/print/texts';
import type { LetterParams, PrintableKind } from '../../shared/ipc/channels/documents';
import type { Actor } from '../core';
import { activeShareOf } from '../services/access';
import { audit, nowIso, todayOf, type ServiceCtx } from '../services/context';
import { requireCaseEdit, requireCaseRead } from '../services/workCommon';
import { availableDocuments, buildDocument, buildPack, DocumentUnavailable, ENTRY_KINDS, fileNameOf, qualifierOf } from './build';
import { readCaseData, type CaseData } from './data';
import { caseRecordFindings } from './record';
import type { SqliteHandle } from '../open';

/** The office's texts: DEFAULT_TEXTS with the overrides stored in `document_texts`. */
export function officeTexts(ctx: ServiceCtx): TextTemplates {
  const rows = ctx.sqlite.prepare('SELECT key, body FROM document_texts').all() as Array<{ key: string; body: string }>;
  return withOverrides(Object.fromEntries(rows.map((r) => [r.key, r.body])));
}

const requireAdmin = (actor: Actor) => {
  if (actor.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Teksty dokumentów zmienia kierownik ośrodka.');
};

/** Every editable text with its label, current and default body and allowed placeholders. */
export function listOfficeTexts(ctx: ServiceCtx, actor: Actor) {
  requireAdmin(actor);
  const rows = ctx.sqlite.prepare('SELECT key, body, updated_at AS updatedAt FROM document_texts').all() as Array<{ key: string; body: string; updatedAt: string }>;
  const stored = new Map(rows.map((r) => [r.key, r]));
  return (Object.keys(DEFAULT_TEXTS) as TextKey[]).map((key) => {
    const row = stored.get(key);
    const body = row && row.body.trim() !== '' ? row.body : DEFAULT_TEXTS[key];
    return {
      key,
      label: TEXT_LABELS[key],
      body,
      defaultBody: DEFAULT_TEXTS[key] as string,
      isDefault: body === DEFAULT_TEXTS[key],
      placeholders: placeholdersOf(DEFAULT_TEXTS[key]),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

function textKeyOf(key: string): TextKey {
  if (!isTextKey(key)) throw new AppError('NOT_FOUND', `Nie ma tekstu dokumentu „${key}”.`);
  return key;
}

/** Stores an office's wording of one text (refuses placeholders the text does not fill). */
export function setOfficeText(ctx: ServiceCtx, actor: Actor, input: { key: string; body: string }) {
  requireAdmin(actor);
  const key = textKeyOf(input.key);
  const body = input.body.replace(/\r\n?/g, '\n');
  if (body.trim() === '') throw new AppError('VALIDATION', 'Tekst nie może być pusty. Aby wrócić do tekstu domyślnego, użyj „Przywróć tekst domyślny”.');
  const unknown = unknownPlaceholders(key, body);
  if (unknown.length)
    throw new AppError(
      'VALIDATION',
      `Nieznane pole ${unknown.map((p) => `{${p}}`).join(', ')} w tekście „${TEXT_LABELS[key]}”. Dozwolone pola: ${placeholdersOf(DEFAULT_TEXTS[key]).map((p) => `{${p}}`).join(', ') || 'brak'}.`,
    );
  ctx.sqlite
    .prepare('INSERT INTO document_texts (key, body, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
    .run(key, body, nowIso(ctx), actor.user.id);
  audit(ctx, actor, 'document.texts_update', { type: 'document_text', id: key }, { key, isDefault: body === DEFAULT_TEXTS[key], length: body.length });
  return listOfficeTexts(ctx, actor).find((x) => x.key === key)!;
}

/** Restores the default wording of one text (deletes the override). */
export function resetOfficeText(ctx: ServiceCtx, actor: Actor, input: { key: string }) {
  requireAdmin(actor);
  const key = textKeyOf(input.key);
  const r = ctx.sqlite.prepare('DELETE FROM document_texts WHERE key = ?').run(key);
  audit(ctx, actor, 'document.texts_reset', { type: 'document_text', id: key }, { key, hadOverride: r.changes > 0 });
  return listOfficeTexts(ctx, actor).find((x) => x.key === key)!;
}

/**
 * Whether the list offers the documents made from the visit diary: the same people who may open
 * and print them (requireCaseEdit): the head, the case's assistant, and an assistant substituting
 * for them through an active share (zastępstwo).
 */
const keepsDiary = (ctx: ServiceCtx, actor: Actor, c: CaseData) =>
  actor.user.role === 'admin' ||
  (actor.user.role === 'assistant' && (c.row.assistantId === actor.user.id || activeShareOf(ctx, actor.user.id, c.row.familyId) !== null));

function load(ctx: ServiceCtx, actor: Actor, caseId: string, what: string): CaseData {
  requireCaseRead(ctx, actor, caseId, what);
  const c = readCaseData(ctx.sqlite, caseId);
  if (!c) throw new AppError('NOT_FOUND', 'Nie znaleziono sprawy.');
  return c;
}

export function listDocuments(ctx: ServiceCtx, actor: Actor, caseId: string) {
  const c = load(ctx, actor, caseId, 'document.list_forbidden');
  const diary = keepsDiary(ctx, actor, c);
  const documents = availableDocuments(c)
    .filter((x) => diary || !ENTRY_KINDS.includes(x.kind))
    .map((x) => ({
      kind: x.kind,
      title: DOCUMENT_KINDS[x.kind],
      ref: x.ref,
      label: x.label,
      date: x.date,
      fileName: fileNameOf(c.row.caseNumber, x.kind, qualifierOf(x)),
      range: x.range,
    }));
  return { caseId, caseNumber: c.row.caseNumber, documents, packFileName: fileNameOf(c.row.caseNumber, 'pack'), findings: caseRecordFindings(c) };
}

export interface DocumentRequest {
  caseId: string;
  kind: PrintableKind;
  ref?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Institution letters: what the user typed (see letterParamsSchema). */
  letter?: LetterParams | undefined;
  /** Visit sheet: the planned date of the visit. */
  visitOn?: string | undefined;
}

/** The DocumentPart of one document (for the PDF pipeline) with its title and file name. */
export function documentPart(ctx: ServiceCtx, actor: Actor, input: DocumentRequest) {
  const c = load(ctx, actor, input.caseId, 'document.preview_forbidden');
  if (ENTRY_KINDS.includes(input.kind)) requireCaseEdit(ctx, actor, input.caseId, 'document.preview');
  const today = todayOf(ctx);
  if (input.letter?.replyBy && input.letter.replyBy < today) {
    const message = 'Termin odpowiedzi nie może być wcześniejszy niż data pisma.';
    throw new AppError('VALIDATION', message, { fields: { 'letter.replyBy': message } });
  }
  let part;
  try {
    part = buildDocument(c, input.kind, {
      ref: input.ref ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      letter: input.letter ?? null,
      visitOn: input.visitOn ?? null,
      today,
      ctx: { texts: officeTexts(ctx) },
    });
  } catch (e) {
    if (e instanceof DocumentUnavailable) throw new AppError('NOT_FOUND', `Brak danych do dokumentu „${DOCUMENT_KINDS[input.kind]}” w tej sprawie.`);
    throw e;
  }
  const ref = availableDocuments(c).find((x) => x.kind === input.kind && (input.ref ? x.ref === input.ref : true));
  const fileName = fileNameOf(c.row.caseNumber, input.kind, ref && (input.ref || ref.ref === null) ? qualifierOf(ref) : null);
  return { part, title: DOCUMENT_KINDS[input.kind], fileName, caseNumber: c.row.caseNumber };
}

export function documentHtml(ctx: ServiceCtx, actor: Actor, input: DocumentRequest, fonts: PrintFonts) {
  const { part, title, fileName } = documentPart(ctx, actor, input);
  const html = renderHtml(part, { fonts, documentTitle: title });
  // Only whether a letter's text was typed in, never the text itself.
  audit(ctx, actor, 'document.preview', { type: 'case', id: input.caseId }, {
    kind: input.kind,
    ref: input.ref ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
    ...(input.letter ? { letter: true } : {}),
    ...(input.visitOn ? { visitOn: input.visitOn } : {}),
  });
  return { html, title, fileName };
}

/** The teczka pack request (parts in order, with the index head) for the PDF pipeline. */
export function packRequest(ctx: ServiceCtx, actor: Actor, input: { caseId: string; from?: string | undefined; to?: string | undefined }) {
  const c = load(ctx, actor, input.caseId, 'document.preview_forbidden');
  if (!keepsDiary(ctx, actor, c)) requireCaseEdit(ctx, actor, input.caseId, 'document.pack');
  const request = buildPack(c, { from: input.from ?? null, to: input.to ?? null, today: todayOf(ctx), ctx: { texts: officeTexts(ctx) }, preparedBy: actor.user.fullName });
  return { request, title: 'Teczka rodziny', fileName: fileNameOf(c.row.caseNumber, 'pack', input.from || input.to ? [input.from, input.to].filter(Boolean).join('_') : null) };
}

export function documentPackHtml(ctx: ServiceCtx, actor: Actor, input: { caseId: string; from?: string | undefined; to?: string | undefined }, fonts: PrintFonts) {
  const { request, title, fileName } = packRequest(ctx, actor, input);
  const html = packHtml(request, { fonts, documentTitle: title });
  audit(ctx, actor, 'document.preview', { type: 'case', id: input.caseId }, { kind: 'pack', documents: request.parts.length, from: input.from ?? null, to: input.to ?? null });
  return { html, title, fileName };
}

/** A print or PDF export, recorded in the audit log (who and when are the audit row's own). */
export function recordExport(
  ctx: ServiceCtx,
  actor: Actor,
  input: { caseId: string; kind: PrintableKind | 'pack'; ref?: string | undefined; pages: number; target: 'pdf' | 'print' },
): { ok: true } {
  requireCaseRead(ctx, actor, input.caseId, 'document.export_forbidden');
  audit(ctx, actor, input.target === 'pdf' ? 'document.export_pdf' : 'document.print', { type: 'case', id: input.caseId }, {
    kind: input.kind,
    title: input.kind === 'pack' ? 'Teczka rodziny' : DOCUMENT_KINDS[input.kind],
    ref: input.ref ?? null,
    pages: input.pages,
    target: input.target,
  });
  return { ok: true };
}

/** The case with documents of the most kinds (ties: the most documents): the default of the
 *  docs:render CLI and the tests. */
export function richestCaseOf(sqlite: SqliteHandle): string | null {
  const ids = (sqlite.prepare('SELECT id FROM cases ORDER BY created_at').all() as Array<{ id: string }>).map((r) => r.id);
  let best: { id: string; kinds: number; docs: number } | null = null;
  for (const id of ids) {
    const c = readCaseData(sqlite, id);
    if (!c) continue;
    const docs = availableDocuments(c);
    const kinds = new Set(docs.map((x) => x.kind)).size;
    if (!best || kinds > best.kinds || (kinds === best.kinds && docs.length > best.docs)) best = { id, kinds, docs: docs.length };
  }
  return best?.id ?? null;
}
