/** Citations used on printed documents (full titles with the consolidated text, Polish style). */

export const ACTS = {
  /** Ustawa o wspieraniu rodziny i systemie pieczy zastępczej. */
  uwr: 'ustawa z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej (Dz. U. z 2025 r. poz. 49)',
  /** The same in the genitive, after "art. … ". */
  uwrGen: 'ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej (Dz. U. z 2025 r. poz. 49)',
  uzz: 'ustawa z dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem” (Dz. U. z 2024 r. poz. 1829)',
  uzzGen: 'ustawy z dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem” (Dz. U. z 2024 r. poz. 1829)',
  rodo:
    'rozporządzenie Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. w sprawie ochrony osób fizycznych w związku z przetwarzaniem danych osobowych i w sprawie swobodnego przepływu takich danych oraz uchylenia dyrektywy 95/46/WE (ogólne rozporządzenie o ochronie danych), Dz. Urz. UE L 119 z 4.05.2016, str. 1, ze zm.',
  kroGen: 'ustawy z dnia 25 lutego 1964 r. – Kodeks rodzinny i opiekuńczy',
} as const;

/** "Podstawa prawna: …" lines of the documents. */
export const LEGAL_BASIS = {
  intake: `art. 11 ust. 1–2 ${ACTS.uwrGen}`,
  assistantRequest: `art. 11 ust. 3–4 ${ACTS.uwrGen}`,
  zaZyciemRequest: `art. 8 ${ACTS.uzzGen}`,
  assignmentGeneral: `art. 11 ust. 4 ${ACTS.uwrGen}`,
  assignmentZaZyciem: `art. 8 ${ACTS.uzzGen}`,
  consent: `art. 8 ust. 3 ${ACTS.uwrGen}`,
  courtOrdered: `art. 109 § 2 pkt 1 ${ACTS.kroGen}`,
  rodo: 'art. 13 ust. 1 i 2 RODO',
  authorisation: `art. 15 ust. 1 i art. 16 ust. 1 pkt 2 ${ACTS.uwrGen}`,
  authorisationZaZyciem: `art. 8 ust. 2 ${ACTS.uzzGen}`,
  assessment: `art. 15 ust. 1 pkt 15 ${ACTS.uwrGen}`,
  workPlan: `art. 15 ust. 1 pkt 1–2 i ust. 3 ${ACTS.uwrGen}`,
  documentation: `art. 15 ust. 1 pkt 14 ${ACTS.uwrGen}`,
  monitoring: `art. 15 ust. 1 pkt 16 ${ACTS.uwrGen}`,
  courtOpinion: `art. 15 ust. 1 pkt 17 ${ACTS.uwrGen}`,
  supportCatalogue: `art. 8 ust. 1–2 ${ACTS.uzzGen}`,
  institutionRequest: `art. 16 ust. 1 pkt 2 ${ACTS.uwrGen}`,
  institutionProposal: `art. 16 ust. 1 pkt 3 ${ACTS.uwrGen}`,
  supportingFamily: `art. 29–31 ${ACTS.uwrGen}`,
  supportingFamilyContract: `art. 31 ust. 1–2 ${ACTS.uwrGen}`,
} as const;
