/**
 * File names the shell suggests in "save as" dialogs (documents as PDF, reports as XLSX/CSV,
 * the art. 15 JSON). Pure and Electron-free (unit-tested under Node, shared with the preview
 * bridge). The page only suggests a name; the path always comes from the system dialog.
 */

/** Windows refuses these as a file's name whatever follows the first dot ("con.txt.pdf"). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
/** Direction overrides and invisible characters that could disguise a name ("…\u202Efdp.exe"). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Longest name suggested, in characters (well under Windows' 255 and MAX_PATH with a folder). */
export const MAX_FILE_NAME = 150;

/**
 * A plain file name (never a path) ending in `.<ext>`: no folder separators or characters
 * Windows refuses, no control or invisible characters, no leading or trailing dots and spaces
 * (Windows drops trailing ones), not a reserved device name, at most MAX_FILE_NAME characters
 * (cut on whole characters); `fallback` when nothing usable is left.
 */
export function safeFileName(name: unknown, ext: string, fallback: string): string {
  const dotExt = `.${ext}`;
  let n = (typeof name === 'string' ? name : '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  let stem = n.toLowerCase().endsWith(dotExt.toLowerCase()) ? n.slice(0, -dotExt.length) : n;
  const kept = stem.length === n.length ? dotExt : n.slice(stem.length);
  stem = stem.replace(/[.\s]+$/g, '');
  const room = MAX_FILE_NAME - dotExt.length;
  if ([...stem].length > room) stem = [...stem].slice(0, room).join('').replace(/[.\s]+$/g, '');
  if (!stem) stem = fallback;
  const device = stem.split('.')[0]!.trim();
  if (WINDOWS_RESERVED.test(device)) stem = `_${stem}`;
  n = `${stem}${kept}`;
  return n;
}

/** A document saved as PDF. */
export function safePdfFileName(name: unknown): string {
  return safeFileName(name, 'pdf', 'dokument');
}

/** A report (XLSX/CSV) or the art. 15 data (JSON). */
export function safeSaveFileName(name: unknown, ext: 'xlsx' | 'csv' | 'json'): string {
  return safeFileName(name, ext, ext === 'json' ? 'dane' : 'sprawozdanie');
}
