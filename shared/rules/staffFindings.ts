/**
 * Findings of the staff register (issue 13 item 1): art. 12 of the 2011 law and what the
 * documents and the half-yearly report need. Spread into FINDING_DEFINITIONS (findings.ts).
 */
import { UWR } from './basis';
import type { FindingSeverity } from './types';

export const STAFF_BASIS = {
  salutation: 'standard pracy ośrodka: zasady redagowania pism urzędowych — orzeczenia i imiesłowy w dokumentach uzgadnia się z płcią osoby',
  contact: `art. 11 ${UWR}; standard pracy ośrodka (pismo o przydzieleniu asystenta podaje jego kontakt)`,
  employment: `art. 187 ${UWR} (sprawozdanie rzeczowo-finansowe: liczba asystentów według formy zatrudnienia i zadaniowego czasu pracy)`,
  qualification: `art. 12 ust. 1 pkt 1 ${UWR} (kwalifikacje asystenta rodziny)`,
  declarations: `art. 12 ust. 1 pkt 2–4 ${UWR} (władza rodzicielska, obowiązek alimentacyjny, niekaralność)`,
} as const;

type Def = { severity: FindingSeverity; basis: string; message: string };

export const STAFF_FINDINGS = {
  STAFF_SALUTATION_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.salutation,
    message: 'Nie wybrano formy zwracania się (Pani/Pan) — dokumenty dobiorą formy („sporządziła”, „zatrudniony”) według imienia. Uzupełnij kadrę.',
  },
  STAFF_CONTACT_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.contact,
    message: 'Brak służbowego telefonu i e-maila asystenta — pismo o przydzieleniu asystenta poda tylko kontakt ośrodka.',
  },
  STAFF_EMPLOYMENT_FORM_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.employment,
    message: 'Nie wskazano formy zatrudnienia asystenta — sprawozdanie pokaże go w wierszu „bez wskazanej formy zatrudnienia”.',
  },
  STAFF_EMPLOYMENT_FROM_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.employment,
    message: 'Nie wpisano daty rozpoczęcia zatrudnienia asystenta.',
  },
  STAFF_FTE_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.employment,
    message: 'Nie wpisano wymiaru etatu asystenta zatrudnionego na umowę o pracę.',
  },
  STAFF_QUALIFICATION_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.qualification,
    message: 'Nie wpisano kwalifikacji asystenta (wykształcenie, szkolenie, staż pracy z dziećmi lub rodziną).',
  },
  STAFF_QUALIFICATION_NOT_MET: {
    severity: 'warning',
    basis: STAFF_BASIS.qualification,
    message: 'Wpisane kwalifikacje nie spełniają wymagań art. 12: {detail}.',
  },
  STAFF_QUALIFICATION_DOCUMENT_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.qualification,
    message: 'Brak wpisanego dokumentu potwierdzającego kwalifikacje: {documents}.',
  },
  STAFF_DECLARATION_MISSING: {
    severity: 'warning',
    basis: STAFF_BASIS.declarations,
    message: 'Brak daty złożenia oświadczenia: {declarations}.',
  },
  STAFF_DECLARATION_IN_FUTURE: {
    severity: 'warning',
    basis: STAFF_BASIS.declarations,
    message: 'Data złożenia oświadczenia jest późniejsza niż dzisiejsza — sprawdź datę.',
  },
} as const satisfies Record<string, Def>;
