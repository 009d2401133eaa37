import {
  createTheme,
  DEFAULT_THEME,
  luminance,
  toRgba,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeColors,
} from '@mantine/core';
import type { Contrast, TextSize } from '../../shared/display';

// ---- contrast (WCAG 2.1) -------------------------------------------------------------------------

/** WCAG contrast ratio of two opaque colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** `fg` at `alpha` over the opaque `bg` (how a light tint looks on the page). */
export function over(fg: string, alpha: number, bg: string): string {
  const f = toRgba(fg);
  const b = toRgba(bg);
  return toHex(f.r * alpha + b.r * (1 - alpha), f.g * alpha + b.g * (1 - alpha), f.b * alpha + b.b * (1 - alpha));
}

const WHITE = '#ffffff';
const GRAY = DEFAULT_THEME.colors.gray;

/**
 * Everything coloured text sits on in this app: white cards, the grey page (gray.0, gray.1), and
 * the colour's own light tint (Alert, Badge, active menu item: 10–15 % of the colour) on those.
 */
export function textBackgrounds(shade: string): string[] {
  return [WHITE, GRAY[0], GRAY[1], over(shade, 0.15, WHITE), over(shade, 0.12, GRAY[0]), over(shade, 0.12, GRAY[1])];
}

/** The first of `color` scaled towards black in 0.5 % steps (hue kept) that satisfies `ok`. */
function darkenUntil(color: string, ok: (c: string) => boolean): string {
  const { r, g, b } = toRgba(color);
  for (let f = 1; f > 0; f -= 0.005) {
    const c = toHex(r * f, g * f, b * f);
    if (ok(c)) return c;
  }
  return '#000000';
}

/**
 * Mantine's palettes with shades 6–9 (filled buttons under white text, the "light" variants'
 * text, coloured and dimmed text, links) darkened just enough to reach `minRatio` against every
 * background in textBackgrounds, each shade visibly darker than the one before. Shades 0–5
 * (backgrounds, borders) stay as they are. Computed rather than hand-picked so that the rule is
 * the code: tests/unit/theme-contrast.test.ts checks the result.
 */
export function accessiblePalettes(minRatio: number): MantineThemeColors {
  const out: Record<string, MantineColorsTuple> = {};
  for (const [name, palette] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark') {
      out[name] = palette;
      continue;
    }
    const shades = [...palette];
    let prev: string | null = null;
    for (let s = 6; s <= 9; s++) {
      const after = prev;
      const c = darkenUntil(
        shades[s]!,
        (x) => textBackgrounds(x).every((bg) => contrastRatio(x, bg) >= minRatio) && (after === null || luminance(x) <= luminance(after) * 0.82),
      );
      shades[s] = c;
      prev = c;
    }
    out[name] = shades as unknown as MantineColorsTuple;
  }
  return out as MantineThemeColors;
}

/** WCAG 2.1 AA asks 4.5:1 for normal text; a little margin for rounding and anti-aliasing. */
export const STANDARD_MIN_RATIO = 4.6;
/** The high-contrast theme meets AAA (7:1) for all text. */
export const HIGH_MIN_RATIO = 7.5;

// ---- themes ------------------------------------------------------------------------------------

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

/** System fonts only: no font is fetched from anywhere (CSP, offline workstation). */
const base = {
  primaryColor: 'blue',
  defaultRadius: 'sm',
  focusRing: 'auto',
  // Users who ask their system for less motion get no fades or slides.
  respectReducedMotion: true,
  // Text on a filled colour is black or white, whichever reads better.
  autoContrast: true,
  fontFamily: FONT,
  fontFamilyMonospace: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace',
  headings: { fontFamily: FONT },
  components: {
    // A table wider than the screen (often at A++) scrolls sideways in its container: the
    // container takes keyboard focus so that the arrow keys scroll it (WCAG 2.1.1).
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
} as const;

const STANDARD_COLORS = accessiblePalettes(STANDARD_MIN_RATIO);
const HIGH_COLORS = accessiblePalettes(HIGH_MIN_RATIO);

export const theme = createTheme({ ...base, colors: STANDARD_COLORS });
export const highContrastTheme = createTheme({ ...base, colors: HIGH_COLORS });

/** How much larger everything is at each text size (the root font size; every size is in rem). */
export const TEXT_SCALE: Record<TextSize, number> = { A: 1, 'A+': 1.25, 'A++': 1.5 };

/**
 * The theme for a contrast and a text size. Breakpoints grow with the text, as they would with
 * the browser's zoom: at A++ a 1024 px window is laid out like a 683 px one (the side menu folds
 * behind the menu button, form grids take one column) instead of squeezing large text into a
 * narrow column. Media queries count em from the browser's 16 px, whatever the root font size.
 */
export function themeFor(contrast: Contrast, size: TextSize) {
  const scale = TEXT_SCALE[size];
  const breakpoints = Object.fromEntries(
    Object.entries(DEFAULT_THEME.breakpoints).map(([k, v]) => [k, `${Number.parseFloat(v) * scale}em`]),
  ) as typeof DEFAULT_THEME.breakpoints;
  return createTheme({ ...base, colors: contrast === 'high' ? HIGH_COLORS : STANDARD_COLORS, breakpoints });
}

/**
 * Semantic colours Mantine takes from fixed shades: hints ("dimmed") and placeholders from
 * gray.6 / gray.5 — 3.3:1 and 2.1:1 in Mantine's palette — are given a shade that reads.
 */
const HIGH_VARIABLES: Record<string, string> = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-8)',
  '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-7)',
  '--mantine-color-default-border': 'var(--mantine-color-gray-7)',
  '--mantine-color-text': '#000000',
};
const STANDARD_VARIABLES: Record<string, string> = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-6)',
  '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  '--mantine-color-error': 'var(--mantine-color-red-6)',
};
export const cssVariables =
  (contrast: Contrast): CSSVariablesResolver =>
  () => ({ variables: {}, light: contrast === 'high' ? HIGH_VARIABLES : STANDARD_VARIABLES, dark: {} });
