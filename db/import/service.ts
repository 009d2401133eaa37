/**
 * The import from spreadsheets as services (issue 16): the template, the preview (nothing
 * written; the parsed sheet kept in memory for the session, never on disk), the preview with
 * reasons as a password-protected XLSX, and the import of the chosen families. The remembered
 * column mapping lives in office_settings ('import.mapping'). Audit entries name the file only by
 * its SHA-256.
 */
import { randomUUID } from 'node:crypto';

import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { IMPORT_FIELD_KEYS, IMPORT_LIMITS, type ImportFieldKey, type ImportMapping } from '../../shared/import/fields';
import type { ImportPreview, ImportResult } from '../../shared/ipc/channels/import';
import { CASE_STATES } from '../../shared/rules/lifecycle';
import type { Actor } from '../core';
import { audit, nowIso, todayOf, type ServiceCtx } from '../services/context';
import { executePlans, type FamilyOutcome, type Status } from './execute';
import { missingRequired, planFamilies, rememberable, resolveMapping, type RememberedMapping } from './plan';
import { loadExcel, loadOfficeCrypto } from '../lazyModules';
import { readSheetFile, type SheetData } from './read';
import { buildTemplate, TEMPLATE_FILE_NAME, XLSX_MIME } from './template';
import { cellText } from './values';

const MAPPING_KEY = 'import.mapping';
const rememberedSchema = z.object({ fields: z.partialRecord(z.enum(IMPORT_FIELD_KEYS), z.string().max(200)) });
/** How long a preview can be imported (the sheet stays in memory only this long). */
const PREVIEW_TTL_MS = 60 * 60 * 1000;

export function loadRememberedMapping(ctx: ServiceCtx): RememberedMapping | null {
  const r = ctx.sqlite.prepare('SELECT value FROM office_settings WHERE key = ?').get(MAPPING_KEY) as { value: string } | undefined;
  if (!r) return null;
  try {
    const parsed = rememberedSchema.safeParse(JSON.parse(r.value));
    return parsed.success ? parsed.data.fields : null;
  } catch {
    return null;
  }
}

function saveRememberedMapping(ctx: ServiceCtx, actor: Actor, fields: RememberedMapping): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO office_settings (key, value, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = office_settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(MAPPING_KEY, JSON.stringify({ fields }), nowIso(ctx), actor.user.id);
}

function officeGmina(ctx: ServiceCtx): string {
  return (ctx.sqlite.prepare('SELECT gmina FROM office WHERE id = 1').get() as { gmina: string } | undefined)?.gmina ?? '';
}

// ---- The evaluation shared by the preview, the CLI and the import --------------------------------

interface Evaluation {
  sheet: SheetData;
  mapping: Record<ImportFieldKey, number | null>;
  mappingSource: ImportPreview['mappingSource'];
  missing: ImportFieldKey[];
  outcomes: FamilyOutcome[];
}

function evaluate(ctx: ServiceCtx, actor: Actor, sheet: SheetData, given: ImportMapping | undefined): Evaluation {
  const { mapping, source } = resolveMapping(sheet.headers, given, loadRememberedMapping(ctx));
  const missing = missingRequired(mapping);
  if (missing.length) return { sheet, mapping, mappingSource: source, missing, outcomes: [] };
  const plans = planFamilies(sheet, mapping, { today: todayOf(ctx), officeGmina: officeGmina(ctx) });
  const { outcomes } = executePlans(ctx, actor, plans, { mode: 'preview', sha256: sheet.sha256 });
  return { sheet, mapping, mappingSource: source, missing, outcomes };
}

interface RowView {
  row: number;
  familyKey: string;
  name: string;
  status: Status;
  reasons: Array<{ severity: 'error' | 'warning'; message: string }>;
}

/** Every data row with its status and reasons (an error elsewhere in its family blocks it too). */
function rowViews(ev: Evaluation): RowView[] {
  const { sheet, mapping, outcomes } = ev;
  const byRow = new Map<number, { family: FamilyOutcome }>();
  for (const o of outcomes) for (const r of o.rows) byRow.set(r, { family: o });
  const at = (cells: SheetData['rows'][number]['cells'], k: ImportFieldKey) => {
    const i = mapping[k];
    return i === null ? '' : cellText(cells[i] ?? null);
  };
  return sheet.rows.map((r) => {
    const fam = byRow.get(r.row)?.family;
    const reasons = (fam?.issues ?? []).filter((i) => i.row === r.row).map((i) => ({ severity: i.severity, message: i.message }));
    let status: Status = reasons.some((x) => x.severity === 'error') ? 'error' : reasons.length ? 'warning' : 'ok';
    if (fam && fam.status === 'error' && status !== 'error') {
      const errRows = [...new Set(fam.issues.filter((i) => i.severity === 'error').map((i) => i.row))];
      reasons.push({
        severity: 'error',
        message: `Rodzina „${fam.key}” nie zostanie zaimportowana z powodu błędów w ${errRows.length === 1 ? 'wierszu' : 'wierszach'} ${errRows.join(', ')}.`,
      });
      status = 'error';
    }
    return { row: r.row, familyKey: fam?.key ?? at(r.cells, 'familyKey'), name: `${at(r.cells, 'firstName')} ${at(r.cells, 'lastName')}`.trim(), status, reasons };
  });
}

function count<T extends { status: Status }>(xs: T[]) {
  return { ok: xs.filter((x) => x.status === 'ok').length, warning: xs.filter((x) => x.status === 'warning').length, error: xs.filter((x) => x.status === 'error').length };
}

function previewOf(ev: Evaluation, previewId: string): ImportPreview {
  const { sheet } = ev;
  const rows = ev.missing.length ? [] : rowViews(ev);
  const families = ev.outcomes.map((o) => ({
    key: o.key,
    label: o.label,
    status: o.status,
    members: o.members,
    rows: o.rows,
    caseStateLabel: o.caseState ? CASE_STATES[o.caseState].label : null,
  }));
  return {
    previewId,
    sha256: sheet.sha256,
    format: sheet.format,
    encrypted: sheet.encrypted,
    sheetName: sheet.sheetName,
    delimiter: sheet.delimiter,
    headers: sheet.headers.map((header, index) => ({
      index,
      header,
      sample: sheet.rows.map((r) => cellText(r.cells[index] ?? null)).find((t) => t !== '')?.slice(0, 60) ?? '',
    })),
    mapping: ev.mapping,
    mappingSource: ev.mappingSource,
    missingFields: ev.missing,
    rows,
    families,
    counts: { rows: count(rows), families: count(families) },
    limits: { maxRows: IMPORT_LIMITS.maxRows, maxFileBytes: IMPORT_LIMITS.maxFileBytes },
  };
}

// ---- Session state (memory only) ----------------------------------------------------------------

interface PreviewState {
  id: string;
  at: number;
  ev: Evaluation;
}
/** By session id (a string survives any host between the dispatcher and the core); at most a
 *  few, each dropped after PREVIEW_TTL_MS or when its session imports or previews again. */
const previews = new Map<string, PreviewState>();
const MAX_PREVIEWS = 20;

function keepPreview(ctx: ServiceCtx, session: string, st: PreviewState): void {
  for (const [k, v] of previews) if (ctx.now() - v.at > PREVIEW_TTL_MS) previews.delete(k);
  previews.delete(session);
  while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
  previews.set(session, st);
}

function previewState(ctx: ServiceCtx, session: string, previewId: string): PreviewState {
  const st = previews.get(session);
  if (!st || st.id !== previewId || ctx.now() - st.at > PREVIEW_TTL_MS) {
    throw new AppError('VALIDATION', 'Podgląd importu wygasł albo dotyczy innego pliku — wczytaj plik ponownie.');
  }
  return st;
}

/** Forgets the session's preview (after an import, or when the user starts over). */
export function forgetPreview(session: string): void {
  previews.delete(session);
}

// ---- Services -------------------------------------------------------------------------------------

export async function importTemplate(): Promise<{ base64: string; fileName: string; mime: string }> {
  return { base64: (await buildTemplate()).toString('base64'), fileName: TEMPLATE_FILE_NAME, mime: XLSX_MIME };
}

export async function previewImport(
  ctx: ServiceCtx,
  actor: Actor,
  session: string,
  input: { path: string; password?: string | undefined; mapping?: ImportMapping | undefined },
): Promise<ImportPreview> {
  const sheet = await readSheetFile(input.path, input.password || null);
  const ev = evaluate(ctx, actor, sheet, input.mapping);
  const id = randomUUID();
  keepPreview(ctx, session, { id, at: ctx.now(), ev });
  audit(ctx, actor, 'import.preview', null, { sha256: sheet.sha256, rows: sheet.rows.length, families: ev.outcomes.length });
  return previewOf(ev, id);
}

/** The import summary (also the CLI's JSON): counts of what was (or would be) imported and every issue. */
function summary(outcomes: FamilyOutcome[], written: boolean): ImportResult {
  const issues = (sev: 'error' | 'warning') =>
    outcomes.flatMap((o) => o.issues.filter((i) => i.severity === sev).map((i) => ({ row: i.row, family: o.key, message: i.message })));
  const good = outcomes.filter((o) => o.status !== 'error');
  return {
    written,
    families: good.length,
    members: good.reduce((n, o) => n + o.members, 0),
    cases: good.filter((o) => o.caseState !== null).length,
    warnings: issues('warning'),
    errors: issues('error'),
    imported: written ? good.filter((o) => o.familyId).map((o) => ({ key: o.key, familyId: o.familyId!, label: o.label })) : [],
  };
}

function importEvaluated(ctx: ServiceCtx, actor: Actor, ev: Evaluation, keys: ReadonlySet<string>): ImportResult {
  const plans = planFamilies(ev.sheet, ev.mapping, { today: todayOf(ctx), officeGmina: officeGmina(ctx) });
  const known = new Set(plans.map((p) => p.key));
  const unknown = [...keys].filter((k) => !known.has(k));
  if (unknown.length) throw new AppError('VALIDATION', `W arkuszu nie ma rodziny o kluczu „${unknown[0]}”.`);
  const { outcomes, committed } = executePlans(ctx, actor, plans, {
    mode: 'import',
    only: keys,
    sha256: ev.sheet.sha256,
    beforeCommit: () => {
      saveRememberedMapping(ctx, actor, rememberable(ev.sheet.headers, ev.mapping));
      audit(ctx, actor, 'import.run', null, { sha256: ev.sheet.sha256, families: keys.size });
    },
  });
  return summary(outcomes, committed);
}

export function runImport(ctx: ServiceCtx, actor: Actor, session: string, input: { previewId: string; familyKeys: string[] }): ImportResult {
  const st = previewState(ctx, session, input.previewId);
  if (st.ev.missing.length) throw new AppError('VALIDATION', 'Najpierw wskaż kolumny wymagane do importu (przypisanie kolumn).');
  const result = importEvaluated(ctx, actor, st.ev, new Set(input.familyKeys));
  if (result.written) forgetPreview(session);
  return result;
}

/** The CLI: read, evaluate, and (unless `dryRun`) import every family — all or none. */
export async function importFile(
  ctx: ServiceCtx,
  actor: Actor,
  input: { path: string; password?: string | null; dryRun: boolean },
): Promise<ImportResult> {
  const sheet = await readSheetFile(input.path, input.password ?? null);
  const ev = evaluate(ctx, actor, sheet, undefined);
  if (ev.missing.length) {
    throw new AppError('VALIDATION', `Arkusz nie ma wymaganych kolumn: ${ev.missing.join(', ')} — użyj nagłówków ze wzoru (npm run import -- --template PLIK).`);
  }
  if (input.dryRun || ev.outcomes.some((o) => o.status === 'error')) {
    audit(ctx, actor, 'import.preview', null, { sha256: sheet.sha256, rows: sheet.rows.length, families: ev.outcomes.length });
    return summary(ev.outcomes, false);
  }
  return importEvaluated(ctx, actor, ev, new Set(ev.outcomes.map((o) => o.key)));
}

/** The preview with reasons as an XLSX (the sheet's own columns, then status and reasons), encrypted. */
export async function previewExport(ctx: ServiceCtx, actor: Actor, session: string, input: { previewId: string; password: string }) {
  const st = previewState(ctx, session, input.previewId);
  const { sheet } = st.ev;
  const views = new Map(rowViews(st.ev).map((v) => [v.row, v]));
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Asysta';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Podgląd importu', { views: [{ state: 'frozen', ySplit: 1 }] });
  const STATUS = { ok: 'poprawny', warning: 'ostrzeżenie', error: 'błąd' } as const;
  ws.addRow(['Wiersz', 'Status', 'Powody', ...sheet.headers]).font = { bold: true };
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 13;
  ws.getColumn(3).width = 80;
  for (const r of sheet.rows) {
    const v = views.get(r.row);
    const row = ws.addRow([
      r.row,
      v ? STATUS[v.status] : '',
      (v?.reasons ?? []).map((x) => `${x.severity === 'error' ? 'Błąd' : 'Ostrzeżenie'}: ${x.message}`).join('\n'),
      // The sheet's values as text: nothing is re-typed, and a cell starting with "=" stays text.
      ...r.cells.map((c) => cellText(c)),
    ]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  const file = Buffer.from((await loadOfficeCrypto()).encrypt(plain, { password: input.password }));
  audit(ctx, actor, 'import.preview_export', null, { sha256: sheet.sha256, rows: sheet.rows.length, encrypted: true });
  return { base64: file.toString('base64'), fileName: 'Asysta - podglad importu.xlsx', mime: XLSX_MIME };
}
