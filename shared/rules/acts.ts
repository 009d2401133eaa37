/**
 * The acts Asysta cites, as data: each with its consolidated texts (teksty jednolite) and the
 * date from which each text is the one to cite, so that a document states the law as it stood on
 * the document's own date (documents-conventions.md: "A document states the basis that applied
 * on its own date"). A document dated 10.03.2024 cites "Dz. U. z 2024 r. poz. 177", one dated
 * 20.02.2025 "Dz. U. z 2025 r. poz. 49".
 *
 * Sources: domain.md "Current consolidated texts" (the list of texts of the 2011 act from the
 * gofin version list; Za życiem 2024 poz. 1829 from 11.12.2024). The day each text was announced
 * is not in the reference for most texts: those `from` dates are the announcement dates as far as
 * they could be recalled and are marked `verified: false` — to be checked in ISAP. A wrong day
 * moves the citation by a few weeks at most; the act and the article never change with it.
 */
import type { IsoDate } from './types';

export interface ConsolidatedText {
  year: number;
  poz: number;
  /** From this day the text is the one to cite (its announcement in the Dziennik Ustaw). */
  from: IsoDate;
  /** Whether `from` was checked against a source (domain.md). */
  verified: boolean;
}

export interface Act {
  /** Nominative ("ustawa z dnia … o …"). */
  title: string;
  /** Genitive, after "art. … " ("ustawy z dnia … o …"). */
  titleGen: string;
  /** Short genitive for later mentions ("ustawy o wspieraniu rodziny"). */
  shortGen: string;
  /** The day the act came into force. */
  inForceFrom: IsoDate;
  /** The original publication, cited before the first consolidated text. */
  original: { label: string; from: IsoDate };
  texts: ReadonlyArray<ConsolidatedText>;
}

export const LEGAL_ACTS = {
  /** Ustawa o wspieraniu rodziny i systemie pieczy zastępczej. */
  uwr: {
    title: 'ustawa z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej',
    titleGen: 'ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej',
    shortGen: 'ustawy o wspieraniu rodziny i systemie pieczy zastępczej',
    inForceFrom: '2012-01-01',
    original: { label: 'Dz. U. Nr 149, poz. 887', from: '2012-01-01' },
    texts: [
      { year: 2013, poz: 135, from: '2013-01-29', verified: false },
      { year: 2015, poz: 332, from: '2015-03-09', verified: false },
      { year: 2016, poz: 575, from: '2016-04-27', verified: false },
      { year: 2017, poz: 697, from: '2017-04-04', verified: false },
      { year: 2018, poz: 998, from: '2018-05-24', verified: false },
      { year: 2019, poz: 1111, from: '2019-06-14', verified: false },
      { year: 2020, poz: 821, from: '2020-05-08', verified: false },
      { year: 2022, poz: 447, from: '2022-02-24', verified: false },
      { year: 2023, poz: 1426, from: '2023-07-21', verified: false },
      { year: 2024, poz: 177, from: '2024-02-14', verified: false },
      { year: 2025, poz: 49, from: '2025-01-16', verified: false },
    ],
  },
  /** Ustawa o wsparciu kobiet w ciąży i rodzin „Za życiem”. */
  uzz: {
    title: 'ustawa z dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem”',
    titleGen: 'ustawy z dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem”',
    shortGen: 'ustawy „Za życiem”',
    inForceFrom: '2017-01-01',
    original: { label: 'Dz. U. poz. 1860', from: '2017-01-01' },
    texts: [
      { year: 2019, poz: 473, from: '2019-03-12', verified: false },
      { year: 2020, poz: 1329, from: '2020-07-30', verified: false },
      { year: 2023, poz: 1923, from: '2023-09-20', verified: false },
      { year: 2024, poz: 1829, from: '2024-12-11', verified: true },
    ],
  },
  /** Kodeks rodzinny i opiekuńczy. */
  kro: {
    title: 'ustawa z dnia 25 lutego 1964 r. – Kodeks rodzinny i opiekuńczy',
    titleGen: 'ustawy z dnia 25 lutego 1964 r. – Kodeks rodzinny i opiekuńczy',
    shortGen: 'Kodeksu rodzinnego i opiekuńczego',
    inForceFrom: '1965-01-01',
    original: { label: 'Dz. U. Nr 9, poz. 59', from: '1965-01-01' },
    texts: [
      { year: 2020, poz: 1359, from: '2020-08-05', verified: false },
      { year: 2023, poz: 2809, from: '2023-12-29', verified: false },
    ],
  },
} as const satisfies Record<string, Act>;

export type ActId = keyof typeof LEGAL_ACTS;

/** The consolidated text to cite on `on` (null before the first one: cite the original). */
export function textOn(act: Act, on: IsoDate): ConsolidatedText | null {
  let best: ConsolidatedText | null = null;
  for (const t of act.texts) if (t.from <= on) best = t;
  return best;
}

/** "(Dz. U. z 2025 r. poz. 49)" as of `on`. */
export function journalRef(act: Act, on: IsoDate): string {
  const t = textOn(act, on);
  return t ? `Dz. U. z ${t.year} r. poz. ${t.poz}` : act.original.label;
}

/** Whether the act was in force on `on`. */
export const actInForce = (act: Act, on: IsoDate): boolean => act.inForceFrom <= on;

/** The full citation as of `on`, in the genitive (after "art. …") or the nominative. */
export function actCitation(id: ActId, on: IsoDate, form: 'gen' | 'nom' = 'gen'): string {
  const act: Act = LEGAL_ACTS[id];
  return `${form === 'gen' ? act.titleGen : act.title} (${journalRef(act, on)})`;
}

// ---- Regulations that are no longer the basis ------------------------------------------------------

/**
 * The half-yearly report: the regulation of 18 June 2019 (Dz. U. poz. 1195) is marked repealed in a
 * legal database (issue 13) and the one that replaced it could not be verified here, so Asysta
 * cites the statute's reporting duty; the office may enter the regulation in force (settings).
 * Art. 187 is the article whose ust. 6 the reporting regulations were issued under (domain.md
 * §6.1); the exact unit of the duty is UNVERIFIED.
 */
export const STATISTICS_BASIS_DEFAULT = `art. 187 ${LEGAL_ACTS.uwr.shortGen} (sprawozdania rzeczowo-finansowe przekazywane wojewodzie)`;

/** The basis printed for the statistics: the office's entry, else the statute's duty. */
export function statisticsBasis(officeEntry: string | null | undefined): string {
  const t = officeEntry?.trim();
  return t ? t : STATISTICS_BASIS_DEFAULT;
}

// ---- Dated facts of a case ---------------------------------------------------------------------------

/** What makes the work with a family lawful, each with the date from which it applies. */
export interface CaseLegalFacts {
  track: 'general' | 'za-zyciem';
  /** Written consent of the family (art. 8 ust. 3). */
  consentOn?: IsoDate | null;
  /** Court order obliging the family (art. 109 § 2 pkt 1 KRO). */
  courtOrder?: { date: IsoDate | null; court?: string | null; caseRef?: string | null } | null;
  /** The head's assignment under art. 11 ust. 1a (minor parent leaving an institution). */
  art11_1aOn?: IsoDate | null;
  /** A Za życiem request (the family's own request is the basis of the coordination). */
  zaZyciemRequestOn?: IsoDate | null;
}

export type WorkBasis =
  | { kind: 'court-order'; since: IsoDate | null; court: string | null; caseRef: string | null }
  | { kind: 'art-11-1a'; since: IsoDate }
  | { kind: 'consent'; since: IsoDate }
  | { kind: 'za-zyciem-request'; since: IsoDate };

const applies = (d: IsoDate | null | undefined, on: IsoDate): d is IsoDate => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && d <= on;

/** Whether a court order had been issued by `on` (an order without a recorded date counts only
 *  when it is the case's source: it existed when the case began). */
export function courtOrderOn(f: CaseLegalFacts, on: IsoDate, orderIsSource = false): boolean {
  if (!f.courtOrder) return false;
  return f.courtOrder.date ? applies(f.courtOrder.date, on) : orderIsSource;
}

/** The bases that applied on `on`, strongest first (a court order binds even without consent). */
export function workBasesOn(f: CaseLegalFacts, on: IsoDate, orderIsSource = false): WorkBasis[] {
  const out: WorkBasis[] = [];
  if (courtOrderOn(f, on, orderIsSource))
    out.push({ kind: 'court-order', since: f.courtOrder!.date ?? null, court: f.courtOrder!.court ?? null, caseRef: f.courtOrder!.caseRef ?? null });
  if (applies(f.art11_1aOn, on)) out.push({ kind: 'art-11-1a', since: f.art11_1aOn });
  if (applies(f.consentOn, on)) out.push({ kind: 'consent', since: f.consentOn });
  if (f.track === 'za-zyciem' && applies(f.zaZyciemRequestOn, on)) out.push({ kind: 'za-zyciem-request', since: f.zaZyciemRequestOn });
  return out;
}
