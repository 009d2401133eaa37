/**
 * How the screen is shown to one user (issue 14, as the offices' own web sites offer it): text
 * size A / A+ / A++ and a high-contrast theme. Remembered per user in the database; before anyone
 * logs in, the workstation's last choice applies.
 */
import { z } from 'zod';

export const TEXT_SIZES = ['A', 'A+', 'A++'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const CONTRASTS = ['standard', 'high'] as const;
export type Contrast = (typeof CONTRASTS)[number];

export const displayPrefsSchema = z
  .object({
    textSize: z.enum(TEXT_SIZES, { error: 'Wielkość tekstu: wybierz A, A+ albo A++.' }),
    contrast: z.enum(CONTRASTS, { error: 'Kontrast: standardowy albo wysoki.' }),
  })
  .strict();
export type DisplayPrefs = z.output<typeof displayPrefsSchema>;

export const DEFAULT_DISPLAY_PREFS: DisplayPrefs = { textSize: 'A', contrast: 'standard' };

/** What each size button does, for its tooltip and for screen readers. */
export const TEXT_SIZE_LABELS: Record<TextSize, string> = {
  A: 'Tekst standardowej wielkości',
  'A+': 'Tekst powiększony',
  'A++': 'Tekst najbardziej powiększony',
};
