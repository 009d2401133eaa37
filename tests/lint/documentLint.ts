/**
 * The document linter (issue 13): reads a rendered document as a GOPS head reads it and lists
 * what a signed paper must not contain — alternative forms ("(-a)", "(a)", "/ka", "Pani/Pan",
 * "wstępna / końcowa"), a doubled word, a number with the wrong noun form ("3 spotkań"), a dotted
 * gap where the settings hold the data (the DPO's contact, the retention period), a legal fact
 * dated after the document (a court order, a consent, a consolidated text of a later year),
 * unmatched brackets or quotes, and raw values (ISO dates, "undefined", "null", "NaN").
 */
import { ASSESSMENT_AREAS } from '../../shared/rules/assessment';
import { NOUNS, plural, type PluralForms } from '../../shared/grammar';

export interface LintIssue {
  rule: 'alternative' | 'doubled-word' | 'plural' | 'settings-gap' | 'fact-after-date' | 'brackets' | 'punctuation' | 'raw-value';
  excerpt: string;
}

const BLANK = '…';

/** The visible text of a document's HTML: blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, '')
    .replace(/<(?:style|script|svg)[\s\S]*?<\/(?:style|script|svg)>/gi, '')
    .replace(/<\/(?:p|div|h[1-6]|li|tr|table|section|ol|ul)>|<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

const around = (s: string, i: number, len = 0) => s.slice(Math.max(0, i - 40), i + len + 40).replace(/\n/g, ' ');

/** Labels that contain " / " by design (names of the assessment areas). */
const SLASH_LABELS = ASSESSMENT_AREAS.map((a) => a.label).filter((l) => l.includes(' / '));

const PREPOSITION_BEFORE = /(?:\b(?:do|od|z|ze|spośród|około|ponad|powyżej|poniżej|niż|dla|wśród|ciągu)\s+)$/i;

const ymd = (dmy: string) => `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;

export interface LintOptions {
  /** The settings hold the DPO contact and the retention period: a gap there is an error. */
  settingsHoldPapers?: boolean;
}

export function lintDocumentText(text: string, opts: LintOptions = {}): LintIssue[] {
  const out: LintIssue[] = [];
  const add = (rule: LintIssue['rule'], i: number, len = 0) => out.push({ rule, excerpt: around(text, i, len) });

  // ---- alternative forms
  let probe = text;
  for (const l of SLASH_LABELS) probe = probe.split(l).join(' '.repeat(l.length));
  for (const re of [
    /\p{L}\(-?\p{L}{1,4}\)/gu, // zatrudniony(-a), sporządził(a), przyjął(ęła)
    /\b(?:Pani|Pan|Pana|Panu|Panią)\/(?:Pani|Pan|Pana|Panu|Panią)\b/g, // Pani/Pana
    /\p{Ll}{3,}\/(?:ka|a|na|ny|i|ą|y|e)\b/gu, // asystent/ka, zatrudniony/a
    /\p{L}{3,} \/ \p{L}{3,}/gu, // wstępna / końcowa, koordynator / kierownik
  ]) {
    for (const m of probe.matchAll(re)) add('alternative', m.index!, m[0].length);
  }

  // ---- doubled words ("się się"), and one word twice in two cases ("dla rodziny rodzina Baranów")
  for (const m of text.matchAll(/(?<![\p{L}\d])(\p{L}{2,})\s+\1(?![\p{L}\d])/giu)) add('doubled-word', m.index!, m[0].length);
  for (const m of text.matchAll(/(?<![\p{L}\d])(\p{L}{6,})(?= (\p{L}{6,})(?![\p{L}\d]))/gu)) {
    const [a, b] = [m[1]!.toLocaleLowerCase('pl'), m[2]!.toLocaleLowerCase('pl')];
    if (a !== b && a.slice(0, 6) === b.slice(0, 6)) add('doubled-word', m.index!, m[0].length);
  }

  // ---- counts: the noun form must be the one Intl.PluralRules('pl') gives the number
  for (const forms of Object.values(NOUNS) as PluralForms[]) {
    const alts = [...new Set([forms.one, forms.few, forms.many])].sort((a, b) => b.length - a.length);
    const re = new RegExp(`(?<![\\d.,/])(\\d{1,3}(?: \\d{3})+|\\d+)\\s+(${alts.join('|')})(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index! - 20), m.index!);
      if (PREPOSITION_BEFORE.test(before)) continue;
      if (/(?:ust|pkt|art|poz|nr|§|lit)\.?\s*$/i.test(before)) continue;
      const n = Number(m[1]!.replace(/ /g, ''));
      if (plural(n, forms) !== m[2]) add('plural', m.index!, m[0].length);
    }
  }

  // ---- gaps where the settings hold the data
  if (opts.settingsHoldPapers) {
    for (const re of [/danych osobowych:\s*…/g, /Okres przechowywania danych:\s*…/g, /kontakt:\s*…/g]) for (const m of text.matchAll(re)) add('settings-gap', m.index!, m[0].length);
  }

  // ---- legal facts dated after the document
  const head = /dnia (\d{2}\.\d{2}\.\d{4}) r\./.exec(text);
  if (head) {
    const docDate = ymd(head[1]!);
    const year = Number(docDate.slice(0, 4));
    for (const m of text.matchAll(/Dz\. U\. z (\d{4}) r\./g)) if (Number(m[1]) > year) add('fact-after-date', m.index!, m[0].length);
    for (const m of text.matchAll(/(?:postanowieni\p{L}*|zgod\p{L}*|wniosku)[^.|\n]{0,120}?(?:z dnia|wyrażon\p{L}* dnia|dnia) (\d{2}\.\d{2}\.\d{4})/gu)) {
      if (ymd(m[1]!) > docDate) add('fact-after-date', m.index!, m[0].length);
    }
  }

  // ---- brackets and quotes
  const count = (ch: string) => text.split(ch).length - 1;
  for (const [o, c] of [['(', ')'], ['[', ']'], ['„', '”']] as const) {
    if (count(o) !== count(c)) {
      const i = text.indexOf(count(o) > count(c) ? o : c);
      add('brackets', Math.max(0, i), 1);
    }
  }

  // ---- doubled full stop ("r..")
  for (const m of text.matchAll(/[^.…]\.\.(?!\.)/g)) add('punctuation', m.index!, m[0].length);

  // ---- raw values
  for (const m of text.matchAll(/undefined|\bnull\b|\bNaN\b|\b\d{4}-\d{2}-\d{2}\b|\[object/g)) add('raw-value', m.index!, m[0].length);
  return out;
}

export { BLANK };
