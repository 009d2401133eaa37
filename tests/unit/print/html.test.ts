import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml, html, htmlToText, join, paragraphs, raw } from '../../../shared/print/html';
import { DEFAULT_TEXTS, fillText, placeholdersOf, withOverrides } from '../../../shared/print/texts';

describe('safe HTML', () => {
  it('escapes every interpolated value', () => {
    const name = '<script>alert("x")</script> & \'Ż\'';
    const out = html`<p>${name}</p>`.value;
    expect(out).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ż&#39;</p>');
    expect(htmlToText(out)).toBe(name);
  });
  it('prints nothing for null/undefined/false, a dash for NaN, and nests safe markup', () => {
    expect(html`${null}${undefined}${false}|${Number.NaN}|${3}`.value).toBe('|—|3');
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
    expect(join([raw('<i>a</i>'), null, 'b<'], ', ').value).toBe('<i>a</i>, b&lt;');
  });
  it('paragraphs split on blank lines and keep line breaks, escaped', () => {
    expect(paragraphs('a<b\nc\n\nd').value).toBe('<p>a&lt;b<br>c</p><p>d</p>');
    expect(paragraphs(null).value).toBe('');
  });
  it('CSS strings cannot break out of the declaration', () => {
    const s = cssString('a"b\\c</style><script>');
    expect(s).not.toMatch(/<|>|"(?!$)(?<!^")/);
    expect(s.startsWith('"') && s.endsWith('"')).toBe(true);
  });
  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('editable texts', () => {
  it('fills placeholders with escaped data; a missing one leaves a line to fill in', () => {
    const out = fillText('Dla {name}, od {date}.\n\nDrugi {missing} akapit.', { name: '<b>Żak</b>', date: '16.03.2026 r.' }, '2026-03-16').value;
    expect(out).toBe('<p>Dla &lt;b&gt;Żak&lt;/b&gt;, od 16.03.2026 r.</p><p>Drugi ……………………… akapit.</p>');
  });
  it('an office override cannot inject markup', () => {
    const texts = withOverrides({ rodoClause: '<img src=x onerror=alert(1)> {officeName}', nonsense: 'x', refusalLetter: '  ' });
    expect(fillText(texts.rodoClause, { officeName: 'GOPS' }, '2026-03-16').value).toBe('<p>&lt;img src=x onerror=alert(1)&gt; GOPS</p>');
    expect(texts.refusalLetter).toBe(DEFAULT_TEXTS.refusalLetter);
    expect(Object.keys(texts)).toEqual(Object.keys(DEFAULT_TEXTS));
  });
  it('fills the acts as of the document date: {uwr} cites the consolidated text in force that day', () => {
    expect(fillText('art. 15 {uwr}', {}, '2024-06-01').value).toContain('(Dz. U. z 2024 r. poz. 177)');
    expect(fillText('art. 15 {uwr}', {}, '2025-06-01').value).toContain('(Dz. U. z 2025 r. poz. 49)');
    expect(fillText('art. 8 {uzz}', {}, '2024-06-01').value).toContain('(Dz. U. z 2023 r. poz. 1923)');
  });
  it('lists the placeholders of a text (for the settings screen)', () => {
    expect(placeholdersOf(DEFAULT_TEXTS.assignmentLetter)).toEqual(['basis', 'requestDate', 'yourFamilyDative', 'assistantTitled', 'assistantContact', 'startDate', 'youIns']);
  });
  it('default texts cite the acts through {uwr}/{uzz}/{kro}, filled as of the document date', () => {
    const all = Object.values(DEFAULT_TEXTS).join('\n');
    expect(all).not.toMatch(/Dz\. U\. z \d{4} r\./);
    expect(all).toContain('{uwr}');
    expect(all).toContain('{uzz}');
    expect(fillText(DEFAULT_TEXTS.monitoringIntro, {}, '2026-11-22').value).toContain('(Dz. U. z 2025 r. poz. 49)');
    expect(fillText(DEFAULT_TEXTS.zaZyciemConsent, {}, '2026-11-22').value).toContain('(Dz. U. z 2024 r. poz. 1829)');
    expect(DEFAULT_TEXTS.rodoClause).toContain('art. 13 ust. 1 i 2');
  });
});
