/**
 * "Pierwsze kroki" on the head's home for a new office (issue 14): what an office has to do before
 * its first family, each step ticked off from the real state the core reports (accounts, areas,
 * the confirmed recovery key, a verified backup, the office's details on its letters) and each
 * with the screen where it is done. Pure: the core gathers the facts, this decides.
 */
import { plural } from './grammar/plural';

export interface FirstStepsFacts {
  /** Active accounts by role (the head excluded). */
  assistants: number;
  socialWorkers: number;
  /** The office limits social workers to their areas (case settings). */
  areaScoping: boolean;
  /** Active social workers without an area. */
  socialWorkersWithoutArea: number;
  recoveryKeyConfirmed: boolean;
  /** The folder of the last backup and when the last verified backup was made (null: never). */
  backupFolder: string | null;
  lastBackupAt: string | null;
  /** The office's letterhead and the RODO clause: which details are still empty. */
  office: { phone: string; email: string };
  dpoContact: string;
}

export type FirstStepKey = 'accounts' | 'areas' | 'recovery-key' | 'backup' | 'documents';

export interface FirstStep {
  key: FirstStepKey;
  title: string;
  done: boolean;
  /** What is done or still missing, in a sentence. */
  detail: string;
  /** The screen where the step is done (a route of the app) and the link's words. */
  route: 'users' | 'home' | 'backup' | 'settings';
  link: string;
}

const n = (count: number, one: string, few: string, many: string) => `${count} ${plural(count, one, few, many)}`;

export function firstSteps(f: FirstStepsFacts): FirstStep[] {
  const missingPapers = [
    f.office.phone.trim() ? null : 'telefon ośrodka',
    f.office.email.trim() ? null : 'e-mail ośrodka',
    f.dpoContact.trim() ? null : 'kontakt z inspektorem ochrony danych',
  ].filter((x): x is string => x !== null);
  const areasDone = !f.areaScoping || (f.socialWorkers > 0 && f.socialWorkersWithoutArea === 0);
  return [
    {
      key: 'accounts',
      title: 'Załóż konta pracowników',
      done: f.assistants > 0 && f.socialWorkers > 0,
      detail: `Konta: ${n(f.assistants, 'asystent rodziny', 'asystentów rodziny', 'asystentów rodziny')}, ${n(f.socialWorkers, 'pracownik socjalny', 'pracowników socjalnych', 'pracowników socjalnych')}.`,
      route: 'users',
      link: 'Załóż konta',
    },
    {
      key: 'areas',
      title: 'Przypisz rejony pracownikom socjalnym',
      done: areasDone,
      detail: !f.areaScoping
        ? 'Ośrodek nie ogranicza pracowników socjalnych do rejonów.'
        : f.socialWorkers === 0
          ? 'Najpierw załóż konto pracownika socjalnego — pracownik widzi rodziny ze swojego rejonu.'
          : f.socialWorkersWithoutArea === 0
            ? 'Każdy pracownik socjalny ma rejon.'
            : `Bez rejonu: ${n(f.socialWorkersWithoutArea, 'pracownik socjalny', 'pracowników socjalnych', 'pracowników socjalnych')} — nie zobaczy żadnej rodziny.`,
      route: 'users',
      link: 'Ustaw rejony',
    },
    {
      key: 'recovery-key',
      title: 'Potwierdź klucz odzyskiwania',
      done: f.recoveryKeyConfirmed,
      detail: f.recoveryKeyConfirmed
        ? 'Klucz jest zapisany i potwierdzony — przechowuj kartę w zamkniętej szafie.'
        : 'Bez potwierdzonego klucza nie da się otworzyć danych, gdy wszyscy zapomną haseł.',
      route: 'home',
      link: 'Potwierdź klucz',
    },
    {
      key: 'backup',
      title: 'Wybierz folder kopii zapasowej i zrób pierwszą kopię',
      done: f.lastBackupAt !== null,
      detail: f.lastBackupAt !== null ? `Ostatnia sprawdzona kopia w folderze: ${f.backupFolder ?? '—'}.` : 'Kopia na pendrivie lub dysku zewnętrznym chroni dane przed awarią komputera.',
      route: 'backup',
      link: 'Zrób kopię',
    },
    {
      key: 'documents',
      title: 'Uzupełnij dane ośrodka do pism',
      done: missingPapers.length === 0,
      detail: missingPapers.length === 0 ? 'Nagłówek pism i klauzula informacyjna są kompletne.' : `Brakuje: ${missingPapers.join(', ')}.`,
      route: 'settings',
      link: 'Uzupełnij dane ośrodka',
    },
  ];
}
