/**
 * Trend chart of the assessment areas across assessments, as inline SVG generated from data
 * (pure string building; no DOM). One row per area, one column per assessment; within a row
 * the rating (−3…+2) is drawn as a line, with a dashed line at 0 ("poziom wystarczający").
 */
import { ASSESSMENT_AREAS } from '../rules/assessment';
import type { IsoDate } from '../rules/types';
import { formatDate } from './format';
import { html, join, raw, type SafeHtml } from './html';

export interface TrendPoint {
  /** Short column label, e.g. "wstępna", "okresowa", "końcowa". */
  label: string;
  date: IsoDate;
  /** Area code → rating −3…+2, or null when the area was not assessed. */
  ratings: Readonly<Record<string, number | null | undefined>>;
}

const W = 170;
const LABEL_W = 60;
const HEAD_H = 11;
const ROW_H = 14;
const PAD = 8;
const FONT = 2.7;

function wrap(text: string, max: number, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

const n = (x: number) => (Math.round(x * 100) / 100).toString();
/** +2, 0, −3 (true minus sign). */
export const signedRating = (r: number): string => (r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '0');
const isRatingValue = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -3 && v <= 2;

export function trendChart(points: ReadonlyArray<TrendPoint>, areas = ASSESSMENT_AREAS): SafeHtml {
  if (points.length === 0) return raw('');
  const height = HEAD_H + areas.length * ROW_H + 9;
  const x0 = LABEL_W + PAD;
  const x1 = W - PAD;
  const xs = points.map((_, i) => (points.length === 1 ? (x0 + x1) / 2 : x0 + (i * (x1 - x0)) / (points.length - 1)));
  const yOf = (rowTop: number, r: number) => rowTop + 3 + ((2 - r) / 5) * (ROW_H - 5);

  const head = points.map(
    (p, i) => html`<text x="${n(xs[i]!)}" y="4" text-anchor="middle" font-size="${FONT}" font-weight="700">${p.label}</text><text x="${n(xs[i]!)}" y="8" text-anchor="middle" font-size="${FONT}">${formatDate(p.date, { suffix: false })}</text>`,
  );

  const rows = areas.map((area, ai) => {
    const top = HEAD_H + ai * ROW_H;
    const label = wrap(area.label, 34);
    const ly = top + ROW_H / 2 - ((label.length - 1) * FONT * 1.1) / 2 + FONT * 0.35;
    const labelSvg = label.map(
      (l, li) => html`<text x="1" y="${n(ly + li * FONT * 1.1)}" font-size="${FONT}">${l}</text>`,
    );
    // Line segments between consecutive rated points (a missing rating breaks the line).
    const segs: string[] = [];
    let run: string[] = [];
    points.forEach((p, i) => {
      const r = p.ratings[area.code];
      if (isRatingValue(r)) run.push(`${n(xs[i]!)},${n(yOf(top, r))}`);
      else {
        if (run.length > 1) segs.push(run.join(' '));
        run = [];
      }
    });
    if (run.length > 1) segs.push(run.join(' '));
    const dots = points.map((p, i) => {
      const r = p.ratings[area.code];
      if (!isRatingValue(r)) {
        return html`<text x="${n(xs[i]!)}" y="${n(top + ROW_H / 2 + 1)}" text-anchor="middle" font-size="${FONT}" fill="#555">–</text>`;
      }
      const y = yOf(top, r);
      return html`<circle cx="${n(xs[i]!)}" cy="${n(y)}" r="0.9" fill="#000"/><text x="${n(xs[i]!)}" y="${n(y - 1.5)}" text-anchor="middle" font-size="2.5" font-weight="700" stroke="#fff" stroke-width="0.7" paint-order="stroke">${signedRating(r)}</text>`;
    });
    return html`<g>
${ai % 2 === 0 ? html`<rect x="0" y="${n(top)}" width="${W}" height="${ROW_H}" fill="#f1f1f1"/>` : ''}
${labelSvg}
<line x1="${n(x0 - 3)}" x2="${n(x1 + 3)}" y1="${n(yOf(top, 2))}" y2="${n(yOf(top, 2))}" stroke="#ccc" stroke-width="0.15"/>
<line x1="${n(x0 - 3)}" x2="${n(x1 + 3)}" y1="${n(yOf(top, -3))}" y2="${n(yOf(top, -3))}" stroke="#ccc" stroke-width="0.15"/>
<line x1="${n(x0 - 3)}" x2="${n(x1 + 3)}" y1="${n(yOf(top, 0))}" y2="${n(yOf(top, 0))}" stroke="#666" stroke-width="0.2" stroke-dasharray="0.8 0.8"/>
<text x="${n(x0 - 4)}" y="${n(yOf(top, 2) + 0.8)}" text-anchor="end" font-size="2" fill="#666">+2</text>
<text x="${n(x0 - 4)}" y="${n(yOf(top, 0) + 0.8)}" text-anchor="end" font-size="2" fill="#666">0</text>
<text x="${n(x0 - 4)}" y="${n(yOf(top, -3) + 0.8)}" text-anchor="end" font-size="2" fill="#666">−3</text>
${segs.map((pts) => html`<polyline points="${pts}" fill="none" stroke="#000" stroke-width="0.45"/>`)}
${dots}
</g>`;
  });

  const grid = points.map(
    (_, i) => html`<line x1="${n(xs[i]!)}" x2="${n(xs[i]!)}" y1="${HEAD_H}" y2="${HEAD_H + areas.length * ROW_H}" stroke="#bbb" stroke-width="0.2"/>`,
  );
  const legendY = HEAD_H + areas.length * ROW_H + 5;
  return html`<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${n(height)}" width="${W}mm" height="${n(height)}mm" role="img" aria-label="Wykres zmian ocen w obszarach">
${head}
${grid}
${join(rows)}
<line x1="0" x2="${W}" y1="${HEAD_H}" y2="${HEAD_H}" stroke="#000" stroke-width="0.3"/>
<line x1="0" x2="${W}" y1="${HEAD_H + areas.length * ROW_H}" y2="${HEAD_H + areas.length * ROW_H}" stroke="#000" stroke-width="0.3"/>
<text x="1" y="${n(legendY)}" font-size="2.4">Skala ocen: od −3 (poważny problem) do +2 (wyraźna mocna strona); linia przerywana: 0 (poziom wystarczający); „–”: obszaru nie oceniono.</text>
</svg></div>`;
}
