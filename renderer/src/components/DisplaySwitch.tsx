/**
 * The text-size buttons (A / A+ / A++) and the high-contrast toggle, as the offices' own web
 * sites offer them. Ordinary buttons with aria-pressed: Tab reaches them, Enter or Space presses.
 */
import { Button, Group } from '@mantine/core';
import { TEXT_SIZE_LABELS, TEXT_SIZES } from '../../../shared/display';
import { useDisplay } from '../display';

const GLYPH_SIZE = { A: '0.85rem', 'A+': '1rem', 'A++': '1.15rem' } as const;

export function DisplaySwitch() {
  const { prefs, change } = useDisplay();
  const high = prefs.contrast === 'high';
  return (
    <Group gap="xs" wrap="wrap" data-testid="display-switch">
      <Group gap={4} wrap="nowrap" role="group" aria-label="Wielkość tekstu">
        {TEXT_SIZES.map((size) => {
          const on = prefs.textSize === size;
          return (
            <Button
              key={size}
              size="compact-sm"
              variant={on ? 'filled' : 'default'}
              aria-pressed={on}
              title={TEXT_SIZE_LABELS[size]}
              onClick={() => change({ textSize: size })}
              styles={{ label: { fontSize: GLYPH_SIZE[size], fontWeight: 700 } }}
            >
              {size}
            </Button>
          );
        })}
      </Group>
      <Button
        size="compact-sm"
        variant={high ? 'filled' : 'default'}
        aria-pressed={high}
        onClick={() => change({ contrast: high ? 'standard' : 'high' })}
      >
        Wysoki kontrast
      </Button>
    </Group>
  );
}
