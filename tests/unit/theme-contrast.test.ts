/**
 * WCAG 2.1 contrast of the renderer's themes (issue 14): every text colour the theme hands out
 * reaches 4.5:1 (standard theme, AA) or 7:1 (high contrast, AAA) on every background it is used
 * on, and white on a filled button reads as well. Mantine's own palette fails these (grey hints
 * 3.3:1, white on blue 3.6:1, yellow headings 1.7:1) — the reason the palettes are derived.
 */
import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, highContrastTheme, over, textBackgrounds, theme } from '../../renderer/src/theme';

const TEXT_SHADES = [6, 7, 8, 9] as const;
const colourNames = Object.keys(DEFAULT_THEME.colors).filter((n) => n !== 'dark');

function worst(colors: Record<string, readonly string[]>): { ratio: number; where: string } {
  let min = { ratio: Infinity, where: '' };
  for (const name of colourNames) {
    for (const s of TEXT_SHADES) {
      const fg = colors[name]![s]!;
      for (const bg of textBackgrounds(fg)) {
        const ratio = contrastRatio(fg, bg);
        if (ratio < min.ratio) min = { ratio, where: `${name}.${s} ${fg} on ${bg}` };
      }
    }
  }
  return min;
}

describe('theme contrast', () => {
  it('Mantine’s default palette fails AA (the findings of the walk-through)', () => {
    expect(contrastRatio(DEFAULT_THEME.colors.gray[6], '#ffffff')).toBeCloseTo(3.32, 1);
    expect(contrastRatio('#ffffff', DEFAULT_THEME.colors.blue[6])).toBeCloseTo(3.55, 1);
    expect(contrastRatio(DEFAULT_THEME.colors.yellow[6], over(DEFAULT_THEME.colors.yellow[6], 0.1, '#ffffff'))).toBeLessThan(2);
    expect(worst(DEFAULT_THEME.colors).ratio).toBeLessThan(4.5);
  });

  it('standard theme: text shades reach 4.5:1 on white, the grey page and their own tints (AA)', () => {
    const w = worst(theme.colors as Record<string, readonly string[]>);
    expect(w.ratio, w.where).toBeGreaterThanOrEqual(4.5);
  });

  it('high-contrast theme: text shades reach 7:1 everywhere (AAA)', () => {
    const w = worst(highContrastTheme.colors as Record<string, readonly string[]>);
    expect(w.ratio, w.where).toBeGreaterThanOrEqual(7);
  });

  it('white on every filled colour (buttons, badges) reads at 4.5:1, and shades get darker 6 → 9', () => {
    for (const name of colourNames) {
      const pal = theme.colors![name]!;
      expect(contrastRatio('#ffffff', pal[6]), name).toBeGreaterThanOrEqual(4.5);
      for (const s of [7, 8, 9]) expect(contrastRatio('#ffffff', pal[s]!), `${name}.${s}`).toBeGreaterThan(contrastRatio('#ffffff', pal[s - 1]!));
    }
  });

  it('backgrounds and borders (shades 0–5) are Mantine’s own', () => {
    for (const name of colourNames) expect(theme.colors![name]!.slice(0, 6)).toEqual(DEFAULT_THEME.colors[name as 'blue'].slice(0, 6));
  });
});
