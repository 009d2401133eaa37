/**
 * Error codes that travel between the core and the UI as values (never as thrown objects across
 * a process boundary). The renderer matches on `code`; `message` is already Polish.
 */
export const ERROR_MESSAGES = {
  VALIDATION: 'Formularz zawiera błędy. Popraw zaznaczone pola.',
  FORBIDDEN: 'Nie masz uprawnień do tej czynności.',
  NOT_AUTHENTICATED: 'Zaloguj się, aby kontynuować.',
  SESSION_LOCKED: 'Sesja jest zablokowana. Wpisz hasło, aby ją odblokować.',
  WRONG_CREDENTIALS: 'Nieprawidłowy login lub hasło.',
  WRONG_PASSWORD: 'Nieprawidłowe hasło.',
  WRONG_RECOVERY_KEY: 'Nieprawidłowy klucz odzyskiwania.',
  THROTTLED: 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie później.',
  ACCOUNT_DISABLED: 'To konto jest nieaktywne. Skontaktuj się z kierownikiem ośrodka.',
  ALREADY_SET_UP: 'Ośrodek został już skonfigurowany.',
  NOT_SET_UP: 'Aplikacja nie została jeszcze skonfigurowana.',
  LOGIN_TAKEN: 'Ten login jest już zajęty.',
  NOT_FOUND: 'Nie znaleziono wskazanego rekordu.',
  STALE_EDIT: 'Ktoś inny zmienił te dane w międzyczasie. Odśwież widok i wprowadź zmiany ponownie.',
  LAST_ADMIN: 'Nie można odebrać uprawnień ani dezaktywować ostatniego aktywnego kierownika.',
  DB_FROM_FUTURE: 'Baza danych pochodzi z nowszej wersji aplikacji. Zaktualizuj Asystę.',
  DB_CORRUPT: 'Plik bazy danych jest uszkodzony lub nie jest bazą Asysty.',
  DB_LOCKED_BY_OTHER: 'Baza danych jest już otwarta w innym oknie lub programie Asysta.',
  KEYSTORE_MISSING: 'Brak pliku kluczy obok bazy danych. Przywróć go z kopii zapasowej.',
  INTERNAL: 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie; jeśli się powtórzy, zgłoś to administratorowi.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated) -> Polish message, for form validation. */
  fields?: Record<string, string>;
  /** For THROTTLED: how long to wait. */
  retryAfterSeconds?: number;
}

/** An error the core raises on purpose. Its payload is safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toPayload(): AppErrorPayload {
    const p: AppErrorPayload = { code: this.code, message: this.message };
    if (this.fields) p.fields = this.fields;
    if (this.retryAfterSeconds !== undefined) p.retryAfterSeconds = this.retryAfterSeconds;
    return p;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export function isAppErrorPayload(x: unknown): x is AppErrorPayload {
  return (
    typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string' &&
    typeof (x as { message?: unknown }).message === 'string'
  );
}
