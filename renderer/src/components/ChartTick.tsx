/**
 * Category labels of horizontal bar charts that stay readable: long labels ("Wniosek o asystenta —
 * czeka na decyzję kierownika") wrap at word boundaries into at most three lines, and the chart
 * gives every bar enough height for its lines, so labels never overlap (issue 14).
 */
const LINE_HEIGHT = 15;
const MAX_LINES = 3;

/** Words packed into lines of about `maxChars` characters (the last line ends with "…" if cut). */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]}…`;
  return kept;
}

/** Characters that fit in `width` px at the 12 px axis font (a conservative average). */
export function charsFor(width: number): number {
  return Math.max(8, Math.floor(width / 6.6));
}

/** Height of a vertical-layout bar chart whose category axis is `width` px wide. */
export function categoryChartHeight(labels: ReadonlyArray<string>, width: number, min = 160): number {
  const rows = labels.map((l) => wrapLabel(l, charsFor(width)).length);
  const perBar = Math.max(2, ...rows) * LINE_HEIGHT + 14;
  return Math.max(min, labels.length * perBar + 40);
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  /** The axis width (px), to wrap at. */
  width?: number;
}

/** A recharts tick (pass as `yAxisProps.tick`) drawing the label right-aligned in wrapped lines. */
export function CategoryTick({ x = 0, y = 0, payload, width = 200 }: TickProps) {
  const lines = wrapLabel(String(payload?.value ?? ''), charsFor(width - 12));
  const first = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={x - 8} y={y} textAnchor="end" fontSize={12} fill="currentColor" dominantBaseline="middle">
      {lines.map((l, i) => (
        <tspan key={i} x={x - 8} dy={i === 0 ? first : LINE_HEIGHT}>
          {l}
        </tspan>
      ))}
    </text>
  );
}
