/**
 * A whole-number field bound to react-hook-form: empty input is `undefined` (so zod reports
 * "required" in Polish), no decimals, no negatives, no silent clamping (out-of-range values are
 * reported by the schema rather than corrected behind the user's back).
 */
import { NumberInput } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface IntegerFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  min: number;
  max: number;
  width?: number;
  /** Called on every change (e.g. to hide a "saved" message). */
  onEdit?: () => void;
}

export function IntegerField<T extends FieldValues>({ control, name, label, description, min, max, width, onEdit }: IntegerFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={width}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={typeof field.value === 'number' ? field.value : ''}
          onChange={(v) => {
            onEdit?.();
            field.onChange(typeof v === 'number' ? v : undefined);
          }}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
