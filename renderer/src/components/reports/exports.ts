/**
 * Saving report exports: the bytes come from the core (reports:export, already audited there),
 * the shell saves them where the user chooses (window.asystaShell.saveFile; the development
 * bridge in the browser preview). Without a shell the browser downloads the file.
 */
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { formatFixed } from '../../numbers';

export type ReportExport = ChannelOutput<'reports:export'>;

export async function saveExport(x: Pick<ReportExport, 'base64' | 'fileName' | 'mime'>, kind: 'xlsx' | 'csv'): Promise<{ saved: boolean; path?: string; failed?: boolean }> {
  const shell = (window as Partial<Window>).asystaShell;
  if (shell && typeof shell.saveFile === 'function') return shell.saveFile({ base64: x.base64, fileName: x.fileName, kind });
  const bin = atob(x.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: x.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = x.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true };
}

/** "22.11.2026" from '2026-11-22'. */
export function dmy(iso: string | null | undefined): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '—';
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** "2,5" from 2.5 (Polish number format, one decimal). */
export function dec(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : formatFixed(x, 1);
}
