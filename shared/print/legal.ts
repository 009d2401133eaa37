/**
 * Citations printed on documents, as of the document's own date: the article and the act with the
 * consolidated text in force on that day (the table of acts is shared/rules/acts.ts). A document
 * with no date yet (to be dated by hand) cites the newest text.
 */
import { actCitation, type ActId } from '../rules/acts';
import type { IsoDate } from '../rules/types';

/** The GDPR, in the genitive ("art. 13 ust. 1 i 2 rozporządzenia …") and the nominative. */
export const RODO_TITLE_GEN =
  'rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. w sprawie ochrony osób fizycznych w związku z przetwarzaniem danych osobowych i w sprawie swobodnego przepływu takich danych oraz uchylenia dyrektywy 95/46/WE (ogólne rozporządzenie o ochronie danych) (Dz. Urz. UE L 119 z 4.05.2016, str. 1, ze zm.)';
export const RODO_TITLE =
  'rozporządzenie Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. w sprawie ochrony osób fizycznych w związku z przetwarzaniem danych osobowych i w sprawie swobodnego przepływu takich danych oraz uchylenia dyrektywy 95/46/WE (ogólne rozporządzenie o ochronie danych) (Dz. Urz. UE L 119 z 4.05.2016, str. 1, ze zm.)';

/** Used when a document has no date yet: the newest consolidated texts. */
const LATEST: IsoDate = '9999-12-31';

/** "ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny … (Dz. U. z 2025 r. poz. 49)" as of `on`. */
export function act(id: ActId, on: IsoDate | null | undefined, form: 'gen' | 'nom' = 'gen'): string {
  return actCitation(id, on ?? LATEST, form);
}

/** The "Podstawa prawna:" line of each document type: article(s) and act. */
const BASES = {
  intake: ['art. 11 ust. 1–2', 'uwr'],
  assistantRequest: ['art. 11 ust. 2–4', 'uwr'],
  zaZyciemRequest: ['art. 8', 'uzz'],
  assignmentGeneral: ['art. 11 ust. 4', 'uwr'],
  assignmentZaZyciem: ['art. 8 ust. 1–2', 'uzz'],
  consent: ['art. 8 ust. 3', 'uwr'],
  consentZaZyciem: ['art. 8 ust. 1–2', 'uzz'],
  courtOrdered: ['art. 109 § 2 pkt 1', 'kro'],
  art11_1a: ['art. 11 ust. 1a', 'uwr'],
  authorisation: ['art. 15 ust. 1 pkt 3, 4 i 18', 'uwr'],
  authorisationZaZyciem: ['art. 8 ust. 2', 'uzz'],
  assessment: ['art. 15 ust. 1 pkt 15', 'uwr'],
  workPlan: ['art. 15 ust. 1 pkt 1–2 i ust. 3', 'uwr'],
  documentation: ['art. 15 ust. 1 pkt 14', 'uwr'],
  monitoring: ['art. 15 ust. 1 pkt 16', 'uwr'],
  courtOpinion: ['art. 15 ust. 1 pkt 17', 'uwr'],
  supportCatalogue: ['art. 8 ust. 1–2', 'uzz'],
  institutionRequest: ['art. 16 ust. 1 pkt 2', 'uwr'],
  institutionProposal: ['art. 16 ust. 1 pkt 3', 'uwr'],
  supportingFamily: ['art. 29–30', 'uwr'],
  supportingFamilyContract: ['art. 31 ust. 1–2', 'uwr'],
} as const satisfies Record<string, readonly [string, ActId]>;

export type BasisKey = keyof typeof BASES | 'rodo';

/** "art. 15 ust. 1 pkt 15 ustawy z dnia … (Dz. U. z … r. poz. …)" as of the document's date. */
export function legalBasis(key: BasisKey, on: IsoDate | null | undefined): string {
  if (key === 'rodo') return 'art. 13 ust. 1 i 2 RODO';
  const [art, id] = BASES[key];
  return `${art} ${act(id, on)}`;
}
