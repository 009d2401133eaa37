/**
 * One date field for the whole app (issue 14): the date is typed as dd.mm.rrrr in a single text
 * field — one Tab stop instead of the four of Chromium's date input — and printed and parsed by
 * the one Polish formatter (shared/dates.ts). The calendar is still there: the button beside the
 * field (or Alt+↓ in it) opens the browser's own date picker.
 *
 * The value is always what the forms and the core expect: 'YYYY-MM-DD', '' when empty, or — while
 * the text is not a date — the text itself, so the form's schema refuses it on save. A text that
 * is no date gets a Polish message when the user leaves the field.
 */
import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { formatDate, parseDate } from '../../../shared/dates';
import { parseTypedDate, parseTypedTime, typedDateProblem } from '../typedDates';

export { parseTypedDate, parseTypedTime, typedDateProblem };

/** The text shown for a value: "07.12.2026" for a date, the raw text otherwise. */
function display(value: string | null | undefined): string {
  if (!value) return '';
  return parseDate(value) === value ? formatDate(value) : value;
}

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'rightSection'> {
  value: string | null | undefined;
  onChange: (value: string) => void;
  /** The text field (react-hook-form focuses it on an error). */
  ref?: Ref<HTMLInputElement>;
}

export function DateField({ value, onChange, onBlur, error, label, ...rest }: DateFieldProps) {
  const [text, setText] = useState(() => display(value));
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const pickerId = useId();

  // A value set from outside (a reset, a restored draft, the picker) shows as its date.
  useEffect(() => {
    setText((t) => {
      const current = parseTypedDate(t);
      if ((value ?? '') === (current ?? t)) return t;
      return display(value);
    });
  }, [value]);

  const openPicker = () => {
    const el = picker.current;
    if (!el) return;
    el.value = parseDate(value ?? '') ?? '';
    try {
      el.showPicker();
    } catch {
      el.focus();
    }
  };

  return (
    <TextInput
      {...rest}
      label={label}
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? 'dd.mm.rrrr'}
      value={text}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        if (problem && typedDateProblem(t) === null) setProblem(null);
        const iso = parseTypedDate(t);
        onChange(iso ?? t);
      }}
      onBlur={(e) => {
        const iso = parseTypedDate(text);
        if (iso) setText(formatDate(iso));
        setProblem(typedDateProblem(text));
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.altKey && e.key === 'ArrowDown') {
          e.preventDefault();
          openPicker();
        }
        rest.onKeyDown?.(e);
      }}
      error={problem ?? error}
      rightSectionPointerEvents="all"
      rightSection={
        <>
          <ActionIcon variant="subtle" color="gray" tabIndex={-1} aria-label="Wybierz datę z kalendarza" onClick={openPicker}>
            <CalendarIcon />
          </ActionIcon>
          <input
            ref={picker}
            id={pickerId}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            style={{ position: 'absolute', inset: 0, opacity: 0, pointerEvents: 'none', width: '100%' }}
            onChange={(e) => {
              const iso = e.currentTarget.value;
              if (!iso) return;
              setText(formatDate(iso));
              setProblem(null);
              onChange(iso);
            }}
          />
        </>
      }
    />
  );
}

/** DateField bound to a react-hook-form field (its errors included). */
export function FormDateField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Omit<DateFieldProps, 'value' | 'onChange'> & { control: Control<T>; name: FieldPath<T> }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <DateField
      {...rest}
      name={field.name}
      ref={field.ref}
      value={(field.value as string | null | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={rest.error ?? fieldState.error?.message}
    />
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

export interface TimeFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  value: string | null | undefined;
  onChange: (value: string) => void;
}

/** A time of day typed as gg:mm in one field (one Tab stop, as DateField). */
export function TimeField({ value, onChange, onBlur, error, ...rest }: TimeFieldProps) {
  const [text, setText] = useState(value ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText((t) => ((parseTypedTime(t) ?? t) === (value ?? '') ? t : (value ?? '')));
  }, [value]);
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? 'gg:mm'}
      value={text}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        if (problem && parseTypedTime(t) !== null) setProblem(null);
        onChange(parseTypedTime(t) ?? t);
      }}
      onBlur={(e) => {
        const v = parseTypedTime(text);
        if (v) setText(v);
        setProblem(v === null ? 'Wpisz godzinę jako gg:mm, np. 16:30.' : null);
        onBlur?.(e);
      }}
      error={problem ?? error}
    />
  );
}
