import { PasswordInput } from '@mantine/core';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { PASSWORD_RULE } from '../forms';

/**
 * "Nowe hasło" (with the password rule under it) and "Powtórz nowe hasło", registered in the
 * caller's form as `newPassword` and `repeat`.
 */
export function NewPasswordFields({
  newPassword,
  repeat,
  errors,
  autoFocus,
}: {
  newPassword: UseFormRegisterReturn;
  repeat: UseFormRegisterReturn;
  errors: { newPassword?: FieldError; repeat?: FieldError };
  autoFocus?: boolean;
}) {
  return (
    <>
      <PasswordInput
        label="Nowe hasło" required
        description={PASSWORD_RULE}
        autoFocus={autoFocus}
        autoComplete="new-password"
        error={errors.newPassword?.message}
        {...newPassword}
      />
      <PasswordInput label="Powtórz nowe hasło" required autoComplete="new-password" error={errors.repeat?.message} {...repeat} />
    </>
  );
}
