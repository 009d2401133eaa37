/** Polish names of the audit log's action codes; unknown codes are shown as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Logowanie',
  'auth.login_failed': 'Nieudane logowanie',
  'auth.login_throttled': 'Logowanie wstrzymane',
  'auth.login_refused_inactive': 'Logowanie na nieaktywne konto',
  'auth.logout': 'Wylogowanie',
  'session.lock': 'Blokada sesji',
  'session.autolock': 'Automatyczna blokada',
  'session.unlock': 'Odblokowanie',
  'session.unlock_failed': 'Nieudane odblokowanie',
  'user.create': 'Utworzenie konta',
  'user.update': 'Zmiana konta',
  'user.deactivate': 'Dezaktywacja konta',
  'user.activate': 'Aktywacja konta',
  'user.password_reset': 'Nadanie nowego hasła',
  'auth.password_changed': 'Zmiana hasła',
  'auth.password_change_failed': 'Nieudana zmiana hasła',
  'setup.initialize': 'Konfiguracja ośrodka',
  'recovery.confirmed': 'Potwierdzenie klucza odzyskiwania',
  'recovery.regenerated': 'Nowy klucz odzyskiwania',
  'auth.recovered_with_recovery_key': 'Odzyskanie dostępu kluczem',
  'auth.recovery_failed': 'Nieudane użycie klucza odzyskiwania',
  'auth.recovery_refused_not_admin': 'Odmowa odzyskania dostępu (konto nie jest kontem kierownika)',
  'office.update': 'Zmiana danych ośrodka',
  'settings.update': 'Zmiana ustawień',
  'family.open': 'Otwarcie karty rodziny',
  'family.open_forbidden': 'Odmowa otwarcia karty rodziny',
  'access.forbidden': 'Odmowa dostępu',
};

export function auditActionLabel(code: string): string {
  return AUDIT_ACTION_LABELS[code] ?? code;
}

const ENTITY_LABELS: Record<string, string> = {
  user: 'Konto',
  office: 'Ośrodek',
  family: 'Rodzina',
  settings: 'Ustawienia',
};

/** "Konto: Jan Nowak" when the account is known, otherwise the type and id. */
export function entityLabel(type: string | null, id: string | null, userNames?: ReadonlyMap<string, string>): string {
  if (!type) return '—';
  const name = ENTITY_LABELS[type] ?? type;
  if (type === 'user' && id && userNames?.has(id)) return `${name}: ${userNames.get(id)}`;
  if (type === 'office') return name;
  return id ? `${name} ${id}` : name;
}
