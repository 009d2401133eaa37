/**
 * Main-process error log. Deliberately poor: it records WHEN, WHERE (the contract channel or a
 * fixed place name) and WHAT KIND (error class name and `code`), never the error message, stack or
 * any input — messages from SQLite or zod can quote personal data (names, PESEL numbers).
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 1024 * 1024;

export interface ErrorLog {
  error(place: string, err: unknown): void;
  info(message: string): void;
  readonly path: string;
}

/** Only the class name and a short machine code survive; everything else is dropped. */
export function describeError(err: unknown): string {
  if (err === null || err === undefined) return 'null';
  if (typeof err !== 'object') return typeof err;
  const name = (err as { constructor?: { name?: unknown } }).constructor?.name;
  const code = (err as { code?: unknown }).code;
  const cls = typeof name === 'string' && /^[A-Za-z0-9_$]{1,60}$/.test(name) ? name : 'Object';
  const safeCode = typeof code === 'string' && /^[A-Z0-9_:.-]{1,60}$/i.test(code) ? code : null;
  return safeCode ? `${cls} code=${safeCode}` : cls;
}

/** Channel or place names are ours ("users:create", "protocol"); anything else is masked. */
function safePlace(place: string): string {
  return /^[A-Za-z0-9_:.-]{1,60}$/.test(place) ? place : 'unknown';
}

export function createErrorLog(dir: string, fileName = 'asysta-main.log'): ErrorLog {
  const path = join(dir, fileName);
  const write = (line: string) => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        if (statSync(path).size > MAX_BYTES) renameSync(path, `${path}.1`);
      } catch {
        // no file yet
      }
      appendFileSync(path, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    path,
    error(place, err) {
      write(`ERROR ${safePlace(place)} ${describeError(err)}`);
    },
    info(message) {
      // Callers pass fixed strings only.
      write(`INFO ${message.replace(/[\r\n]/g, ' ').slice(0, 200)}`);
    },
  };
}
