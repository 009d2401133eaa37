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
  BACKUP_VERIFY_FAILED:
    'Sprawdzenie zapisanej kopii zapasowej nie powiodło się: plik na nośniku różni się od tego, co zapisano. Kopia została usunięta; spróbuj ponownie lub użyj innego nośnika.',
  BACKUP_CORRUPT: 'Plik kopii zapasowej jest uszkodzony (zmieniony lub źle odczytany) albo nie jest kopią Asysty. Nic nie zostało przywrócone.',
  BACKUP_TRUNCATED: 'Plik kopii zapasowej jest niekompletny (ucięty, np. nośnik wyjęto w trakcie zapisu). Nic nie zostało przywrócone.',
  BACKUP_WRONG_SECRET:
    'Hasło lub klucz odzyskiwania nie pasuje do tej kopii. Kopię otwiera klucz odzyskiwania albo hasło konta, które istniało w chwili jej wykonania.',
  BACKUP_FROM_FUTURE: 'Kopia zapasowa pochodzi z nowszej wersji Asysty. Zaktualizuj aplikację, aby ją przywrócić.',
  TARGET_REMOVED:
    'Nośnik lub folder docelowy zniknął w trakcie zapisu (np. wyjęto pendrive). Kopia NIE została wykonana; dane w programie są nienaruszone.',
  TARGET_NOT_WRITABLE: 'Nie można zapisywać w wybranym folderze (brak uprawnień albo nośnik tylko do odczytu). Kopia NIE została wykonana.',
  DISK_FULL: 'Na nośniku docelowym zabrakło miejsca (lub plik jest za duży dla systemu plików nośnika). Kopia NIE została wykonana.',
  BACKUP_CANCELLED: 'Tworzenie kopii zapasowej przerwano. Niedokończony plik usunięto.',
  RESTORE_NEEDS_CONFIRMATION: 'Obecne dane zawierają zmiany nowsze niż kopia. Przywrócenie je usunie — potwierdź, aby kontynuować.',
  INVALID_TRANSITION: 'Tej czynności nie można wykonać w obecnym stanie sprawy.',
  RULE_BLOCKED: 'Przepisy lub reguły ośrodka nie pozwalają na tę czynność — zobacz szczegóły.',
  CASELOAD_LIMIT_REACHED: 'Asystent osiągnął limit rodzin (art. 15 ust. 4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej).',
  DUPLICATE_FAMILY: 'Ta osoba jest już w kartotece innej rodziny (ten sam PESEL).',
  DUPLICATE_WARNING: 'W kartotece są osoby o tym samym imieniu, nazwisku i dacie urodzenia — sprawdź i potwierdź, że to inna rodzina.',
  FILE_PASSWORD_REQUIRED: 'Plik jest chroniony hasłem. Wpisz hasło do pliku, aby go odczytać.',
  FILE_WRONG_PASSWORD: 'Hasło do pliku jest nieprawidłowe. Sprawdź wielkość liter i spróbuj ponownie.',
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
  /** Rule findings behind a refusal (code, severity, Polish message, legal basis). */
  findings?: Array<{ code: string; severity: 'blocker' | 'warning' | 'info'; message: string; basis: string }>;
}

/** An error the core raises on purpose. Its payload is safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;
  readonly findings?: AppErrorPayload['findings'];

  constructor(
    code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number; findings?: AppErrorPayload['findings'] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.findings = extra.findings;
  }

  toPayload(): AppErrorPayload {
    const p: AppErrorPayload = { code: this.code, message: this.message };
    if (this.fields) p.fields = this.fields;
    if (this.retryAfterSeconds !== undefined) p.retryAfterSeconds = this.retryAfterSeconds;
    if (this.findings) p.findings = this.findings;
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
