import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isValidArt43Certificate,
  checkZaZyciemEligibility,
  allowedCertificateFields,
  CERTIFICATE_SPECIALTY_VERSIONS,
  SPECIALTY_FIELD_LABELS,
  ZA_ZYCIEM_CATEGORIES,
  findingsBlock,
} from '../../../shared/rules/index';
import type { Art43Certificate, ZaZyciemFacts } from '../../../shared/rules/index';
import { isoDateArb } from './arbitraries';

const cert: Art43Certificate = {
  nfzContracted: true,
  qualification: 'specialization-II',
  field: 'neonatology',
  issuedOn: '2020-05-05',
  condition: 'severe-irreversible-impairment',
  origin: 'prenatal',
};
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('art. 4 ust. 3 ustawy „Za życiem”: the certificate', () => {
  it('a neonatologist with specjalizacja II stopnia, contracted with NFZ, stating a prenatal severe impairment -> valid', () => {
    expect(isValidArt43Certificate(cert)).toEqual({ valid: true, findings: [] });
  });
  it('tytuł specjalisty is as good as specjalizacja II stopnia; the illness route and birth origin also qualify', () => {
    expect(
      isValidArt43Certificate({ ...cert, qualification: 'specialist-title', condition: 'incurable-life-threatening-illness', origin: 'birth' })
        .valid,
    ).toBe(true);
  });
  it('a doctor who is not a "lekarz ubezpieczenia zdrowotnego" (no NFZ contract) cannot issue it', () => {
    const r = isValidArt43Certificate({ ...cert, nfzContracted: false });
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['CERT_ISSUER_NOT_NFZ']);
    expect(r.findings[0]?.basis).toBe('art. 4 ust. 3 ustawy „Za życiem”');
  });
  it.each(['specialization-I', 'none'] as const)('qualification %s is not enough', (qualification) => {
    const r = isValidArt43Certificate({ ...cert, qualification });
    expect(codes(r)).toEqual(['CERT_QUALIFICATION_INSUFFICIENT']);
  });
  it('the condition must be a severe irreversible impairment or an incurable life-threatening illness', () => {
    expect(codes(isValidArt43Certificate({ ...cert, condition: 'other' }))).toEqual(['CERT_CONDITION_NOT_QUALIFYING']);
  });
  it('the condition must have arisen in the prenatal period or during birth', () => {
    expect(codes(isValidArt43Certificate({ ...cert, origin: 'other' }))).toEqual(['CERT_ORIGIN_NOT_QUALIFYING']);
  });
  it('every failed condition is reported', () => {
    const r = isValidArt43Certificate({
      nfzContracted: false,
      qualification: 'none',
      field: 'other',
      issuedOn: '2024-01-10',
      condition: 'other',
      origin: 'other',
    });
    expect(codes(r)).toEqual([
      'CERT_ISSUER_NOT_NFZ',
      'CERT_QUALIFICATION_INSUFFICIENT',
      'CERT_FIELD_NOT_ALLOWED',
      'CERT_CONDITION_NOT_QUALIFYING',
      'CERT_ORIGIN_NOT_QUALIFYING',
    ]);
    expect(findingsBlock(r.findings)).toBe(true);
  });
  it('a field outside the list ("inna dziedzina", e.g. a paediatrician) never qualifies', () => {
    const r = isValidArt43Certificate({ ...cert, field: 'other', issuedOn: '2026-01-10' });
    expect(r.valid).toBe(false);
    expect(r.findings[0]?.message).toContain('inna dziedzina');
  });
  it('date-versioned list: a paediatric cardiologist before the extension -> invalid, after it -> valid', () => {
    const extension = CERTIFICATE_SPECIALTY_VERSIONS[CERTIFICATE_SPECIALTY_VERSIONS.length - 1]!.validFrom;
    const before = isValidArt43Certificate({ ...cert, field: 'paediatric-cardiology', issuedOn: '2020-05-05' });
    expect(before.valid).toBe(false);
    expect(codes(before)).toEqual(['CERT_FIELD_NOT_ALLOWED']);
    expect(before.findings[0]?.message).toContain('kardiologia dziecięca');
    expect(before.findings[0]?.message).toContain(extension);
    for (const field of ['paediatric-neurology', 'paediatric-cardiology', 'paediatric-surgery'] as const) {
      expect(isValidArt43Certificate({ ...cert, field, issuedOn: extension }).valid).toBe(true);
      expect(isValidArt43Certificate({ ...cert, field, issuedOn: '2026-03-01' }).valid).toBe(true);
    }
  });
  it('the list versions are sorted by validFrom and each keeps the three classic fields', () => {
    const dates = CERTIFICATE_SPECIALTY_VERSIONS.map((v) => v.validFrom);
    expect([...dates].sort()).toEqual(dates);
    for (const v of CERTIFICATE_SPECIALTY_VERSIONS) {
      expect(v.fields).toEqual(expect.arrayContaining(['obstetrics-gynaecology', 'perinatology', 'neonatology']));
    }
  });
  it('property: the three classic fields qualify on any issue date', () => {
    fc.assert(
      fc.property(
        isoDateArb('2000-01-01', '2099-12-31'),
        fc.constantFrom('obstetrics-gynaecology', 'perinatology', 'neonatology' as const),
        (issuedOn, field) => {
          expect(isValidArt43Certificate({ ...cert, issuedOn, field: field as Art43Certificate['field'] }).valid).toBe(true);
          expect(allowedCertificateFields(issuedOn)).toContain(field);
        },
      ),
    );
  });
  it('the three classic fields always qualify; a certificate dated before 1 January 2017 only warns', () => {
    const r = isValidArt43Certificate({ ...cert, issuedOn: '2016-12-31' });
    expect(r.valid).toBe(true);
    expect(codes(r)).toEqual(['CERT_ISSUED_BEFORE_ACT_IN_FORCE']);
    expect(r.findings[0]?.severity).toBe('warning');
    expect(isValidArt43Certificate({ ...cert, field: 'paediatric-surgery', issuedOn: '2016-12-31' }).valid).toBe(false);
  });
  it('an impossible issue date is a RangeError', () => {
    expect(() => isValidArt43Certificate({ ...cert, issuedOn: '2020-02-30' })).toThrow(RangeError);
  });
  it('specialty fields have Polish labels', () => {
    expect(SPECIALTY_FIELD_LABELS['obstetrics-gynaecology']).toBe('położnictwo i ginekologia');
    expect(SPECIALTY_FIELD_LABELS['paediatric-neurology']).toBe('neurologia dziecięca');
  });
});

describe('art. 8 ustawy „Za życiem”: coordination by the assistant', () => {
  const zz = (over: Partial<ZaZyciemFacts>): ZaZyciemFacts => ({
    asOf: '2026-03-10',
    category: 'ZZ1',
    pregnancyDocument: true,
    consent: 'written',
    ...over,
  });

  it.each(['ZZ1', 'ZZ2', 'ZZ3'] as const)('%s: a pregnant woman with a pregnancy document and consent -> eligible', (category) => {
    const r = checkZaZyciemEligibility(zz({ category }));
    expect(r).toEqual({ eligible: true, missingDocuments: [], findings: [] });
  });
  it.each(['ZZ1', 'ZZ2', 'ZZ3'] as const)('%s: without a document confirming pregnancy -> not eligible, document listed in Polish', (category) => {
    const r = checkZaZyciemEligibility(zz({ category, pregnancyDocument: false }));
    expect(r.eligible).toBe(false);
    expect(r.missingDocuments).toEqual(['dokument potwierdzający ciążę']);
    expect(r.findings.map((f) => f.code)).toEqual(['ZZ_PREGNANCY_DOCUMENT_MISSING']);
  });
  it('ZZ4: a valid art. 4 ust. 3 certificate is enough; no pregnancy document needed', () => {
    const r = checkZaZyciemEligibility(zz({ category: 'ZZ4', pregnancyDocument: false, certificate: cert }));
    expect(r).toEqual({ eligible: true, missingDocuments: [], findings: [] });
  });
  it('ZZ4: no certificate -> not eligible; the certificate is listed as missing', () => {
    const r = checkZaZyciemEligibility(zz({ category: 'ZZ4' }));
    expect(r.eligible).toBe(false);
    expect(r.missingDocuments).toEqual(['zaświadczenie lekarskie, o którym mowa w art. 4 ust. 3 ustawy „Za życiem”']);
    expect(codes(r)).toEqual(['ZZ_CERTIFICATE_MISSING']);
  });
  it('ZZ4 / T-refusal in §2.3: a certificate from a non-NFZ doctor -> not eligible, a valid certificate still needed', () => {
    const r = checkZaZyciemEligibility(zz({ category: 'ZZ4', certificate: { ...cert, nfzContracted: false } }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(['ZZ_CERTIFICATE_INVALID', 'CERT_ISSUER_NOT_NFZ']);
    expect(r.missingDocuments).toHaveLength(1);
    expect(r.missingDocuments[0]).toContain('uprawnionego lekarza');
  });
  it('ZZ4: a certificate dated after the check date is not accepted', () => {
    const r = checkZaZyciemEligibility(zz({ category: 'ZZ4', certificate: { ...cert, issuedOn: '2026-04-01' } }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toContain('ZZ_CERTIFICATE_ISSUED_AFTER_AS_OF');
  });
  it('ZZ5: an obstetric failure needs no statutory document', () => {
    const r = checkZaZyciemEligibility(zz({ category: 'ZZ5', pregnancyDocument: false }));
    expect(r.eligible).toBe(true);
    expect(r.missingDocuments).toEqual([]);
    expect(codes(r)).toEqual(['ZZ_OBSTETRIC_FAILURE_DOCUMENT_ADVICE']);
    expect(r.findings[0]?.severity).toBe('info');
  });
  it('the 10th-week medical-care certificate is never a condition of support (only of the 4000 zł benefit)', () => {
    for (const category of ['ZZ1', 'ZZ2', 'ZZ3', 'ZZ5'] as const) {
      const r = checkZaZyciemEligibility(zz({ category, medicalCareFromWeek10: false }));
      expect(r.eligible).toBe(true);
      expect(r.missingDocuments).toEqual([]);
      expect(r.findings.find((f) => f.code === 'ZZ_MEDICAL_CARE_WEEK10_NOT_REQUIRED')?.severity).toBe('info');
    }
    expect(checkZaZyciemEligibility(zz({ category: 'ZZ4', certificate: cert, medicalCareFromWeek10: false })).eligible).toBe(true);
  });
  it('support is given with the family’s consent: refusal -> not eligible; pending -> eligible with a warning', () => {
    const refused = checkZaZyciemEligibility(zz({ consent: 'refused' }));
    expect(refused.eligible).toBe(false);
    expect(codes(refused)).toEqual(['ZZ_CONSENT_REFUSED']);
    const pending = checkZaZyciemEligibility(zz({ consent: 'pending' }));
    expect(pending.eligible).toBe(true);
    expect(pending.findings[0]?.severity).toBe('warning');
  });
  it('consent is not a "document" in missingDocuments; several gaps are all reported', () => {
    const r = checkZaZyciemEligibility(zz({ pregnancyDocument: false, consent: 'refused' }));
    expect(r.missingDocuments).toEqual(['dokument potwierdzający ciążę']);
    expect(codes(r)).toEqual(['ZZ_PREGNANCY_DOCUMENT_MISSING', 'ZZ_CONSENT_REFUSED']);
  });
  it('rejects an impossible asOf and an unknown category', () => {
    expect(() => checkZaZyciemEligibility(zz({ asOf: '2026-02-29' }))).toThrow(RangeError);
    expect(() => checkZaZyciemEligibility(zz({ category: 'ZZ9' as never }))).toThrow(RangeError);
  });
  it('every category has a Polish label', () => {
    expect(Object.keys(ZA_ZYCIEM_CATEGORIES)).toEqual(['ZZ1', 'ZZ2', 'ZZ3', 'ZZ4', 'ZZ5']);
    expect(ZA_ZYCIEM_CATEGORIES.ZZ2.label).toBe('Kobieta w ciąży powikłanej');
  });
});
