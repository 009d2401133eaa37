import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../shared/schemas';
import { ApiError, errorMessage } from './api';

/**
 * Put the core's field messages (`fields`, dot-separated paths) on the matching inputs.
 * `prefix` strips a leading path segment (e.g. 'office.'); `known` lists the form's fields.
 * Returns the message for the form-level alert, or null when every message found its field.
 */
export function applyApiError<T extends FieldValues>(
  e: unknown,
  setError: UseFormSetError<T>,
  known: readonly Path<T>[],
  prefix = '',
): string {
  if (!(e instanceof ApiError)) return errorMessage(e);
  let unmatched = false;
  let matched = false;
  if (e.fields) {
    for (const [rawPath, message] of Object.entries(e.fields)) {
      const path = prefix && rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : rawPath;
      if ((known as readonly string[]).includes(path)) {
        setError(path as Path<T>, { type: 'server', message });
        matched = true;
      } else {
        unmatched = true;
      }
    }
  }
  if (matched && !unmatched && e.code === 'VALIDATION') return 'Popraw zaznaczone pola.';
  return e.message;
}

export const repeatField = z.string().min(1, { error: 'Powtórz hasło: pole jest wymagane.' });

export const PASSWORDS_DIFFER = 'Hasła nie są takie same.';

/** Adds the client-side "repeat must match" check to a form schema. */
export function withRepeat<T extends z.ZodObject>(schema: T, passwordKey: string, repeatKey: string) {
  return schema.refine(
    (d) => (d as Record<string, unknown>)[passwordKey] === (d as Record<string, unknown>)[repeatKey],
    {
      path: [repeatKey],
      error: PASSWORDS_DIFFER,
      // Check even while other fields are still wrong, so every message shows at once.
      when: (payload) => {
        const v = payload.value as Record<string, unknown> | undefined;
        return typeof v?.[passwordKey] === 'string' && typeof v?.[repeatKey] === 'string';
      },
    },
  );
}

export const PASSWORD_RULE = `Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków, w tym co najmniej jedną literę i jedną cyfrę.`;
