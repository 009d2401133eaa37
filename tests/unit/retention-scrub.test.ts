/** Anonymisation of stored JSON keeps statistics (dates, codes, ratings, flags) and nothing identifying. */
import { describe, expect, it } from 'vitest';
import { distributionSchema } from '../../shared/ipc/channels/work';
import { zzDocumentsSchema } from '../../shared/registrySchemas';
import { ANONYMISED, birthYearOnly, scrubJson, scrubText, scrubValue } from '../../shared/retention/scrub';
import { entryFieldsSchema } from '../../shared/workSchemas';

describe('scrub', () => {
  it('assessment areas: ratings stay, justifications go', () => {
    const areas = { HOUSING: { rating: -2, justification: 'Mieszkanie u teściowej Haliny Kowalczyk' }, WORK: { notAssessedReason: 'Ojciec w areszcie w Toruniu' } };
    expect(JSON.parse(scrubJson(JSON.stringify(areas))!)).toEqual({ HOUSING: { rating: -2, justification: ANONYMISED }, WORK: { notAssessedReason: ANONYMISED } });
  });

  it('case history details: actions, codes, dates and ids stay; notes, courts, names and free reasons go', () => {
    const d = {
      decidedOn: '2015-02-01',
      assistantId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      assistantName: 'Agnieszka Śliwińska',
      note: 'Matka (Jadwiga) prosi o kontakt po 16',
      reason: 'CEL',
      findings: ['INTERVIEW_OVERDUE'],
      basis: { kind: 'court-order', court: 'Sąd Rejonowy w Toruniu', caseRef: 'III Nsm 123/15', date: '2015-01-20' },
      suspendReason: { on: '2015-03-01', reason: 'Pobyt matki w szpitalu' },
    };
    expect(scrubValue(d)).toEqual({
      decidedOn: '2015-02-01',
      assistantId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      assistantName: ANONYMISED,
      note: ANONYMISED,
      reason: 'CEL',
      findings: ['INTERVIEW_OVERDUE'],
      basis: { kind: 'court-order', court: ANONYMISED, caseRef: ANONYMISED, date: '2015-01-20' },
      suspendReason: { on: '2015-03-01', reason: ANONYMISED },
    });
  });

  it('a capitalised or spaced value under a code key is text, not a code', () => {
    expect(scrubValue({ place: 'home', status: 'Kowalski', area: 'Rejon I', relation: 'matka' })).toEqual({ place: 'home', status: ANONYMISED, area: ANONYMISED, relation: 'matka' });
  });

  it('birth dates and PESEL numbers become null; flags and amounts stay', () => {
    const members = [{ firstName: 'Helena', lastName: 'Żbik', pesel: '90041212345', birthDate: '1990-04-12', finalConvictionIntentionalCrime: false }];
    expect(scrubValue(members)).toEqual([{ firstName: ANONYMISED, lastName: ANONYMISED, pesel: null, birthDate: null, finalConvictionIntentionalCrime: false }]);
    expect(scrubValue({ monthlyLimitGr: 50000, number: '12/2015' })).toEqual({ monthlyLimitGr: 50000, number: ANONYMISED });
  });

  it('columns: null stays null, empty stays empty, broken JSON becomes the marker', () => {
    expect(scrubJson(null)).toBeNull();
    expect(scrubJson('not json')).toBe(JSON.stringify(ANONYMISED));
    expect(scrubText('')).toBe('');
    expect(scrubText('  ')).toBe('  ');
    expect(scrubText('Pies w ogrodzie')).toBe(ANONYMISED);
    expect(birthYearOnly('2015-06-01')).toBe('2015-01-01');
    expect(birthYearOnly(null)).toBeNull();
  });

  it('the stored shapes stay valid for the contract: Za życiem certificate codes, distribution findings, visit codes', () => {
    const zz = {
      pregnancyDocument: true,
      certificate: {
        issuer: 'lek. Bronisława Kołtun-Wąs',
        nfzContracted: true,
        qualification: 'specialization-II',
        field: 'neonatology',
        issuedOn: '2018-03-02',
        condition: 'incurable-life-threatening-illness',
        origin: 'prenatal',
      },
      medicalCareFromWeek10: true,
    };
    const zzOut = scrubValue(zz) as typeof zz;
    expect(zzDocumentsSchema.parse(zzOut).certificate).toMatchObject({ issuer: ANONYMISED, field: 'neonatology', condition: 'incurable-life-threatening-illness' });
    const distribution = {
      recipients: [{ role: 'krpz', name: 'Marianna Sójka-Wilk', address: 'ul. Lipowa 3, Toruń', child: 'Gniewomir' }],
      findings: [{ code: 'DISTRIBUTION_KRPZ_ADDRESS_MISSING', severity: 'warning', message: 'Brak adresu koordynatora Marianny', basis: 'art. 15' }],
    };
    const d = distributionSchema.parse(scrubValue(distribution));
    expect(d.recipients[0]).toEqual({ role: 'krpz', name: ANONYMISED, address: ANONYMISED, child: ANONYMISED });
    expect(d.findings[0]).toMatchObject({ code: 'DISTRIBUTION_KRPZ_ADDRESS_MISSING', severity: 'warning', message: ANONYMISED });
    const failed = entryFieldsSchema.safeParse(scrubValue({ on: '2015-02-02', place: 'home', failedReason: 'nobody-home', participants: ['Zdzisława'] }));
    expect(failed.success && failed.data).toMatchObject({ place: 'home', failedReason: 'nobody-home', participants: [ANONYMISED] });
  });
});
