/**
 * Autosaved drafts of long forms (assessment, plan, visit): one JSON document per user and form
 * key, in the encrypted database (never a temporary file), so a crash or the idle lock loses at
 * most the last few seconds. Only the owner reads or deletes a draft. Not audited per keystroke
 * (the save that follows is); a draft is deleted when the form is saved or discarded.
 */
import { AppError } from '../../shared/errors';
import type { Actor } from '../core';
import { nowIso, type ServiceCtx } from './context';

const MAX_DRAFT_BYTES = 512 * 1024;

export function saveDraft(ctx: ServiceCtx, actor: Actor, input: { formKey: string; data: unknown }) {
  const data = JSON.stringify(input.data ?? null);
  if (Buffer.byteLength(data, 'utf8') > MAX_DRAFT_BYTES) {
    throw new AppError('VALIDATION', 'Szkic formularza jest zbyt duży, aby go zapisać automatycznie (limit 512 KB).');
  }
  const savedAt = nowIso(ctx);
  ctx.sqlite
    .prepare(
      `INSERT INTO drafts (user_id, form_key, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id, form_key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    )
    .run(actor.user.id, input.formKey, data, savedAt);
  return { savedAt };
}

export function getDraft(ctx: ServiceCtx, actor: Actor, formKey: string) {
  const r = ctx.sqlite.prepare('SELECT data, updated_at AS savedAt FROM drafts WHERE user_id = ? AND form_key = ?').get(actor.user.id, formKey) as
    | { data: string; savedAt: string }
    | undefined;
  return r ? { data: JSON.parse(r.data) as unknown, savedAt: r.savedAt } : null;
}

export function deleteDraft(ctx: ServiceCtx, actor: Actor, formKey: string) {
  ctx.sqlite.prepare('DELETE FROM drafts WHERE user_id = ? AND form_key = ?').run(actor.user.id, formKey);
  return { ok: true as const };
}

export function listDrafts(ctx: ServiceCtx, actor: Actor) {
  return ctx.sqlite.prepare('SELECT form_key AS formKey, updated_at AS savedAt FROM drafts WHERE user_id = ? ORDER BY updated_at DESC').all(actor.user.id) as Array<{
    formKey: string;
    savedAt: string;
  }>;
}
