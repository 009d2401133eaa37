/** Shared bits of the backup CLIs: reading the secret, one-line errors, exit codes. */
import { createInterface } from 'node:readline';
import { AppError } from '../../shared/errors';
import type { BackupSecret } from '../backup';

/** The whole of standard input (one secret, trailing newline removed). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Prompt on the terminal without echoing what is typed. */
async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let prompted = false;
  out._writeToOutput = (s: string) => {
    if (!prompted) {
      out.output.write(s);
      prompted = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export async function readSecret(opts: { login?: string; recoveryKey?: boolean; stdin?: boolean }): Promise<BackupSecret> {
  const label = opts.recoveryKey ? 'Klucz odzyskiwania / recovery key: ' : `Hasło konta ${opts.login} / password: `;
  const value = opts.stdin ? await readStdin() : await promptHidden(label);
  if (!value) throw new AppError('VALIDATION', opts.recoveryKey ? 'Nie podano klucza odzyskiwania.' : 'Nie podano hasła.');
  return opts.recoveryKey ? { recoveryKey: value } : { login: opts.login ?? 'admin', password: value };
}

/** Print a one-line error (Polish message and error code) and exit non-zero. */
export function fail(e: unknown): never {
  if (e instanceof AppError) {
    console.error(`Błąd [${e.code}]: ${e.message}`);
    process.exit(1);
  }
  const err = e as NodeJS.ErrnoException;
  console.error(`Błąd / error: ${err?.code ? `${err.code} ` : ''}${String(err?.message ?? e).split('\n')[0]}`);
  process.exit(1);
}

export function usage(text: string): never {
  console.error(`Użycie / usage: ${text}`);
  process.exit(2);
}
