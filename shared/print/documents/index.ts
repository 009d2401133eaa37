/** The document templates: each takes a typed view model (no database types) and returns a
 *  DocumentPart for layout.renderHtml / pack.packHtml. */
export * from './common';
export * from './intake';
export * from './assistantRequest';
export * from './zaZyciemRequest';
export * from './assignmentLetter';
export * from './consent';
export * from './rodo';
export * from './authorisation';
export * from './assessment';
export * from './workPlan';
export * from './visit';
export * from './visitSheet';
export * from './note';
export * from './monthlyReport';
export * from './monitoring';
export * from './courtOpinion';
export * from './supportCatalogue';
export * from './institutionLetter';
export * from './supportingFamily';
export * from './courtInformation';
export * from './packIndex';

/** Document kinds (DocumentPart.kind) with a short Polish name for default file names
 *  ("<znak sprawy> – <name>.pdf": no personal data). */
export const DOCUMENT_KINDS = {
  intake: 'Zgłoszenie',
  'assistant-request': 'Wniosek o przydzielenie asystenta',
  'za-zyciem-request': 'Wniosek o wsparcie asystenta (Za życiem)',
  'assignment-letter': 'Pismo o przydzieleniu asystenta',
  consent: 'Zgoda na współpracę',
  'court-acknowledgement': 'Przyjęcie do wiadomości (postanowienie sądu)',
  'rodo-clause': 'Klauzula informacyjna RODO',
  authorisation: 'Upoważnienie',
  'authorisation-special': 'Upoważnienie szczególne',
  'assessment-initial': 'Ocena wstępna',
  'assessment-periodic': 'Ocena okresowa',
  'assessment-final': 'Ocena końcowa',
  'work-plan': 'Plan pracy z rodziną',
  'visit-card': 'Karta wizyty',
  'visit-diary': 'Dziennik wizyt',
  'visit-sheet': 'Arkusz wizyty',
  'official-note': 'Notatka służbowa',
  'monthly-report': 'Sprawozdanie miesięczne',
  monitoring: 'Karta monitoringu',
  'court-opinion': 'Opinia dla sądu',
  'support-catalogue': 'Katalog wsparcia',
  'institution-request': 'Pismo do instytucji – prośba o informacje',
  'institution-proposal': 'Pismo do instytucji – ocena i wnioski',
  'supporting-family-opinion': 'Rodzina wspierająca – opinia',
  'supporting-family-act': 'Rodzina wspierająca – akt ustanowienia',
  'supporting-family-contract': 'Rodzina wspierająca – umowa',
  'court-information': 'Informacja do sądu',
  'pack-index': 'Spis dokumentów teczki',
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
