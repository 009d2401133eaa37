import type { Finding, IsoDate } from './types';
import type { SpecialtyField, ZaZyciemCategory } from './labels';
import { DOCUMENT_LABELS, QUALIFICATION_LABELS, SPECIALTY_FIELD_LABELS, ZA_ZYCIEM_CATEGORIES } from './labels';
import { finding, findingsBlock } from './findings';
import { assertIsoDate } from './isoDate';

/** Ustawa „Za życiem” (Dz. U. 2016 poz. 1860) in force from this day. */
export const ZA_ZYCIEM_IN_FORCE_FROM: IsoDate = '2017-01-01';

/**
 * Specialisations whose holders (specjalizacja II stopnia or tytuł specjalisty) may issue the
 * art. 4 ust. 3 certificate, versioned by the certificate's issue date. The three classic fields
 * have qualified since the Act came into force. The paediatric fields were added later; the
 * exact effective date is UNVERIFIED in domain.md (§3.2, §9 item 3: "the 2022–2023 changes"),
 * so 2023-02-01 — the date of the 2023 Za życiem amendments cited there — is used as a
 * configurable placeholder. Check it against ISAP before relying on it for borderline dates.
 */
export const CERTIFICATE_SPECIALTY_VERSIONS: ReadonlyArray<{
  validFrom: IsoDate;
  fields: ReadonlyArray<SpecialtyField>;
  note: string;
}> = [
  {
    validFrom: ZA_ZYCIEM_IN_FORCE_FROM,
    fields: ['obstetrics-gynaecology', 'perinatology', 'neonatology'],
    note: 'Pierwotne brzmienie art. 4 ust. 3 (Dz. U. 2016 poz. 1860).',
  },
  {
    validFrom: '2023-02-01',
    fields: [
      'obstetrics-gynaecology',
      'perinatology',
      'neonatology',
      'paediatric-neurology',
      'paediatric-cardiology',
      'paediatric-surgery',
    ],
    note: 'Rozszerzenie o neurologię, kardiologię i chirurgię dziecięcą (data wejścia w życie do weryfikacji).',
  },
];

/** Fields allowed for a certificate issued on `issuedOn`. The first version is the baseline for
 *  any earlier date too, so the three classic fields always qualify (contract). */
export function allowedCertificateFields(issuedOn: IsoDate): ReadonlyArray<SpecialtyField> {
  assertIsoDate(issuedOn, 'issuedOn');
  let current: ReadonlyArray<SpecialtyField> = CERTIFICATE_SPECIALTY_VERSIONS[0]?.fields ?? [];
  for (const v of CERTIFICATE_SPECIALTY_VERSIONS) if (v.validFrom <= issuedOn) current = v.fields;
  return current;
}

/** First date from which `field` qualifies, or null if it never does. */
export function certificateFieldAllowedFrom(field: SpecialtyField): IsoDate | null {
  return CERTIFICATE_SPECIALTY_VERSIONS.find((v) => v.fields.includes(field))?.validFrom ?? null;
}

export type { SpecialtyField, ZaZyciemCategory };

export interface Art43Certificate {
  /** Issued by a "lekarz ubezpieczenia zdrowotnego" (provider contracted with NFZ). */
  nfzContracted: boolean;
  qualification: 'specialization-II' | 'specialist-title' | 'specialization-I' | 'none';
  field: SpecialtyField;
  issuedOn: IsoDate;
  condition: 'severe-irreversible-impairment' | 'incurable-life-threatening-illness' | 'other';
  origin: 'prenatal' | 'birth' | 'other';
}

/** Valid when every condition of art. 4 ust. 3 holds for its issue date; the list of allowed
 *  fields is date-versioned data (the three classic fields always qualify). `valid` is the
 *  absence of blockers; a certificate dated before the Act came into force only warns. */
export function isValidArt43Certificate(cert: Art43Certificate): { valid: boolean; findings: Finding[] } {
  const { issuedOn } = cert;
  assertIsoDate(issuedOn, 'certificate issuedOn');
  const findings: Finding[] = [];
  if (!cert.nfzContracted) findings.push(finding('CERT_ISSUER_NOT_NFZ'));
  if (cert.qualification !== 'specialization-II' && cert.qualification !== 'specialist-title') {
    findings.push(
      finding('CERT_QUALIFICATION_INSUFFICIENT', {
        qualification: QUALIFICATION_LABELS[cert.qualification] ?? String(cert.qualification),
      }),
    );
  }
  if (issuedOn < ZA_ZYCIEM_IN_FORCE_FROM) findings.push(finding('CERT_ISSUED_BEFORE_ACT_IN_FORCE', { issuedOn }));
  if (!allowedCertificateFields(issuedOn).includes(cert.field)) {
    const from = certificateFieldAllowedFrom(cert.field);
    findings.push(
      finding('CERT_FIELD_NOT_ALLOWED', {
        field: SPECIALTY_FIELD_LABELS[cert.field] ?? String(cert.field),
        issuedOn,
        fromNote: from ? ` (dziedzina uprawnia dopiero od ${from})` : '',
      }),
    );
  }
  if (cert.condition !== 'severe-irreversible-impairment' && cert.condition !== 'incurable-life-threatening-illness') {
    findings.push(finding('CERT_CONDITION_NOT_QUALIFYING'));
  }
  if (cert.origin !== 'prenatal' && cert.origin !== 'birth') findings.push(finding('CERT_ORIGIN_NOT_QUALIFYING'));
  return { valid: !findingsBlock(findings), findings };
}

export interface ZaZyciemFacts {
  asOf: IsoDate;
  category: ZaZyciemCategory;
  /** A document confirming pregnancy is on file. */
  pregnancyDocument: boolean;
  certificate?: Art43Certificate;
  consent: 'written' | 'pending' | 'refused';
  /** Recorded if provided; it is a condition of the 4000 zł benefit only, never of support. */
  medicalCareFromWeek10?: boolean;
}

export interface ZaZyciemResult {
  eligible: boolean;
  /** Polish names of documents still needed, empty when none. */
  missingDocuments: string[];
  findings: Finding[];
}

/**
 * Assistant coordination under Za życiem art. 8 (domain.md §3.2). ZZ1–ZZ3 need a document
 * confirming pregnancy; ZZ4 needs a valid art. 4 ust. 3 certificate; ZZ5 needs no statutory
 * document. Refused consent blocks; pending consent warns. The 10th-week medical-care
 * certificate is never a condition here. `eligible` is true exactly when no finding blocks.
 */
export function checkZaZyciemEligibility(facts: ZaZyciemFacts): ZaZyciemResult {
  const { asOf } = facts;
  assertIsoDate(asOf, 'asOf');
  const category = ZA_ZYCIEM_CATEGORIES[facts.category];
  if (!category) throw new RangeError(`Unknown Za życiem category: ${String(facts.category)}`);
  const findings: Finding[] = [];
  const missingDocuments: string[] = [];

  if (category.requiredDocument === 'pregnancy-document' && !facts.pregnancyDocument) {
    findings.push(finding('ZZ_PREGNANCY_DOCUMENT_MISSING'));
    missingDocuments.push(DOCUMENT_LABELS['pregnancy-document']);
  }
  if (category.requiredDocument === 'art-4-3-certificate') {
    const cert = facts.certificate;
    if (!cert) {
      findings.push(finding('ZZ_CERTIFICATE_MISSING'));
      missingDocuments.push(DOCUMENT_LABELS['art-4-3-certificate']);
    } else {
      const check = isValidArt43Certificate(cert);
      const issuedLater = cert.issuedOn > asOf;
      if (issuedLater) findings.push(finding('ZZ_CERTIFICATE_ISSUED_AFTER_AS_OF', { issuedOn: cert.issuedOn, asOf }));
      if (!check.valid) findings.push(finding('ZZ_CERTIFICATE_INVALID'));
      findings.push(...check.findings);
      if (!check.valid || issuedLater) missingDocuments.push(DOCUMENT_LABELS['valid-art-4-3-certificate']);
    }
  }
  if (facts.category === 'ZZ5') findings.push(finding('ZZ_OBSTETRIC_FAILURE_DOCUMENT_ADVICE'));

  if (facts.consent === 'refused') findings.push(finding('ZZ_CONSENT_REFUSED'));
  else if (facts.consent === 'pending') findings.push(finding('ZZ_CONSENT_PENDING'));

  if (facts.medicalCareFromWeek10 === false) findings.push(finding('ZZ_MEDICAL_CARE_WEEK10_NOT_REQUIRED'));

  return { eligible: !findingsBlock(findings), missingDocuments, findings };
}
