import { describe, expect, it } from 'vitest';
import {
  isMasked,
  isShareActive,
  keepMaskedPesel,
  keepsAssistantScope,
  maskNiebieskaKarta,
  maskPesel,
  MAX_SHARE_DAYS,
  SCOPE_ENDING_STATES,
  shareGrantSchema,
  shareStatus,
  substitutionLabel,
} from '../../../shared/access/rules';

describe('assistant scope by case state', () => {
  it('every state up to monitoring keeps the family; closed and archived end it', () => {
    expect(keepsAssistantScope('PRZYDZIELONY')).toBe(true);
    expect(keepsAssistantScope('REALIZACJA')).toBe(true);
    expect(keepsAssistantScope('ZAWIESZENIE')).toBe(true);
    expect(keepsAssistantScope('MONITORING')).toBe(true);
    expect(keepsAssistantScope('ZAMKNIETA')).toBe(false);
    expect(keepsAssistantScope('ARCHIWUM')).toBe(false);
    expect([...SCOPE_ENDING_STATES].sort()).toEqual(['ARCHIWUM', 'ZAMKNIETA']);
  });
});

describe('substitution shares', () => {
  const share = { fromOn: '2026-12-01', untilOn: '2026-12-14', revokedAt: null };

  it('is active on both inclusive end dates only', () => {
    expect(shareStatus(share, '2026-11-30')).toBe('planned');
    expect(shareStatus(share, '2026-12-01')).toBe('active');
    expect(shareStatus(share, '2026-12-14')).toBe('active');
    expect(shareStatus(share, '2026-12-15')).toBe('expired');
    expect(isShareActive({ ...share, revokedAt: '2026-12-05T10:00:00Z' }, '2026-12-06')).toBe(false);
    expect(shareStatus({ ...share, revokedAt: '2026-12-05T10:00:00Z' }, '2026-12-06')).toBe('revoked');
  });

  it('marks the family "zastępstwo do dd.mm.yyyy"', () => {
    expect(substitutionLabel('2027-01-05')).toBe('zastępstwo do 05.01.2027');
  });

  const grant = { familyId: 'f1', userId: 'u1', fromOn: '2026-12-01', untilOn: '2026-12-14', reason: 'urlop wypoczynkowy' };

  it('validates the grant with Polish messages: dates, order, at most 90 days, a reason', () => {
    expect(shareGrantSchema.safeParse(grant).success).toBe(true);
    const msg = (over: Partial<typeof grant>) => shareGrantSchema.safeParse({ ...grant, ...over }).error?.issues[0]?.message;
    expect(msg({ untilOn: '2026-11-30' })).toBe('Zastępstwo do: data nie może być wcześniejsza niż data początku.');
    expect(msg({ fromOn: '31.12.20' })).toBe('Zastępstwo od: wpisz datę jako dd.mm.rrrr, np. 07.12.2026.');
    expect(msg({ fromOn: '' })).toBe('Zastępstwo od: pole jest wymagane.');
    expect(msg({ reason: ' ' })).toContain('Powód zastępstwa');
    expect(msg({ userId: '' })).toBe('Asystent zastępujący: wybierz osobę.');
    // 90 days inclusive is the limit: 1.12.2026 + 89 days = 28.02.2027.
    expect(MAX_SHARE_DAYS).toBe(90);
    expect(shareGrantSchema.safeParse({ ...grant, untilOn: '2027-02-28' }).success).toBe(true);
    expect(msg({ untilOn: '2027-03-01' })).toBe(
      'Zastępstwo do: najwyżej 90 dni (do 28.02.2027). Dłuższa nieobecność — zmień asystenta w sprawie.',
    );
  });
});

describe('masking', () => {
  it('PESEL keeps only the last four digits', () => {
    expect(maskPesel('90041212345')).toBe('•••••••2345');
    expect(maskPesel(null)).toBeNull();
    expect(isMasked('•••••••2345')).toBe(true);
    expect(isMasked('90041212345')).toBe(false);
  });

  it('a PESEL sent back: its own exact mask keeps the stored number, any other mask is refused', () => {
    expect(keepMaskedPesel('•••••••2345', '90041212345')).toEqual({ ok: true, pesel: '90041212345' });
    expect(keepMaskedPesel('85010112345', '90041212345')).toEqual({ ok: true, pesel: '85010112345' });
    expect(keepMaskedPesel('', '90041212345')).toEqual({ ok: true, pesel: null });
    expect(keepMaskedPesel(null, null)).toEqual({ ok: true, pesel: null });
    expect(keepMaskedPesel('•••••••0000', '90041212345')).toEqual({ ok: false });
    expect(keepMaskedPesel('•••••••2345', null)).toEqual({ ok: false });
  });

  it('Niebieska Karta: the flag and state stay, the date and the GDP contact are hidden', () => {
    const nk = { active: true, startedOn: '2026-10-01', status: 'active' as const, gdpContact: 'GDP Lubicz' };
    expect(maskNiebieskaKarta(nk)).toEqual({ value: { active: true, status: 'active', startedOn: null, gdpContact: '' }, masked: true });
    expect(maskNiebieskaKarta({ active: true, startedOn: null, status: 'active' as const, gdpContact: '' }).masked).toBe(false);
    expect(maskNiebieskaKarta(null)).toEqual({ value: null, masked: false });
  });
});
