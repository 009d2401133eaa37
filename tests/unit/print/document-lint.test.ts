/** The document linter catches each fault the issue names (and passes correct Polish). */
import { describe, expect, it } from 'vitest';
import { htmlToText, lintDocumentText } from '../../lint/documentLint';

const rules = (s: string, settings = true) => lintDocumentText(s, { settingsHoldPapers: settings }).map((x) => x.rule);
const HEAD = 'Lubicz Dolny, dnia 16.11.2025 r.\n';

describe('document linter', () => {
  it('passes a correct text', () => {
    expect(rules(`${HEAD}Oświadczam, że zapoznałam się z klauzulą. Odbyto 3 spotkania i 5 wizyt (w tym do 3 spotkań w miesiącu). Sąd Rejonowy w Toruniu, „Za życiem” (Dz. U. z 2025 r. poz. 49).`)).toEqual([]);
  });
  it('flags alternative forms', () => {
    for (const s of ['zatrudniony(-a)', 'sporządził(a)', 'przyjął(ęła)', 'Pani/Pana danych', 'asystent/ka', 'ocenę wstępna / końcowa / okresowa']) expect(rules(`${HEAD}${s}`)).toContain('alternative');
    // The names of the assessment areas carry a slash by design.
    expect(rules(`${HEAD}Bezpieczeństwo dziecka / przemoc`)).toEqual([]);
  });
  it('flags doubled words and wrong plurals', () => {
    expect(rules(`${HEAD}dla rodziny rodzina Baranów`)).toContain('doubled-word');
    expect(rules(`${HEAD}odbyto 3 spotkań`)).toEqual(['plural']);
    expect(rules(`${HEAD}odbyto 22 spotkań`)).toEqual(['plural']);
    expect(rules(`${HEAD}trwało 1 dni`)).toEqual(['plural']);
  });
  it('flags dotted gaps for what the settings hold', () => {
    expect(rules(`${HEAD}z którym można się kontaktować we wszystkich sprawach dotyczących przetwarzania danych osobowych: ………………………`)).toEqual(['settings-gap']);
    expect(rules(`${HEAD}danych osobowych: ………`, false)).toEqual([]);
  });
  it('flags a legal fact dated after the document', () => {
    expect(rules(`${HEAD}na podstawie postanowienia Sądu z dnia 06.02.2026 r.`)).toEqual(['fact-after-date']);
    expect(rules(`${HEAD}ustawy (Dz. U. z 2026 r. poz. 1)`)).toEqual(['fact-after-date']);
    expect(rules(`${HEAD}pisemnej zgody rodziny wyrażonej dnia 01.12.2025 r.`)).toEqual(['fact-after-date']);
  });
  it('flags a doubled full stop after "r."', () => {
    expect(rules(`${HEAD}monitorowane do dnia 08.12.2026 r..`)).toEqual(['punctuation']);
    expect(rules(`${HEAD}wpisz tutaj: ………`)).toEqual([]);
  });
  it('flags unmatched brackets and raw values', () => {
    expect(rules(`${HEAD}(Dz. U. z 2025 r. poz. 49`)).toEqual(['brackets']);
    expect(rules(`${HEAD}„Za życiem`)).toEqual(['brackets']);
    expect(rules(`${HEAD}data: 2025-11-16, undefined`)).toEqual(['raw-value', 'raw-value']);
  });
  it('reads HTML as text: blocks on lines, entities decoded', () => {
    expect(htmlToText('<html><head><style>p{}</style></head><body><p>A&amp;B</p><table><tr><td>x</td><td>y</td></tr></table></body></html>')).toBe('A&B\nx | y |');
  });
});
