import { describe, expect, it } from 'vitest';
import { contract, CHANNELS } from '../../shared/ipc/contract';
import { ROLES } from '../../shared/roles';
import { handlers } from '../../db/handlers/index';
import { newAccountSchema, officeProfileSchema, passwordSchema, loginSchema } from '../../shared/schemas';
import { foldPolish } from '../../shared/text';

describe('the IPC contract', () => {
  it('names every channel domain:verb and gives each one an access rule', () => {
    for (const name of CHANNELS) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      const access = contract[name].access;
      const rule = typeof access === 'object' && !Array.isArray(access) ? (access as { afterSetup: unknown }).afterSetup : access;
      if (Array.isArray(rule)) {
        expect(rule.length).toBeGreaterThan(0);
        for (const r of rule) expect(ROLES).toContain(r);
      } else expect(['public', 'session']).toContain(rule);
    }
  });

  it('has a main-process handler for every channel and no handler without a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('keeps administration channels for the administrator only', () => {
    for (const c of ['users:create', 'users:update', 'users:setActive', 'users:resetPassword', 'settings:update', 'office:update', 'recovery:regenerate'] as const) {
      expect(contract[c].access).toEqual(['admin']);
    }
    // The data protection officer reads the audit log and who the accounts are (issue 7), nothing more here.
    for (const c of ['users:list', 'audit:list'] as const) expect(contract[c].access).toEqual(['admin', 'dpo']);
  });

  it('the data protection officer reaches no family or case content (issue 7)', () => {
    const contentAreas = /^(families|cases|entries|assessments|plans|documents|supporting|court|catalogue|authorisations|closure|deadlines|zz|reports|sensitive|shares):/;
    for (const name of CHANNELS.filter((c) => contentAreas.test(c))) {
      const access = contract[name].access;
      expect(access === 'session' || (Array.isArray(access) && access.includes('dpo')), name).toBe(false);
    }
  });

  it('only setup, login, recovery, status and the look of the screen are public', () => {
    const pub = CHANNELS.filter((c) => contract[c].access === 'public').sort();
    // display:*: text size and contrast of the login screen — two enumerated values, no data.
    expect(pub).toEqual(['app:status', 'auth:login', 'auth:recover', 'display:get', 'display:set', 'setup:confirmRecoveryKey', 'setup:initialize']);
  });

  it('checking and restoring a backup are public only on a fresh installation (first-run wizard)', () => {
    expect(contract['backup:verify'].access).toEqual({ beforeSetup: 'public', afterSetup: 'session' });
    expect(contract['backup:restore'].access).toEqual({ beforeSetup: 'public', afterSetup: ['admin'] });
  });
});

describe('validation schemas speak Polish and name the field', () => {
  it('password policy', () => {
    expect(passwordSchema.safeParse('krótkie').error?.issues[0]?.message).toBe('Hasło: co najmniej 10 znaków.');
    expect(passwordSchema.safeParse('bezcyfrowehaslo').error?.issues[0]?.message).toContain('jedną cyfrę');
    expect(passwordSchema.safeParse('Żółwik2026x').success).toBe(true);
  });

  it('login: lower-case ASCII, trimmed', () => {
    expect(loginSchema.parse('  JKowalska ')).toBe('jkowalska');
    expect(loginSchema.safeParse('łucja').error?.issues[0]?.message).toContain('bez polskich znaków');
  });

  it('office profile: postal code 00-000, required fields', () => {
    const r = officeProfileSchema.safeParse({ name: '', address: 'x', postalCode: '87122', place: 'x', gmina: 'x', headName: 'x' });
    const msgs = r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining(['name: Nazwa ośrodka: pole jest wymagane.', 'postalCode: Kod pocztowy: wpisz w formacie 00-000.']),
    );
  });

  it('account: unknown role refused', () => {
    const r = newAccountSchema.safeParse({ fullName: 'A B', login: 'ab1', role: 'root', password: 'Haslo123456' });
    expect(r.error?.issues[0]?.message).toBe('Rola: wybierz jedną z ról.');
  });
});

describe('diacritics-insensitive folding', () => {
  it('folds every Polish letter', () => {
    expect(foldPolish('ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż')).toBe('acelnoszz acelnoszz');
    expect(foldPolish('  Wójcik-Łęcka ')).toBe('wojcik-lecka');
  });
});
