/** Polish labels and code lists derived from the domain reference (../../domain.md §2–3). */

export type ReferralSource =
  | 'social-worker' // S1: OPS learned of the family (own PS, school, police, …)
  | 'family-request' // S2
  | 'institution' // S3
  | 'court-order' // S4: art. 109 § 2 pkt 1 KRO
  | 'minor-parent-leaving-institution'; // S5: art. 11 ust. 1a

export interface ReferralSourceInfo {
  /** Code used in domain.md §2.1. */
  code: 'S1' | 'S2' | 'S3' | 'S4' | 'S5';
  label: string;
  basis: string;
  /** Whether the family's consent is the basis of the work (false: the law replaces it). */
  consentRequired: boolean;
}

export const REFERRAL_SOURCES: Readonly<Record<ReferralSource, ReferralSourceInfo>> = {
  'social-worker': {
    code: 'S1',
    label: 'Ośrodek powziął informację o rodzinie (pracownik socjalny, szkoła, policja, sąsiedzi i in.)',
    basis: 'art. 11 ust. 1–4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej',
    consentRequired: true,
  },
  'family-request': {
    code: 'S2',
    label: 'Wniosek rodziny',
    basis: 'art. 11 ustawy o wspieraniu rodziny i systemie pieczy zastępczej',
    consentRequired: true,
  },
  institution: {
    code: 'S3',
    label: 'Wniosek instytucji (szkoła, poradnia, placówka ochrony zdrowia, policja, zespół interdyscyplinarny)',
    basis: 'art. 11 ustawy o wspieraniu rodziny i systemie pieczy zastępczej',
    consentRequired: true,
  },
  'court-order': {
    code: 'S4',
    label: 'Postanowienie sądu zobowiązujące do pracy z asystentem rodziny',
    basis: 'art. 109 § 2 pkt 1 Kodeksu rodzinnego i opiekuńczego',
    consentRequired: false,
  },
  'minor-parent-leaving-institution': {
    code: 'S5',
    label: 'Małoletni rodzic opuszczający MOW, MOS, schronisko dla nieletnich lub zakład poprawczy',
    basis: 'art. 11 ust. 1a ustawy o wspieraniu rodziny i systemie pieczy zastępczej',
    consentRequired: false,
  },
};

export const REFERRAL_SOURCE_CODES: ReadonlyArray<ReferralSource> = Object.keys(REFERRAL_SOURCES) as ReferralSource[];

export type ZaZyciemCategory =
  | 'ZZ1' // pregnant woman and her family
  | 'ZZ2' // complicated pregnancy
  | 'ZZ3' // woman told the child may die during pregnancy or birth
  | 'ZZ4' // child with severe irreversible impairment or incurable life-threatening illness
  | 'ZZ5'; // obstetric failure

export const ZA_ZYCIEM_CATEGORIES: Readonly<
  Record<ZaZyciemCategory, { label: string; requiredDocument: 'pregnancy-document' | 'art-4-3-certificate' | null }>
> = {
  ZZ1: { label: 'Kobieta w ciąży i jej rodzina', requiredDocument: 'pregnancy-document' },
  ZZ2: { label: 'Kobieta w ciąży powikłanej', requiredDocument: 'pregnancy-document' },
  ZZ3: {
    label: 'Kobieta w sytuacji, gdy dziecko może umrzeć w okresie ciąży lub w trakcie porodu',
    requiredDocument: 'pregnancy-document',
  },
  ZZ4: {
    label:
      'Rodzina dziecka z ciężkim i nieodwracalnym upośledzeniem albo nieuleczalną chorobą zagrażającą życiu, powstałymi w prenatalnym okresie rozwoju lub w czasie porodu',
    requiredDocument: 'art-4-3-certificate',
  },
  ZZ5: {
    label:
      'Niepowodzenie położnicze (zgon dziecka po porodzie z powodu wad wrodzonych, poronienie, urodzenie martwego dziecka, dziecka niezdolnego do życia lub z wadami wrodzonymi)',
    requiredDocument: null,
  },
};

/** Polish names of the documents the Za życiem route can ask for. */
export const DOCUMENT_LABELS = {
  'pregnancy-document': 'dokument potwierdzający ciążę',
  'art-4-3-certificate': 'zaświadczenie lekarskie, o którym mowa w art. 4 ust. 3 ustawy „Za życiem”',
  'valid-art-4-3-certificate':
    'zaświadczenie lekarskie, o którym mowa w art. 4 ust. 3 ustawy „Za życiem”, wystawione przez uprawnionego lekarza',
  'week-10-care-certificate':
    'zaświadczenie lekarza lub położnej o pozostawaniu pod opieką medyczną nie później niż od 10. tygodnia ciąży do porodu',
  consent: 'pisemna zgoda rodziny',
} as const;

export type SpecialtyField =
  | 'obstetrics-gynaecology'
  | 'perinatology'
  | 'neonatology'
  | 'paediatric-neurology'
  | 'paediatric-cardiology'
  | 'paediatric-surgery'
  | 'other';

export const SPECIALTY_FIELD_LABELS: Readonly<Record<SpecialtyField, string>> = {
  'obstetrics-gynaecology': 'położnictwo i ginekologia',
  perinatology: 'perinatologia',
  neonatology: 'neonatologia',
  'paediatric-neurology': 'neurologia dziecięca',
  'paediatric-cardiology': 'kardiologia dziecięca',
  'paediatric-surgery': 'chirurgia dziecięca',
  other: 'inna dziedzina',
};

export const QUALIFICATION_LABELS = {
  'specialization-II': 'specjalizacja II stopnia',
  'specialist-title': 'tytuł specjalisty',
  'specialization-I': 'specjalizacja I stopnia',
  none: 'brak specjalizacji',
} as const;

export type ClosureReasonCode =
  | 'CEL'
  | 'REZYGNACJA'
  | 'BRAK_WSPOLPRACY'
  | 'ZMIANA_MIEJSCA'
  | 'PIECZA_BEZ_POWROTU'
  | 'SAD'
  | 'ZMIANA_FORMY'
  | 'ZZ_KONIEC'
  | 'INNE';

export interface ClosureReason {
  code: ClosureReasonCode;
  label: string;
  /** Referral sources for which this reason cannot be used (without a court decision). */
  notForSources: ReadonlyArray<ReferralSource>;
}

/** Closure reasons (domain.md §2.5). The statute gives no closed list; this is a code list. */
export const CLOSURE_REASONS: ReadonlyArray<ClosureReason> = [
  { code: 'CEL', label: 'Osiągnięcie celów planu pracy (poprawa funkcjonowania rodziny)', notForSources: [] },
  {
    code: 'REZYGNACJA',
    label: 'Rezygnacja rodziny (wycofanie zgody)',
    notForSources: ['court-order', 'minor-parent-leaving-institution'],
  },
  { code: 'BRAK_WSPOLPRACY', label: 'Brak współpracy lub brak efektów', notForSources: [] },
  { code: 'ZMIANA_MIEJSCA', label: 'Wyprowadzka rodziny poza gminę', notForSources: [] },
  {
    code: 'PIECZA_BEZ_POWROTU',
    label: 'Trwałe umieszczenie dzieci poza rodziną lub pozbawienie władzy rodzicielskiej, bez perspektywy powrotu',
    notForSources: [],
  },
  { code: 'SAD', label: 'Uchylenie przez sąd obowiązku współpracy z asystentem', notForSources: [] },
  { code: 'ZMIANA_FORMY', label: 'Uznanie innej formy wsparcia za właściwszą', notForSources: [] },
  { code: 'ZZ_KONIEC', label: 'Zakończenie koordynacji wsparcia „Za życiem”', notForSources: [] },
  { code: 'INNE', label: 'Inna przyczyna (śmierć, rozpad rodziny, pełnoletność dziecka i in.)', notForSources: [] },
];
