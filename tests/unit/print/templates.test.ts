import { describe, expect, it } from 'vitest';
import { ASSESSMENT_AREAS } from '../../../shared/rules/assessment';
import { trendChart } from '../../../shared/print/chart';
import {
  assessmentDocument,
  consentDocument,
  courtOpinionDocument,
  visitCardDocument,
  workPlanDocument,
} from '../../../shared/print/documents/index';
import { htmlToText } from '../../../shared/print/html';
import { renderHtml, type DocumentPart } from '../../../shared/print/layout';
import { packHtml, packIndexPart } from '../../../shared/print/pack';
import { withOverrides } from '../../../shared/print/texts';
import {
  allDocuments,
  ASSISTANT,
  assessmentView,
  BASE,
  COURT,
  documentFixtures,
  FATHER,
  minimalDocuments,
  minimalFixtures,
  MOTHER,
  renderFixture,
  VISIT,
  workPlanView,
  type Fixture,
} from '../../fixtures/documents';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const textOf = (p: DocumentPart) => nbsp(htmlToText(renderHtml(p)));

function badTokens(text: string): string[] {
  const bad = ['undefined', 'null', 'NaN', 'Infinity', '[object Object]'].filter((w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[[\]]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
  return iso ? [...bad, `ISO date ${iso[0]}`] : bad;
}

/** Replaces every free-text string of a view (not codes, ISO dates or times) with a hostile one. */
function hostile(v: unknown): unknown {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v) || /^[a-z0-9-]+$/.test(v) || /^[A-Z0-9_]+$/.test(v) || /^\d{1,2}:\d{2}$/.test(v) || v === '') return v;
    return `<script>alert(1)</script>${v}`;
  }
  if (Array.isArray(v)) return v.map(hostile);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hostile(x)]));
  return v;
}

const kinds = (fs: Fixture[]) => fs.map((f) => [renderFixture(f).kind, f] as const);

describe('every template, full data', () => {
  it('covers the documents of the issue (18 types, 22 documents)', () => {
    const ks = allDocuments().map((d) => d.kind);
    for (const k of ['intake', 'assistant-request', 'za-zyciem-request', 'assignment-letter', 'consent', 'court-acknowledgement', 'rodo-clause', 'authorisation', 'assessment-initial', 'work-plan', 'visit-card', 'visit-diary', 'official-note', 'monthly-report', 'monitoring', 'court-opinion', 'support-catalogue', 'institution-request', 'supporting-family-opinion', 'supporting-family-act', 'supporting-family-contract', 'court-information']) {
      expect(ks).toContain(k);
    }
  });

  it.each(kinds(documentFixtures()))('%s: strict HTML, letterhead, no undefined/null/NaN/ISO', (_k, f) => {
    const part = renderFixture(f);
    const markup = renderHtml(part);
    expect(markup.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(markup).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:;`);
    expect(markup).not.toMatch(/<script/i);
    expect(markup).not.toMatch(/\sstyle=/i);
    expect(markup).not.toMatch(/\son[a-z]+=/i);
    expect(markup).not.toMatch(/(src|href)=["']?https?:/i);
    const text = textOf(part);
    expect(badTokens(text)).toEqual([]);
    expect(text).toContain('Gminny Ośrodek Pomocy Społecznej w Grębocinie');
    expect(text).toContain('Znak sprawy: GOPS.4101.12.2026');
    expect(text).toMatch(/Grębocin, dnia \d{2}\.\d{2}\.2026 r\./);
    expect(text).not.toMatch(/\.\.(?!\.)/); // no doubled full stops ("r..")
  });

  it.each(kinds(documentFixtures()))('%s: hostile data prints literally', (_k, f) => {
    const part = f.render(hostile(f.view));
    const markup = renderHtml(part);
    expect(markup).not.toMatch(/<script/i);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(htmlToText(markup)).toContain('<script>alert(1)</script>');
  });
});

describe('a family with no optional data', () => {
  it.each(kinds(minimalFixtures()))('%s prints cleanly', (_k, f) => {
    const text = textOf(renderFixture(f));
    expect(badTokens(text)).toEqual([]);
    expect(text).toContain('Znak sprawy: ………');
    expect(text).toContain('Grębocin, dnia ………');
    expect(text).not.toContain('tel.');
  });
  it('prints a blank decision part to tick by hand', () => {
    const text = textOf(minimalDocuments().find((d) => d.kind === 'assistant-request')!);
    expect(text).toContain('przydzielam rodzinie asystenta rodziny: ………');
    expect(text).toContain('Data rozstrzygnięcia: ………');
  });
});

describe('gendered forms and content', () => {
  it('consent: one man, a couple, the court variant', () => {
    const one = textOf(consentDocument({ ...BASE, variant: 'consent', members: [FATHER], assistant: { name: 'Piotr Zając', sex: 'M' } }));
    expect(one).toContain('Oświadczam, że dobrowolnie wyrażam zgodę');
    expect(one).toContain('zatrudnionym przez Gminny Ośrodek');
    expect(one).toContain('Oświadczam, że zapoznałem się z klauzulą');
    const two = textOf(consentDocument({ ...BASE, variant: 'consent', members: [MOTHER, FATHER], assistant: ASSISTANT }));
    expect(two).toContain('Oświadczamy, że dobrowolnie wyrażamy zgodę');
    expect(two).toContain('zatrudnioną przez');
    expect(two).toContain('zapoznaliśmy się');
    const court = textOf(consentDocument({ ...BASE, variant: 'court-acknowledgement', members: [MOTHER], assistant: ASSISTANT, court: COURT }));
    expect(court).toContain('Przyjmuję do wiadomości');
    expect(court).toContain('zostałam zobowiązana');
    expect(court).toContain('sygn. akt III Nsm 412/26');
    expect(court).toContain('art. 109 § 2 pkt 1');
    const unknown = textOf(consentDocument({ ...BASE, variant: 'consent', members: [{ firstName: 'Kim', lastName: 'Lee' }], assistant: { name: 'X' } }));
    // No recorded sex: the first name decides (Kim is a woman's name here); never "(a)" forms.
    expect(unknown).toContain('zapoznałam się');
    expect(unknown).not.toMatch(/\(-?[aą]\)/);
  });

  it('court opinion: the author’s gender and only the scope the court asked for', () => {
    const base = {
      ...BASE,
      court: COURT,
      requestDate: '2026-11-02',
      scopeRequested: 'sytuacja mieszkaniowa rodziny',
      familyName: 'Wiśniewskich',
      members: [MOTHER],
      workingSince: '2026-03-16',
      workBasis: 'postanowienia Sądu Rejonowego w Toruniu z dnia 02.03.2026 r.',
      sources: [],
      conclusions: 'Wnioski.',
      attachments: [],
    };
    const f = textOf(courtOpinionDocument({ ...base, author: ASSISTANT, sections: { housing: { facts: ['Fakt z dokumentacji.'], text: 'Mieszkanie.' } } }));
    expect(f).toContain('przedstawiam opinię o rodzinie Wiśniewskich i jej członkach w zakresie wskazanym przez Sąd: sytuacja mieszkaniowa.');
    expect(f).toContain('Opinię sporządziła Małgorzata Ćwiklińska, zatrudniona przez Gminny Ośrodek Pomocy Społecznej w Grębocinie na stanowisku asystenta rodziny');
    expect(f).toContain('pracująca z rodziną od dnia 16.03.2026 r.');
    expect(f).toContain('1. Skład rodziny');
    expect(f).toContain('3. Sytuacja mieszkaniowa Fakt z dokumentacji. Mieszkanie.');
    expect(f).not.toContain('Sytuacja materialna');
    expect(f).toContain('4. Wnioski asystenta rodziny');
    const m = textOf(courtOpinionDocument({ ...base, author: { name: 'Jan Bąk', sex: 'M' }, sections: { finances: { facts: [], text: 'Dochód.' } } }));
    expect(m).toContain('Opinię sporządził Jan Bąk, zatrudniony');
    expect(m).toContain('3. Sytuacja materialna');
  });

  it('visit card: "podpisu odmówiono" with the note', () => {
    const t = textOf(visitCardDocument({ ...BASE, familyName: 'Wiśniewscy', visit: VISIT, familySignatory: { name: 'Łukasz Wiśniewski', refused: true, refusalNote: 'Odmówił bez podania przyczyny.' }, assistant: ASSISTANT }));
    expect(t).toContain('PODPISU ODMÓWIONO');
    expect(t).toContain('Odmówił bez podania przyczyny.');
    expect(t).toContain('18.11.2026 r., 9:30–11:15');
    expect(t).toContain('(data i podpis: asystent rodziny)');
  });

  it('work plan: version and date of a revision; the first version has no revision reason', () => {
    const rev = textOf(workPlanDocument(workPlanView(3, 2)));
    expect(rev).toContain('aktualizacja – wersja 2 z dnia 20.11.2026 r.');
    expect(rev).toContain('Powód aktualizacji');
    const first = textOf(workPlanDocument(workPlanView(3, 1)));
    expect(first).toContain('wersja 1 z dnia 20.11.2026 r.');
    expect(first).not.toContain('Powód aktualizacji');
    expect(renderHtml(workPlanDocument(workPlanView(40)))).toContain('<thead>');
  });

  it('assessment: every area with its label and rating, the change, the chart, the distribution list', () => {
    const part = assessmentDocument(assessmentView('periodic'));
    const markup = renderHtml(part);
    const t = nbsp(htmlToText(markup));
    for (const a of ASSESSMENT_AREAS) expect(t).toContain(a.label);
    expect(t).toContain('+1 (umiarkowana mocna strona)');
    expect(t).toContain('−1 (niewielki problem)');
    expect(t).toContain('poprawa o 1');
    expect(t).toContain('Otrzymują:');
    expect(t).toMatch(/a\/a/);
    expect(markup).toContain('<svg');
    expect(t).toContain('Termin kolejnej oceny 15.05.2027 r.');
    const fin = textOf(assessmentDocument(assessmentView('final')));
    expect(fin).toContain('Osiągnięcie celów planu pracy');
  });
});

describe('trend chart (inline SVG from data)', () => {
  it('draws one row per area, a point per rated assessment, a gap for unrated', () => {
    const svg = trendChart([
      { label: 'wstępna', date: '2026-04-10', ratings: { HOUSING: -3, FINANCES: 2 } },
      { label: 'okresowa', date: '2026-10-10', ratings: { HOUSING: -1, FINANCES: null } },
    ]).value;
    expect(svg.match(/<circle /g)?.length).toBe(3);
    expect(svg.match(/<polyline /g)?.length).toBe(1);
    expect(svg).toContain('10.04.2026');
    expect(svg).not.toMatch(/NaN|undefined/);
    for (const a of ASSESSMENT_AREAS.slice(0, 3)) expect(svg).toContain(a.label.split(' ')[0]!);
    expect(trendChart([]).value).toBe('');
  });
});

describe('teczka pack', () => {
  it('one HTML document: the index and every part, each on a new page, with page ranges', () => {
    const parts = allDocuments().slice(0, 3);
    const input = { index: { ...BASE, familyName: 'Wiśniewscy', preparedBy: 'Małgorzata Ćwiklińska' }, parts, partPages: [2, 1, 3] };
    const idx = textOf(packIndexPart(input));
    expect(idx).toMatch(/1\. Zgłoszenie – informacja o rodzinie 09\.02\.2026 2–3/);
    expect(idx).toMatch(/2\. Wniosek o przydzielenie asystenta rodziny 05\.03\.2026 4 /);
    expect(idx).toMatch(/3\. Wniosek o wsparcie asystenta rodziny \(w ramach ustawy „Za życiem”\) 12\.01\.2026 5–7/);
    const markup = packHtml(input);
    expect(markup.match(/<section class="doc"/g)?.length).toBe(4);
    expect(markup).toContain('.doc{break-before:page;}');
    expect(markup.match(/<!DOCTYPE html>/g)?.length).toBe(1);
  });
});

describe('editable texts reach the documents', () => {
  it('an office override of the RODO clause is used, with escaped data', () => {
    const f = documentFixtures().find((x) => renderFixture(x).kind === 'rodo-clause')!;
    const texts = withOverrides({ rodoClause: 'Administratorem jest {officeName}. Własna treść ośrodka.' });
    const part = (f.render as (v: unknown, ctx: unknown) => DocumentPart)(f.view, { texts });
    const t = textOf(part);
    expect(t).toContain('Administratorem jest Gminny Ośrodek Pomocy Społecznej w Grębocinie. Własna treść ośrodka.');
    expect(t).not.toContain('Prezesa Urzędu Ochrony Danych');
  });
});

describe('office-level papers (no case)', () => {
  it('an audit extract has no "Znak sprawy" line, in the head or the footer, and numbers align right', async () => {
    const { auditExtractDocument } = await import('../../../shared/print/auditExtract');
    const { OFFICE } = await import('../../fixtures/documents');
    const part = auditExtractDocument({
      office: OFFICE,
      date: '2026-11-22',
      generatedAt: '2026-11-22T10:00:00.000Z',
      generatedBy: 'Maria Kierownik (admin)',
      filter: [],
      entries: [{ id: 7, at: '2026-11-22T09:00:00.000Z', userLogin: 'admin', userName: 'Maria Kierownik', action: 'family.open', entityType: 'family', entityId: 'f1', details: null }],
      total: 1,
      verification: { ok: true, checked: 7, head: { id: 7, hash: 'ab'.repeat(32) } },
    });
    const markup = renderHtml(part);
    expect(htmlToText(markup)).not.toContain('Znak sprawy');
    expect(markup).toContain('table.grid td.num');
  });
});
