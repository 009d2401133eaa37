/**
 * Issue 14 item 8: numbers on screen in the Polish format ("0,35", never "0.35"), and chart
 * category labels wrapped at word boundaries with room for every line (no overlapping labels).
 */
import { describe, expect, it } from 'vitest';
import { categoryChartHeight, charsFor, wrapLabel } from '../../../renderer/src/components/ChartTick';
import { formatFixed, formatNumber } from '../../../renderer/src/numbers';

describe('Polish number format', () => {
  it('a decimal comma, never a point; at most two decimals by default', () => {
    expect(formatNumber(0.35)).toBe('0,35');
    expect(formatNumber(1.05)).toBe('1,05');
    expect(formatNumber(0.1)).toBe('0,1');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(2 / 3)).toBe('0,67');
  });
  it('thousands grouped with a (non-breaking) space from five digits, as Polish typography wants', () => {
    expect(formatNumber(12345).replace(/\s/g, ' ')).toBe('12 345');
    expect(formatNumber(1234)).toBe('1234');
  });
  it('fixed decimals for averages: "2,5", "20,8"', () => {
    expect(formatFixed(2.5)).toBe('2,5');
    expect(formatFixed(20.833)).toBe('20,8');
  });
});

describe('chart category labels', () => {
  it('wrap at word boundaries within the axis width, at most three lines', () => {
    const lines = wrapLabel('Wniosek o asystenta — czeka na decyzję kierownika', charsFor(220 - 12));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Wniosek o asystenta — czeka na decyzję kierownika');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(charsFor(208));
    const long = wrapLabel('a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(4), 10);
    expect(long).toHaveLength(3);
    expect(long[2]!.endsWith('…')).toBe(true);
  });
  it('every bar gets the height of its label lines: a chart of 21 states is tall enough for two-line labels', () => {
    const labels = Array.from({ length: 21 }, () => 'Wniosek zweryfikowany — czeka na przydzielenie');
    expect(categoryChartHeight(labels, 220)).toBeGreaterThanOrEqual(21 * (2 * 15 + 14));
    expect(categoryChartHeight(['Zgłoszenie'], 220)).toBe(160);
  });
});
