/**
 * Texts an office may want to change (the RODO clause, letter bodies, contract clauses). The
 * defaults are Polish and exported as data; the settings screen stores overrides per key and can
 * restore the default. Placeholders `{name}` are replaced by escaped data; a placeholder with
 * no value prints a line to fill in by hand. Blank lines separate paragraphs.
 */
import { escapeHtml, raw, type SafeHtml } from './html';
import { BLANK } from './format';
import { act, RODO_TITLE_GEN } from './legal';
import type { IsoDate } from '../rules/types';

export const DEFAULT_TEXTS = {
  rodoClause: `Zgodnie z art. 13 ust. 1 i 2 ${RODO_TITLE_GEN}, dalej: RODO, informujemy, że:

1. Administratorem danych osobowych członków rodziny jest {officeName}, {officeAddress}; w imieniu administratora działa kierownik ośrodka; kontakt: {officeContact}.

2. Administrator wyznaczył inspektora ochrony danych, z którym można się kontaktować we wszystkich sprawach dotyczących przetwarzania danych osobowych: {iodContact}.

3. Dane osobowe są przetwarzane w celu realizacji zadań z zakresu wspierania rodziny, w tym pracy asystenta rodziny z rodziną, na podstawie art. 6 ust. 1 lit. c i e oraz art. 9 ust. 2 lit. b, g i h RODO w związku z przepisami {uwr}{zaZyciemBasis}.

4. Odbiorcami danych mogą być wyłącznie podmioty uprawnione na podstawie przepisów prawa (w szczególności sąd, kurator sądowy, zespół interdyscyplinarny, organy administracji publicznej) oraz podmioty przetwarzające dane na zlecenie administratora na podstawie umowy powierzenia.

5. Okres przechowywania danych: {retention}.

6. Każdej osobie, której dane dotyczą, przysługuje prawo dostępu do swoich danych, ich sprostowania i ograniczenia przetwarzania, a w przypadkach określonych w RODO – prawo do usunięcia danych i wniesienia sprzeciwu.

7. Każdej osobie, której dane dotyczą, przysługuje prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa), jeżeli uzna, że przetwarzanie jej danych narusza przepisy RODO.

8. Podanie danych jest wymogiem ustawowym w zakresie określonym przepisami, a ich niepodanie uniemożliwia udzielenie wsparcia. Dane nie będą przekazywane do państwa trzeciego ani wykorzystywane do zautomatyzowanego podejmowania decyzji, w tym profilowania.`,

  consentStatement: `{declare}, że dobrowolnie {consentVerb} zgodę na współpracę z asystentem rodziny {assistantNameIns}, {employedIns} przez {officeName}, w celu przezwyciężenia trudności w wypełnianiu funkcji opiekuńczo-wychowawczych, na zasadach określonych w art. 8 ust. 3 i art. 15 {uwr}.

Spotkania z asystentem rodziny będą się odbywać {meetingPlace}, nie rzadziej niż {meetingFrequency}. Plan pracy z rodziną, jego cele i terminy ustala rodzina wspólnie z asystentem rodziny, w konsultacji z pracownikiem socjalnym.`,

  consentDuties: `Rodzina zobowiązuje się do aktywnego udziału w realizacji planu pracy, udostępniania informacji niezbędnych do pracy z rodziną oraz informowania asystenta o odwołaniu spotkania.

Asystent rodziny zobowiązuje się do wspierania rodziny zgodnie z planem pracy, zachowania w tajemnicy informacji uzyskanych w związku z pracą z rodziną oraz do okresowej oceny sytuacji rodziny, nie rzadziej niż co pół roku.

Zgodę można w każdej chwili wycofać, składając oświadczenie w ośrodku lub asystentowi rodziny. Wycofanie zgody nie wpływa na zgodność z prawem działań podjętych przed jej wycofaniem.`,

  consentStatementZaZyciem: `{declare}, że dobrowolnie {consentVerb} zgodę na współpracę z asystentem rodziny {assistantNameIns}, {employedIns} przez {officeName}, w zakresie koordynacji wsparcia, o którym mowa w art. 8 {uzz}: poradnictwa w zakresie opieki i wychowania dziecka, wsparcia psychologicznego, pomocy prawnej (w szczególności w zakresie praw rodzicielskich i uprawnień pracowniczych) oraz dostępu do rehabilitacji społecznej i zawodowej i do świadczeń opieki zdrowotnej.

Asystent rodziny opracuje {withUs} katalog możliwego do uzyskania wsparcia, a na podstawie odrębnego pisemnego upoważnienia będzie występować w {myOur} imieniu do właściwych podmiotów. Spotkania z asystentem rodziny będą się odbywać {meetingPlace}, nie rzadziej niż {meetingFrequency}.`,

  consentDutiesZaZyciem: `Rodzina przekazuje asystentowi informacje niezbędne do koordynacji wsparcia i informuje go o zmianach swojej sytuacji, w tym o zakończeniu ciąży lub zmianie stanu zdrowia dziecka.

Asystent rodziny zobowiązuje się do zachowania w tajemnicy informacji uzyskanych w związku z koordynacją wsparcia oraz do informowania rodziny o przebiegu spraw prowadzonych w jej imieniu.

Zgodę można w każdej chwili wycofać, składając oświadczenie w ośrodku lub asystentowi rodziny. Wycofanie zgody nie wpływa na zgodność z prawem działań podjętych przed jej wycofaniem.`,

  courtAcknowledgement: `{acknowledge} do wiadomości, że postanowieniem z dnia {orderDate}, sygn. akt {signature}, wydanym przez {court}, {obliged} do współpracy z asystentem rodziny na podstawie art. 109 § 2 pkt 1 {kro}.

Asystentem rodziny jest {assistantTitled}, {employed} przez {officeName}. Spotkania będą się odbywać {meetingPlace}, nie rzadziej niż {meetingFrequency}. O przebiegu współpracy ośrodek może informować sąd lub kuratora sądowego.`,

  assignmentLetter: `Uprzejmie informuję, że na podstawie {basis}, w odpowiedzi na wniosek z dnia {requestDate}, {yourFamilyDative} przydzielono asystenta rodziny. Asystentem rodziny jest {assistantTitled} ({assistantContact}). Współpraca rozpocznie się od dnia {startDate}.

Asystent rodziny skontaktuje się z {youIns} w celu ustalenia terminu pierwszego spotkania, które odbędzie się z udziałem pracownika socjalnego.

Wsparcie asystenta rodziny jest bezpłatne i nie zależy od dochodu. Postępowanie nie wymaga wydania decyzji administracyjnej.`,

  assignmentLetterZaZyciem: `Uprzejmie informuję, że na podstawie {basis}, w odpowiedzi na wniosek z dnia {requestDate}, {yourFamilyDative} przydzielono asystenta rodziny do koordynacji wsparcia, o którym mowa w art. 8 ust. 1 tej ustawy. Asystentem rodziny jest {assistantTitled} ({assistantContact}). Współpraca rozpocznie się od dnia {startDate}.

Asystent rodziny skontaktuje się z {youIns}, aby ustalić termin pierwszego spotkania, omówić potrzeby rodziny i wspólnie opracować katalog możliwego do uzyskania wsparcia.

Wsparcie asystenta rodziny jest bezpłatne i nie zależy od dochodu. Postępowanie nie wymaga wydania decyzji administracyjnej.`,

  refusalLetter: `Uprzejmie informuję, że w odpowiedzi na wniosek z dnia {requestDate} nie ma możliwości przydzielenia {yourFamilyDative} asystenta rodziny.

Przyczyna: {reason}.

W razie pytań prosimy o kontakt z ośrodkiem: {officeContact}. Postępowanie nie wymaga wydania decyzji administracyjnej.`,

  authorisationGeneral: `{authorise} {granteeAcc}, {employedAcc} przez {officeName} na stanowisku asystenta rodziny, do reprezentowania {meUs} oraz do załatwiania w {myOur} imieniu spraw związanych ze wsparciem rodziny, w szczególności do uzyskiwania informacji i składania wniosków w następujących instytucjach: {institutions}.

Zakres upoważnienia: {scope}.`,

  authorisationSpecial: `{authorise} {granteeAcc}, {employedAcc} przez {officeName} na stanowisku asystenta rodziny, do dokonania w {myOur} imieniu następującej czynności: {scope}, w instytucji: {institutions}.

Upoważnienie jest jednorazowe i wygasa z chwilą dokonania czynności.`,

  authorisationRevocation: `Upoważnienie może być w każdej chwili odwołane. Odwołanie wymaga formy pisemnej i jest skuteczne z chwilą doręczenia ośrodkowi.`,

  institutionRequest: `Na podstawie art. 16 ust. 1 pkt 2 {uwr} zwracam się z uprzejmą prośbą o udzielenie informacji dotyczących {subject}, w zakresie: {scope}.

Informacje są niezbędne do {purpose}. Zakres prośby ograniczono do informacji niezbędnych do udzielenia rodzinie pomocy.

Odpowiedź proszę przesłać na adres ośrodka w terminie do dnia {replyBy}.`,

  institutionProposal: `Na podstawie art. 16 ust. 1 pkt 3 {uwr} przedstawiam ocenę sytuacji oraz wnioski dotyczące {subject}.

{scope}

Przedstawione wnioski służą {purpose}.`,

  courtOpinionIntro: `W odpowiedzi na pismo z dnia {requestDate}{requestNumber}, skierowane przez {court} w sprawie o sygn. akt {signature}, na podstawie art. 15 ust. 1 pkt 17 {uwr} przedstawiam opinię o rodzinie {familyOf} i jej członkach w zakresie wskazanym przez Sąd: {scope}.

Opinię {prepared} {authorName}, {employed} przez {officeName} na stanowisku asystenta rodziny, {working} z rodziną od dnia {workingSince} na podstawie {workBasis}.`,

  courtOpinionDisclaimer: `Opinia zawiera wyłącznie fakty i obserwacje poczynione przez asystenta rodziny w toku pracy z rodziną; nie jest opinią biegłego.`,

  courtInformationIntro: `Uprzejmie informuję Sąd, że w sprawie o sygn. akt {signature} (postanowienie z dnia {orderDate}) rodzina {familyOf} jest objęta wsparciem asystenta rodziny. Niniejsza informacja dotyczy okresu {period}.`,

  courtInformationClosure: `Uprzejmie informuję Sąd, że w sprawie o sygn. akt {signature} (postanowienie z dnia {orderDate}) praca asystenta rodziny z rodziną {familyOf} została zakończona dnia {closedOn}. Niniejsza informacja obejmuje cały okres współpracy: {period}.`,

  supportingFamilyOpinion: `Na podstawie rodzinnego wywiadu środowiskowego przeprowadzonego w dniu {interviewDate} opiniuję {opinionResult} ustanowienie rodziny wspierającej w osobach {supportingFamily} dla rodziny {supportedFamily}.`,

  supportingFamilyAct: `Na podstawie art. 29 i art. 30 {uwr}, po zapoznaniu się z pozytywną opinią kierownika ośrodka z dnia {opinionDate}, ustanawia się rodzinę wspierającą w osobach {supportingFamily} dla rodziny {supportedFamily}.

Rodzina wspierająca, we współpracy z asystentem rodziny, pomaga rodzinie przeżywającej trudności w zakresie: {scope}.

Ustanowienie następuje za zgodą rodziny wspieranej i rodziny wspierającej, na okres {period}.`,

  supportingFamilyContract: `§ 1. Przedmiotem umowy jest określenie zasad zwrotu kosztów związanych z udzielaniem pomocy rodzinie {supportedFamily} przez rodzinę wspierającą w osobach {supportingFamily}, ustanowioną {establishingAct}.

§ 2. Rodzina wspierająca, we współpracy z asystentem rodziny, pomaga rodzinie wspieranej w zakresie: {scope}.

§ 3. Gmina zwraca rodzinie wspierającej koszty związane z udzielaną pomocą do wysokości {monthlyLimit} miesięcznie, na podstawie rozliczenia złożonego w ośrodku do {settlementDay}. dnia następnego miesiąca, wraz z dokumentami potwierdzającymi poniesione koszty.

§ 4. Umowa zostaje zawarta na okres {period}. Każda ze stron może ją rozwiązać z zachowaniem {noticePeriod} okresu wypowiedzenia, a w razie rażącego naruszenia jej postanowień – bez wypowiedzenia.

§ 5. Zmiany umowy wymagają formy pisemnej pod rygorem nieważności. W sprawach nieuregulowanych stosuje się przepisy {uwr} oraz Kodeksu cywilnego.

§ 6. Umowę sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.`,

  zaZyciemConsent: `Wyrażam zgodę na przetwarzanie moich danych osobowych, w tym danych dotyczących zdrowia, w zakresie niezbędnym do koordynacji wsparcia przez asystenta rodziny na podstawie art. 8 {uzz}. Zgodę mogę wycofać w każdej chwili.`,

  monitoringIntro: `Monitorowanie funkcjonowania rodziny po zakończeniu pracy z rodziną prowadzone na podstawie art. 15 ust. 1 pkt 16 {uwr}.`,
} as const;

export type TextKey = keyof typeof DEFAULT_TEXTS;

/** Polish names of the texts, for the settings screen (one per DEFAULT_TEXTS key). */
export const TEXT_LABELS: Readonly<Record<TextKey, string>> = {
  rodoClause: 'Klauzula informacyjna RODO (art. 13)',
  consentStatement: 'Zgoda na współpracę – oświadczenie rodziny',
  consentDuties: 'Zgoda na współpracę – zobowiązania stron',
  consentStatementZaZyciem: 'Zgoda na współpracę („Za życiem”) – oświadczenie rodziny',
  consentDutiesZaZyciem: 'Zgoda na współpracę („Za życiem”) – zobowiązania stron',
  courtAcknowledgement: 'Przyjęcie do wiadomości postanowienia sądu',
  assignmentLetter: 'Pismo o przydzieleniu asystenta rodziny',
  assignmentLetterZaZyciem: 'Pismo o przydzieleniu asystenta rodziny („Za życiem”)',
  refusalLetter: 'Informacja o odmowie przydzielenia asystenta',
  authorisationGeneral: 'Upoważnienie ogólne',
  authorisationSpecial: 'Upoważnienie szczególne',
  authorisationRevocation: 'Upoważnienie – pouczenie o odwołaniu',
  institutionRequest: 'Pismo do instytucji – prośba o informacje (art. 16 ust. 1 pkt 2)',
  institutionProposal: 'Pismo do instytucji – ocena i wnioski (art. 16 ust. 1 pkt 3)',
  courtOpinionIntro: 'Opinia dla sądu – wstęp',
  courtOpinionDisclaimer: 'Opinia dla sądu – zastrzeżenie',
  courtInformationIntro: 'Informacja do sądu – wstęp (współpraca trwa)',
  courtInformationClosure: 'Informacja do sądu – wstęp (zakończenie pracy)',
  supportingFamilyOpinion: 'Rodzina wspierająca – opinia kierownika',
  supportingFamilyAct: 'Rodzina wspierająca – akt ustanowienia',
  supportingFamilyContract: 'Rodzina wspierająca – umowa o zwrot kosztów',
  zaZyciemConsent: '„Za życiem” – zgoda na przetwarzanie danych',
  monitoringIntro: 'Karta monitoringu – wstęp',
};

/** Whether a key is one of the editable texts. */
export const isTextKey = (key: string): key is TextKey => Object.prototype.hasOwnProperty.call(DEFAULT_TEXTS, key);

/** Placeholders in `body` that the text `key` does not fill (its default's placeholders are the
 *  allowed ones). */
export function unknownPlaceholders(key: TextKey, body: string): string[] {
  const allowed = new Set(placeholdersOf(DEFAULT_TEXTS[key]));
  return placeholdersOf(body).filter((p) => !allowed.has(p));
}
export type TextTemplates = Record<TextKey, string>;

/** The defaults with an office's overrides applied (unknown keys and blank overrides ignored). */
export function withOverrides(overrides: Partial<Record<string, string>> | null | undefined): TextTemplates {
  const out: Record<string, string> = { ...DEFAULT_TEXTS };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (k in DEFAULT_TEXTS && typeof v === 'string' && v.trim() !== '') out[k] = v;
  }
  return out as TextTemplates;
}

/** Placeholders used by a template, e.g. for the settings screen to list them. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!))];
}

/** Fills `{placeholder}`s with escaped values (missing → a line to fill in) and splits the text
 *  into paragraphs. The template itself is escaped too: an office's override cannot inject
 *  markup. */
export function fillText(template: string, values: Readonly<Record<string, string | null | undefined>>, on: IsoDate | null): SafeHtml {
  // The acts as of the document's date ({uwr}, {uzz}, {kro}: shared/rules/acts.ts).
  values = { uwr: act('uwr', on), uzz: act('uzz', on), kro: act('kro', on), ...values };
  const fill = (line: string) => {
    const pieces = line.split(/(\{[A-Za-z][A-Za-z0-9]*\})/g);
    return pieces
      .map((piece, i) => {
        const m = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(piece);
        if (!m) return escapeHtml(piece);
        const v = Object.prototype.hasOwnProperty.call(values, m[1]!) ? values[m[1]!] : undefined;
        let value = typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'string' ? '' : BLANK;
        // "… od dnia 16.03.2026 r." followed by the sentence's own full stop: print one.
        if (value.endsWith('.') && (pieces[i + 1] ?? '').startsWith('.')) value = value.slice(0, -1);
        return escapeHtml(value);
      })
      .join('');
  };
  return raw(
    template
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => `<p>${p.split('\n').map(fill).join('<br>')}</p>`)
      .join(''),
  );
}
