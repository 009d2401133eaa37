/**
 * Issue 14 (a new office without help): a new account's login is offered from the name, in the
 * form the login field's example shows ("j.nowak"), and is always a valid login.
 */
import { describe, expect, it } from 'vitest';
import { loginSchema, suggestLogin } from '../../shared/schemas';

describe('suggestLogin', () => {
  it('takes the initial and the surname without Polish letters', () => {
    expect(suggestLogin('Grażyna Bielecka')).toBe('g.bielecka');
    expect(suggestLogin('Jadwiga Śliwińska')).toBe('j.sliwinska');
    expect(suggestLogin('Łucja Żółkiewska')).toBe('l.zolkiewska');
  });

  it('keeps a double-barrelled surname and ignores extra spaces', () => {
    expect(suggestLogin('  Żaneta   Wójcik-Łęcka ')).toBe('z.wojcik-lecka');
    expect(suggestLogin('Anna Maria Kowalska')).toBe('a.kowalska');
  });

  it('offers nothing when the name gives no valid login', () => {
    expect(suggestLogin('')).toBe('');
    expect(suggestLogin('Kowalska')).toBe('');
    expect(suggestLogin('Ян Ковальський')).toBe('');
  });

  it('every suggestion passes the login schema unchanged', () => {
    for (const name of ['Grażyna Bielecka', 'Żaneta Wójcik-Łęcka', 'Ewa Ó', 'Jan Nowak-Kowalski-Zieliński']) {
      const s = suggestLogin(name);
      if (s) expect(loginSchema.parse(s)).toBe(s);
    }
  });
});
