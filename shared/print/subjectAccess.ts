/**
 * "Informacja o przetwarzanych danych osobowych (art. 15 RODO)": the answer to a data subject's
 * access request. The same data (SubjectAccessData) is given machine-readable as JSON; this
 * template prints it for the person: the controller, purposes and legal bases (domain.md §7.1),
 * categories, sources, recipients, retention, rights, then the copy of the data (art. 15 ust. 3):
 * the person, the household, every case with its history, the records of the work with the
 * family and the list of accesses and changes from the audit log.
 */
import { auditActionLabel, entityLabel } from '../auditLabels';
import { CASE_SOURCES, CASE_STATES, CASE_TRACKS, EARLY_CLOSURE_REASONS } from '../rules/lifecycle';
import { ENTRY_KINDS } from '../rules/work';
import type { OfficeProfile } from '../schemas';
import { formatDateTime } from '../dates';
import { formatDate, isPresent, text } from './format';
import { html, paragraphs, type SafeHtml } from './html';
import { fields, list, section, table, type DocumentPart } from './layout';
import { act, RODO_TITLE } from './legal';

type Row = Record<string, unknown>;

export interface SubjectAccessData {
  format: 'asysta-art15-v1';
  generatedAt: string;
  generatedBy: { login: string; fullName: string };
  controller: OfficeProfile;
  information: {
    purposes: string[];
    legalBases: string[];
    categories: string[];
    sources: string[];
    recipients: string[];
    retention: string;
    rights: string[];
  };
  subject: Row;
  family: Row;
  /** The other household members (without their PESEL: their own data are not the subject's). */
  household: Row[];
  cases: Array<Row & { history: Row[] }>;
  entries: Row[];
  addenda: Row[];
  assessments: Row[];
  workPlans: Row[];
  courtRequests: Row[];
  authorisations: Row[];
  catalogueItems: Row[];
  /** Supporting families working with this family (without their members' personal data). */
  supportingFamiliesForFamily: Row[];
  /** Supporting families of which the person is a member (matched by PESEL or name + birth date). */
  supportingFamiliesAsMember: Row[];
  /** Temporary access of other workers to the family (substitution). */
  shares: Row[];
  /** Who read or changed the family's data, when (from the audit log, ids and codes only). */
  accessLog: Array<{ id: number; at: string; userLogin: string | null; userName: string | null; action: string; actionLabel: string; entityType: string | null; entityId: string | null }>;
}

/** The information part, in Polish (shared by the JSON and the print). */
export function subjectAccessInformation(opts: { zaZyciem: boolean; courtInvolved: boolean; retention: string }): SubjectAccessData['information'] {
  return {
    purposes: [
      'prowadzenie pracy z rodziną przez asystenta rodziny: plan pracy, wizyty, oceny sytuacji rodziny, monitoring (art. 15 ustawy o wspieraniu rodziny i systemie pieczy zastępczej)',
      ...(opts.zaZyciem ? ['koordynacja wsparcia w ramach ustawy „Za życiem”: katalog wsparcia, upoważnienia do działania w imieniu rodziny'] : []),
      ...(opts.courtInvolved ? ['sporządzanie opinii i informacji o rodzinie na wniosek sądu'] : []),
      'dokumentowanie pracy i sprawozdawczość ośrodka, archiwizacja dokumentacji',
    ],
    legalBases: [
      `art. 6 ust. 1 lit. c i e RODO (obowiązek prawny i zadanie realizowane w interesie publicznym) w związku z art. 7, art. 15 i art. 16 ${act('uwr', null)}`,
      ...(opts.zaZyciem ? [`art. 6 ust. 1 lit. c i e RODO w związku z art. 8 ${act('uzz', null)}`] : []),
      'art. 9 ust. 2 lit. g i h RODO — dane o zdrowiu (np. zaświadczenia, niepełnosprawność, rozwój dziecka) w zakresie wymaganym przepisami',
      'art. 10 RODO — informacje o postępowaniach sądowych i nadzorze kuratora wyłącznie w zakresie dopuszczonym przepisami',
    ],
    categories: [
      'dane identyfikacyjne i kontaktowe (imię, nazwisko, PESEL, data urodzenia, adres, telefon)',
      'skład rodziny i gospodarstwa domowego, pokrewieństwo',
      'informacje o sytuacji rodziny zebrane w pracy asystenta (wizyty, notatki, oceny, plan pracy)',
      'dane o zdrowiu i informacje o postępowaniach sądowych — o ile występują w dokumentacji',
    ],
    sources: [
      'osoba, której dane dotyczą, i członkowie jej rodziny',
      'pracownik socjalny ośrodka (wywiad środowiskowy, wniosek o przydzielenie asystenta)',
      'sąd, kurator, szkoła, placówki ochrony zdrowia i inne instytucje — w zakresie przekazanych informacji',
    ],
    recipients: [
      'upoważnieni pracownicy ośrodka (asystent rodziny, pracownik socjalny, kierownik) — wykaz dostępu poniżej',
      'sąd — opinie i informacje o rodzinie sporządzane na jego wniosek',
      'instytucje współpracujące na podstawie przepisów (np. zespół interdyscyplinarny, PCPR, organizator pieczy zastępczej) — w niezbędnym zakresie',
      'dane nie są przekazywane do państw trzecich ani organizacji międzynarodowych; nie podejmuje się wobec nikogo decyzji w sposób zautomatyzowany (art. 22 RODO)',
    ],
    retention: opts.retention,
    rights: [
      'prawo dostępu do danych i otrzymania ich kopii (art. 15 RODO)',
      'prawo do sprostowania danych (art. 16 RODO)',
      'prawo do ograniczenia przetwarzania (art. 18 RODO)',
      'prawo sprzeciwu wobec przetwarzania w ramach zadania publicznego (art. 21 RODO)',
      'prawo do usunięcia danych nie przysługuje, dopóki przepisy nakazują ich przechowywanie (art. 17 ust. 3 lit. b RODO)',
      'prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa)',
    ],
  };
}

export const DEFAULT_RETENTION =
  'dokumentację przechowuje się przez okres wynikający z jednolitego rzeczowego wykazu akt ośrodka — dla akt pracy asystenta rodziny co do zasady 10 lat (kategoria B10), licząc od 1 stycznia roku następującego po zakończeniu sprawy (w tym monitoringu); następnie dokumentacja podlega brakowaniu za zgodą archiwum państwowego';

const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const d = (v: unknown): string => formatDate(s(v) as string | null, { suffix: false });
const yesNo = (v: unknown): string => (v ? 'tak' : 'nie');

const PARENTAL: Record<string, string> = {
  full: 'pełna',
  limited: 'ograniczona',
  suspended: 'zawieszona',
  deprived: 'pozbawiona',
  unknown: 'nieustalona',
};
const ASSESSMENT_KINDS: Record<string, string> = { initial: 'wstępna', periodic: 'okresowa', final: 'końcowa' };
const SUPPORTING_STATUS: Record<string, string> = { candidate: 'kandydat', established: 'ustanowiona', ended: 'zakończona' };
const DECISIONS: Record<string, string> = {
  assign: 'przydzielenie asystenta rodziny',
  forward: 'skierowanie do innego podmiotu',
  waitlist: 'wpisanie na listę oczekujących',
  refuse: 'odmowa',
};
const AUTH_KINDS: Record<string, string> = { general: 'ogólne', special: 'szczególne' };

/** Every piece of text inside a JSON value (the content of notes and forms), in order. */
export function textsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t && !/^[0-9a-f-]{32,36}$/i.test(t) && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(t)) out.push(t);
  } else if (Array.isArray(v)) for (const x of v) textsIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) textsIn(x, out);
  return out;
}

function contentOf(v: unknown): SafeHtml {
  const t = textsIn(v);
  return t.length ? paragraphs(t.join('\n')) : html`—`;
}

function personName(r: Row): string {
  return [s(r.firstName), s(r.lastName)].filter(Boolean).join(' ') || '—';
}

export function subjectAccessDocument(v: SubjectAccessData, date: string): DocumentPart {
  const p = v.subject;
  const f = v.family;
  const info = v.information;
  const caseNo = new Map(v.cases.map((c) => [String(c.id), String(c.caseNumber ?? '')]));
  const caseOf = (r: Row) => caseNo.get(String(r.caseId)) ?? '—';
  const body = html`
<p>Na podstawie art. 15 RODO (${RODO_TITLE}) administrator — ${v.controller.name}, ${v.controller.address}, ${v.controller.postalCode} ${v.controller.place} — informuje o przetwarzaniu danych osobowych osoby wskazanej poniżej i przekazuje ich kopię. Te same dane zawiera plik w formacie JSON wydawany razem z tą informacją.</p>
${section('1. Osoba, której dane dotyczą', fields([
    ['Imię i nazwisko', personName(p)],
    ['PESEL', text(s(p.pesel))],
    ['Data urodzenia', d(p.birthDate)],
    ['Pokrewieństwo / rola w rodzinie', text(s(p.relation))],
    ['Telefon', text(s(p.phone))],
    ['Osoba kierująca rodziną (głowa rodziny)', yesNo(p.isHead)],
  ]))}
${section('2. Cele przetwarzania', list(info.purposes))}
${section('3. Podstawy prawne', list(info.legalBases))}
${section('4. Kategorie danych', list(info.categories))}
${section('5. Źródła danych', list(info.sources))}
${section('6. Odbiorcy danych', list(info.recipients))}
${section('7. Okres przechowywania', html`<p>${info.retention}.</p>`)}
${section('8. Prawa osoby, której dane dotyczą', list(info.rights))}
<h2 class="pagebreak">Kopia danych (art. 15 ust. 3 RODO)</h2>
${section('9. Rodzina i gospodarstwo domowe', html`${fields([
    ['Adres', [s(f.address), [s(f.postalCode), s(f.place)].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'],
    ['Gmina', text(s(f.gmina))],
    ['Telefon rodziny', text(s(f.phone))],
    ['Znak sprawy rodziny', text(s(f.caseNumber))],
    ['Władza rodzicielska', PARENTAL[String(f.parentalAuthority)] ?? text(s(f.parentalAuthority))],
    ['Nadzór kuratora', f.courtSupervision && (f.courtSupervision as Row).active ? 'tak' : 'nie'],
    ['Procedura „Niebieskie Karty”', yesNo(f.nkActive)],
    ['Uwagi', text(s(f.notes))],
    ['Wpis do kartoteki', formatDateTime(s(f.createdAt))],
  ])}
<h3>Pozostali członkowie gospodarstwa domowego</h3>
${table(
    [{ header: 'Imię i nazwisko', width: 35 }, { header: 'Data urodzenia', width: 18 }, { header: 'Pokrewieństwo / rola' }, { header: 'Dziecko', width: 10, align: 'center' }],
    v.household.map((m) => [personName(m), d(m.birthDate), text(s(m.relation)), yesNo(m.isChild)]),
    { empty: 'brak innych osób' },
  )}`)}
${section('10. Sprawy', v.cases.length === 0 ? html`<p>Brak spraw.</p>` : v.cases.map((c) => html`<h3>Sprawa ${text(s(c.caseNumber))}</h3>
${fields([
    ['Rodzaj', CASE_TRACKS[c.track as keyof typeof CASE_TRACKS]?.label ?? text(s(c.track))],
    ['Źródło', CASE_SOURCES[c.source as keyof typeof CASE_SOURCES]?.label ?? text(s(c.source))],
    ['Stan', CASE_STATES[c.state as keyof typeof CASE_STATES]?.label ?? text(s(c.state))],
    ['Powzięcie informacji', d(c.learnedOn)],
    ['Wywiad środowiskowy', d(c.interviewOn)],
    ['Wniosek', d(c.requestOn)],
    ['Decyzja kierownika', [DECISIONS[String(c.decision)] ?? text(s(c.decision), ''), s(c.decidedOn) ? `z dnia ${d(c.decidedOn)}` : ''].filter(Boolean).join(' ') || '—'],
    ['Przydzielenie asystenta', d(c.assignedOn)],
    ['Zgoda rodziny', d(c.consentOn)],
    ['Zakończenie', d(c.closedOn)],
    ['Przyczyna zakończenia', EARLY_CLOSURE_REASONS[c.closureReason as keyof typeof EARLY_CLOSURE_REASONS] ?? text(s(c.closureReason))],
    ['Monitoring do', d(c.monitoringEndsOn)],
  ])}
${table(
    [{ header: 'Data', width: 18 }, { header: 'Zmiana etapu' }, { header: 'Kto', width: 25 }],
    c.history.map((e) => [formatDateTime(s(e.at)), CASE_STATES[e.toState as keyof typeof CASE_STATES]?.label ?? text(s(e.toState)), text(s(e.userName) ?? s(e.userLogin))]),
    { small: true, empty: 'brak historii' },
  )}`))}
${section('11. Wizyty, kontakty i notatki', table(
    [{ header: 'Data', width: 10 }, { header: 'Sprawa', width: 14 }, { header: 'Rodzaj', width: 14 }, { header: 'Autor', width: 14 }, { header: 'Treść' }],
    v.entries.map((e) => [d(e.onDate), caseOf(e), ENTRY_KINDS[e.kind as keyof typeof ENTRY_KINDS]?.label ?? text(s(e.kind)), text(s(e.authorName)), contentOf(e.body)]),
    { small: true, empty: 'brak wpisów' },
  ))}
${v.addenda.length ? section('Uzupełnienia wpisów', table(
    [{ header: 'Data', width: 14 }, { header: 'Autor', width: 20 }, { header: 'Treść' }],
    v.addenda.map((it) => [formatDateTime(s(it.createdAt)), text(s(it.authorName)), contentOf(it.text)]),
    { small: true },
  )) : ''}
${section('12. Oceny sytuacji rodziny', table(
    [{ header: 'Data', width: 10 }, { header: 'Sprawa', width: 14 }, { header: 'Rodzaj', width: 10 }, { header: 'Treść' }],
    v.assessments.map((it) => [d(it.assessedOn), caseOf(it), ASSESSMENT_KINDS[String(it.kind)] ?? text(s(it.kind)), contentOf([it.areas, it.body, it.recommendation])]),
    { small: true, empty: 'brak ocen' },
  ))}
${section('13. Plany pracy z rodziną', table(
    [{ header: 'Data', width: 10 }, { header: 'Sprawa', width: 14 }, { header: 'Wersja', width: 8, align: 'num' }, { header: 'Treść' }],
    v.workPlans.map((w) => [d(w.drawnUpOn), caseOf(w), String(w.versionNo ?? ''), contentOf([w.content, w.changeNote])]),
    { small: true, empty: 'brak planów' },
  ))}
${section('14. Wnioski sądu o opinię', table(
    [{ header: 'Wpływ', width: 12 }, { header: 'Sąd', width: 30 }, { header: 'Sygnatura', width: 18 }, { header: 'Przekazano', width: 12 }, { header: 'Zakres' }],
    v.courtRequests.map((r) => [d(r.requestedOn), [s(r.court), s(r.department)].filter(Boolean).join(', ') || '—', text(s(r.caseRef)), d(r.submittedOn), text(s(r.scope))]),
    { small: true, empty: 'brak wniosków' },
  ))}
${section('15. Upoważnienia', table(
    [{ header: 'Podpisano', width: 12 }, { header: 'Rodzaj', width: 12 }, { header: 'Ważne', width: 22 }, { header: 'Zakres' }],
    v.authorisations.map((it) => [d(it.signedOn), AUTH_KINDS[String(it.kind)] ?? text(s(it.kind)), `od ${d(it.validFrom)}${s(it.validTo) ? ` do ${d(it.validTo)}` : ''}${s(it.revokedOn) ? `, odwołane ${d(it.revokedOn)}` : ''}`, contentOf(it.scope)]),
    { small: true, empty: 'brak upoważnień' },
  ))}
${v.catalogueItems.length ? section('16. Katalog wsparcia „Za życiem”', table(
    [{ header: 'Wsparcie', width: 26 }, { header: 'Realizator', width: 22 }, { header: 'Stan', width: 12 }, { header: 'Złożono', width: 11 }, { header: 'Uzyskano / odmowa', width: 11 }, { header: 'Uwagi' }],
    v.catalogueItems.map((c) => [text(s(c.title)), text(s(c.provider)), text(s(c.status)), d(c.appliedOn), d(c.decidedOn), text(s(c.note))]),
    { small: true },
  )) : ''}
${v.supportingFamiliesForFamily.length || v.supportingFamiliesAsMember.length ? section('17. Rodziny wspierające', html`${table(
    [{ header: 'Rodzina wspierająca', width: 35 }, { header: 'Stan', width: 15 }, { header: 'Związek z dzieckiem' }, { header: 'Udział osoby', width: 20 }],
    [
      ...v.supportingFamiliesForFamily.map((x) => [text(s(x.name)), SUPPORTING_STATUS[String(x.status)] ?? text(s(x.status)), text(s(x.relationToChild)), 'wspiera rodzinę']),
      ...v.supportingFamiliesAsMember.map((x) => [text(s(x.name)), SUPPORTING_STATUS[String(x.status)] ?? text(s(x.status)), text(s(x.relationToChild)), 'członek rodziny wspierającej']),
    ],
    { small: true },
  )}`) : ''}
${section('18. Dostęp do danych i ich zmiany (dziennik zdarzeń)', html`<p class="small">Wykaz odczytów, wydruków i zmian danych rodziny przez pracowników ośrodka (odbiorców danych), z datą i godziną.</p>
${table(
    [{ header: 'Data i godzina', width: 18 }, { header: 'Pracownik', width: 25 }, { header: 'Czynność', width: 35 }, { header: 'Dotyczy' }],
    v.accessLog.map((e) => [formatDateTime(e.at, { seconds: true }), e.userName ? `${e.userName} (${e.userLogin ?? ''})` : text(e.userLogin, 'system'), e.actionLabel, entityLabel(e.entityType, e.entityId)]),
    { small: true, empty: 'brak wpisów' },
  )}`)}
${v.shares.length ? section('Czasowy dostęp zastępujących pracowników', table(
    [{ header: 'Od', width: 15 }, { header: 'Do', width: 15 }, { header: 'Pracownik' }],
    v.shares.map((x) => [d(x.fromOn), d(x.untilOn), text(s(x.userName) ?? s(x.userId))]),
    { small: true },
  )) : ''}
<p class="small muted">Przygotowanie informacji: ${v.generatedBy.fullName} (${v.generatedBy.login}), ${formatDateTime(v.generatedAt)}.${isPresent(v.controller.headName) ? ` Kierownik ośrodka: ${v.controller.headName}.` : ''}</p>`;
  return {
    kind: 'rodo-subject-access',
    title: 'Informacja o przetwarzanych danych osobowych (art. 15 RODO)',
    subtitle: personName(p),
    header: { office: v.controller, caseNumber: s(f.caseNumber), date },
    legalBasis: 'art. 15 RODO',
    body,
  };
}

/** Label of an audit action for the JSON (kept next to the code). */
export const actionLabelOf = auditActionLabel;
