/**
 * The embedded print font: Liberation Serif 2 (SIL Open Font License 1.1, build/fonts/
 * LICENSE-LiberationSerif.txt), metric-compatible with Times New Roman, with the full Polish
 * alphabet (ą ć ę ł ń ó ś ź ż Ą Ć Ę Ł Ń Ó Ś Ź Ż). Chromium embeds the used glyph subset in the
 * PDF, so the output is the same on any Windows PC whatever fonts it has.
 *
 * The folder comes from the host (CoreResources.fontsFolder): build/fonts in the source tree,
 * resources/fonts in the packaged app. Never found relative to this file.
 *
 * Two ways to hand the font to a template (PrintFonts are URLs):
 * - data: URLs (`loadPrintFonts`), for any renderer (Electron's hidden window, the preview);
 * - URLs on a never-resolvable host that the Chromium engine answers from memory
 *   (`ChromiumPdfEngine.fonts`): the same bytes, but setContent does not have to parse 2 MB of
 *   base64 per document (≈ 350 ms saved per render).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintFonts } from '../../shared/print/layout';

export type FontFace = keyof PrintFonts;

export const FONT_FILES: Readonly<Record<FontFace, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

export const FONT_FACES = Object.keys(FONT_FILES) as FontFace[];

const fileCache = new Map<string, Readonly<Record<FontFace, Buffer>>>();

/** The four faces from `dir` (CoreResources.fontsFolder), read once per folder. */
export function readFontFiles(dir: string): Readonly<Record<FontFace, Buffer>> {
  const hit = fileCache.get(dir);
  if (hit) return hit;
  const files = Object.fromEntries(FONT_FACES.map((f) => [f, readFileSync(join(dir, FONT_FILES[f]))])) as Record<FontFace, Buffer>;
  fileCache.set(dir, files);
  return files;
}

/** The four faces as data: URLs. */
export function loadPrintFonts(dir: string): PrintFonts {
  const files = readFontFiles(dir);
  const url = (f: FontFace) => `data:font/ttf;base64,${files[f].toString('base64')}`;
  return { regular: url('regular'), bold: url('bold'), italic: url('italic'), boldItalic: url('boldItalic') };
}
