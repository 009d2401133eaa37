/** Polish labels of the retention screen. */
import type { ChannelOutput } from '../../../../shared/ipc/contract';

export type QueueItem = ChannelOutput<'retention:queue'>['items'][number];
export type RetentionRun = ChannelOutput<'retention:runs'>[number];

export const TRACK_LABELS = { general: 'Wspieranie rodziny', 'za-zyciem': '„Za życiem”' } as const;

export const STATUS_LABELS: Record<QueueItem['status'], { label: string; color: string }> = {
  open: { label: 'Sprawa w toku', color: 'gray' },
  monitoring: { label: 'Monitoring', color: 'blue' },
  running: { label: 'Okres trwa', color: 'teal' },
  ended: { label: 'Okres upłynął', color: 'orange' },
  archival: { label: 'Kategoria A — wieczyście', color: 'grape' },
  'expert-review': { label: 'Ekspertyza archiwum', color: 'yellow' },
};

export const BASIS_LABELS = { 'monitoring-end': 'koniec monitoringu', closure: 'zamknięcie sprawy' } as const;


export const SUMMARY_LABELS: Array<[keyof RetentionRun['summary'], string]> = [
  ['families', 'Rodziny'],
  ['cases', 'Sprawy'],
  ['members', 'Osoby'],
  ['caseEvents', 'Wpisy historii sprawy'],
  ['assessments', 'Oceny'],
  ['workPlans', 'Wersje planu pracy'],
  ['entries', 'Wizyty, kontakty i notatki'],
  ['addenda', 'Adnotacje'],
  ['courtRequests', 'Pisma sądu'],
  ['catalogueItems', 'Pozycje katalogu wsparcia'],
  ['authorisations', 'Upoważnienia'],
  ['supportingFamilies', 'Rodziny wspierające'],
  ['reimbursements', 'Zwroty kosztów'],
  ['shares', 'Udostępnienia na zastępstwo'],
  ['drafts', 'Usunięte szkice formularzy'],
];
