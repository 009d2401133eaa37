/**
 * A4 document layout for print templates: the page box, the embedded font, the office
 * letterhead, znak sprawy, the place-and-date line, title and legal basis, signature blocks,
 * tables with header rows repeated on every page, and "strona X z Y" on every page.
 *
 * Page numbers use CSS @page margin boxes (`@bottom-right { content: counter(page) … }`),
 * supported by Chromium since version 131: the same engine in Playwright's `page.pdf()` and in
 * Electron's `webContents.printToPDF()` (Electron 40 = Chromium 144), both called with
 * `preferCSSPageSize: true`. The margin boxes use the embedded font, unlike Chromium's
 * footerTemplate which renders in a separate context without the document's fonts.
 *
 * The output is a complete HTML document without scripts, external resources or inline
 * `style` attributes, with a strict Content-Security-Policy (only inline styles and data: fonts).
 */
import type { OfficeProfile } from '../schemas';
import type { IsoDate } from '../rules/types';
import { cssString, html, isSafeHtml, join, raw, type HtmlValue, type SafeHtml } from './html';
import { BLANK, DASH, isPresent, placeAndDate, postalPlace, text, type Missing } from './format';

/** URLs of the four faces of the embedded serif font (data: URLs from the renderer side). */
export interface PrintFonts {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

/** The common head of every document. */
export interface DocumentHeader {
  office: OfficeProfile;
  /**
   * Znak sprawy (JRWA), e.g. "GOPS.4101.12.2026"; null prints a line to fill in; 'none' omits the
   * line (office-level papers such as reports and audit extracts, which belong to no case).
   */
  caseNumber: string | null | 'none';
  /** Where the document is made; defaults to the office's place. */
  place?: string | null;
  /** The date of the document; null leaves a line to fill in by hand. */
  date: IsoDate | null;
}

/** One rendered document (before it is wrapped into a page). */
export interface DocumentPart {
  /** Stable id of the document type, e.g. 'work-plan' (see documents/index.ts). */
  kind: string;
  /** Title printed on the document and in the teczka index. */
  title: string;
  /** Second line under the title (e.g. "wersja 2 z dnia 10.03.2026 r."). */
  subtitle?: string | null;
  header: DocumentHeader;
  /** Legal basis line under the title, without the "Podstawa prawna:" prefix. */
  legalBasis?: string | null;
  /** Addressee block (letters), one line per entry. */
  addressee?: ReadonlyArray<string> | null;
  /** Whether to print the office letterhead (an internal form may skip it). Default true. */
  letterhead?: boolean;
  /** Page orientation of the whole render is portrait A4; `wide` tables use smaller type. */
  body: SafeHtml;
}

export interface RenderOptions {
  fonts?: PrintFonts | null;
  /** Text at the bottom left of every page (e.g. the znak sprawy). Default: the first part's
   *  znak sprawy. Pass '' for none. */
  footerLabel?: string | null;
  /** "strona X z Y" at the bottom right of every page. Default true. */
  pageNumbers?: boolean;
  /** The <title> of the HTML document (not printed). */
  documentTitle?: string;
}

const FONT_FAMILY = `'Asysta Serif', 'Liberation Serif', 'Times New Roman', serif`;

function fontFaces(fonts: PrintFonts | null | undefined): string {
  if (!fonts) return '';
  const face = (url: string, weight: number, style: string) =>
    `@font-face{font-family:'Asysta Serif';src:url(${cssString(url)}) format('truetype');font-weight:${weight};font-style:${style};font-display:block;}`;
  return [
    face(fonts.regular, 400, 'normal'),
    face(fonts.bold, 700, 'normal'),
    face(fonts.italic, 400, 'italic'),
    face(fonts.boldItalic, 700, 'italic'),
  ].join('\n');
}

/** CSP font-src: data: plus the origins of the font URLs given by the renderer side. */
function fontSources(fonts: PrintFonts | null | undefined): string {
  const origins = new Set<string>(['data:']);
  for (const u of fonts ? Object.values(fonts) : []) {
    const m = /^(https?:\/\/[a-z0-9.-]+(?::\d+)?|[a-z][a-z0-9+.-]*:)/i.exec(u);
    if (m && !/^(javascript|data):$/i.test(m[1]!)) origins.add(m[1]!.toLowerCase());
  }
  return [...origins].join(' ');
}

/** Percent widths for <col> classes (no inline styles under the CSP). */
const WIDTHS = [4, 5, 6, 8, 10, 12, 14, 15, 16, 18, 20, 22, 25, 28, 30, 33, 35, 40, 45, 50, 60, 70];

export function baseCss(opts: { fonts?: PrintFonts | null; footerLabel?: string; pageNumbers?: boolean }): string {
  const footer: string[] = [];
  if (opts.footerLabel) footer.push(`@bottom-left{content:${cssString(opts.footerLabel)};font-family:${FONT_FAMILY};font-size:8pt;color:#444;vertical-align:top;padding-top:3mm;}`);
  if (opts.pageNumbers !== false) {
    footer.push(
      `@bottom-right{content:"strona " counter(page) " z " counter(pages);font-family:${FONT_FAMILY};font-size:8pt;color:#444;vertical-align:top;padding-top:3mm;}`,
    );
  }
  return `
${fontFaces(opts.fonts)}
@page{size:A4 portrait;margin:16mm 17mm 18mm 20mm;${footer.join('')}}
*{box-sizing:border-box;}
html{font-family:${FONT_FAMILY};font-size:10.5pt;line-height:1.35;color:#000;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact;}
body{margin:0;}
.doc{break-before:page;}
.doc:first-child{break-before:auto;}
p{margin:0 0 2mm 0;text-align:justify;orphans:3;widows:3;}
h1{font-size:13pt;text-align:center;margin:5mm 0 1mm 0;font-weight:700;break-after:avoid;}
.subtitle{text-align:center;margin:0 0 1mm 0;}
.basis{text-align:center;font-size:8.5pt;font-style:italic;margin:1mm 8mm 4mm 8mm;text-align:center;}
h2{font-size:11pt;margin:4mm 0 1.5mm 0;break-after:avoid;font-weight:700;}
h3{font-size:10.5pt;margin:3mm 0 1mm 0;break-after:avoid;font-weight:700;font-style:italic;}
.head{display:flex;justify-content:space-between;align-items:flex-start;gap:8mm;}
.letterhead{font-size:9pt;line-height:1.25;max-width:95mm;}
.letterhead .office{font-weight:700;font-size:9.5pt;}
.placedate{white-space:nowrap;text-align:right;}
.casenumber{margin-top:3mm;font-size:9.5pt;}
.addressee{margin:6mm 0 2mm 95mm;font-weight:700;line-height:1.3;}
table{width:100%;border-collapse:collapse;margin:1mm 0 3mm 0;}
table.grid th,table.grid td{border:0.6pt solid #000;padding:1.2mm 1.5mm;vertical-align:top;text-align:left;}
table.grid th{font-weight:700;background:#ececec;font-size:9pt;}
table.grid td{font-size:9.5pt;}
table.grid.small td{font-size:8.5pt;}
thead{display:table-header-group;}
tfoot{display:table-footer-group;}
tr{break-inside:avoid;}
tr.group td{font-weight:700;background:#f4f4f4;}
tr.group{break-after:avoid;}
td.num,th.num,table.grid td.num,table.grid th.num{text-align:right;white-space:nowrap;}
td.center,th.center,table.grid td.center,table.grid th.center{text-align:center;}
table.fields td{padding:0.8mm 1.5mm 0.8mm 0;vertical-align:top;}
table.fields td.label{width:38%;color:#222;font-size:9.5pt;}
table.fields td.value{font-weight:700;}
table.fields tr{border-bottom:0.4pt dotted #888;}
.signatures{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-end;gap:4mm 10mm;margin-top:8mm;break-inside:avoid;}
.signature{width:72mm;text-align:center;font-size:9pt;break-inside:avoid;}
.signature .line{border-top:0.6pt dotted #000;margin-top:12mm;padding-top:1mm;}
.signature .name{font-weight:700;font-size:9.5pt;}
.signature .refused{margin-top:6mm;font-weight:700;border:0.8pt solid #000;padding:1.5mm;}
.signature .refused-note{font-size:8.5pt;font-style:italic;}
.box{display:inline-block;width:3.2mm;height:3.2mm;border:0.7pt solid #000;margin:0 1.5mm -0.4mm 0;line-height:3mm;text-align:center;font-size:8pt;font-weight:700;}
.choices{margin:1mm 0 2mm 0;}
.choices div{margin:0.8mm 0;}
.muted{color:#444;}
.small{font-size:8.5pt;}
.fill{color:#333;letter-spacing:0.2mm;}
.keep{break-inside:avoid;}
.pagebreak{break-before:page;}
.chart{break-inside:avoid;margin:2mm 0 3mm 0;}
.chart svg{display:block;width:100%;height:auto;}
.distribution{margin-top:6mm;font-size:9pt;break-inside:avoid;}
.distribution ol{margin:1mm 0 0 0;padding-left:6mm;}
ul,ol{margin:0.5mm 0 2mm 0;padding-left:6mm;}
li{margin:0.3mm 0;}
.text-block{border:0.6pt solid #000;padding:2mm;min-height:12mm;margin:1mm 0 3mm 0;}
.write{margin:0 0 3mm 0;break-inside:avoid;}
.write div{height:8mm;border-bottom:0.5pt dotted #000;}
.footnote{margin-top:6mm;font-size:8.5pt;color:#444;}
.text-block p:last-child{margin-bottom:0;}
.index td.lp{width:8%;}
${WIDTHS.map((w) => `col.w${w}{width:${w}%;}`).join('')}
`;
}

// ---------------------------------------------------------------- building blocks

/** Office letterhead ("pieczęć ośrodka"). */
export function letterhead(office: OfficeProfile): SafeHtml {
  const contact = [
    isPresent(office.phone) ? `tel. ${office.phone.trim()}` : '',
    isPresent(office.email) ? `e-mail: ${office.email.trim()}` : '',
  ].filter(Boolean);
  return html`<div class="letterhead">
<div class="office">${text(office.name)}</div>
<div>${text(office.address)}</div>
<div>${postalPlace(office.postalCode, office.place)}</div>
${contact.length ? html`<div>${contact.join(', ')}</div>` : ''}
</div>`;
}

function documentHead(part: DocumentPart): SafeHtml {
  const h = part.header;
  const place = isPresent(h.place) ? h.place : h.office.place;
  return html`<div class="head">
${part.letterhead === false ? html`<div></div>` : letterhead(h.office)}
<div class="placedate">${placeAndDate(place, h.date)}</div>
</div>
${h.caseNumber === 'none' ? '' : html`<div class="casenumber">Znak sprawy: ${text(h.caseNumber, BLANK)}</div>`}
${part.addressee && part.addressee.length ? html`<div class="addressee">${join(part.addressee.map((l) => html`<div>${l}</div>`))}</div>` : ''}
<h1>${part.title}</h1>
${isPresent(part.subtitle) ? html`<div class="subtitle">${part.subtitle}</div>` : ''}
${isPresent(part.legalBasis) ? html`<div class="basis">Podstawa prawna: ${part.legalBasis}</div>` : ''}`;
}

/** One document as a <section>. */
export function renderPart(part: DocumentPart): SafeHtml {
  return html`<section class="doc" data-kind="${part.kind}">
${documentHead(part)}
${part.body}
</section>`;
}

/** A complete HTML document of one or more parts, each starting on a new page. */
export function renderHtml(parts: DocumentPart | ReadonlyArray<DocumentPart | SafeHtml>, opts: RenderOptions = {}): string {
  const list: ReadonlyArray<DocumentPart | SafeHtml> = Array.isArray(parts) ? parts : [parts as DocumentPart];
  const first = list.find((p): p is DocumentPart => !isSafeHtml(p));
  const footerLabel =
    opts.footerLabel !== undefined && opts.footerLabel !== null
      ? opts.footerLabel
      : first && first.header.caseNumber !== 'none' && isPresent(first.header.caseNumber)
        ? `Znak sprawy: ${first.header.caseNumber.trim()}`
        : '';
  const title = opts.documentTitle ?? first?.title ?? 'Dokument';
  const css = baseCss({ fonts: opts.fonts, footerLabel, pageNumbers: opts.pageNumbers });
  const body = join(list.map((p) => (isSafeHtml(p) ? p : renderPart(p))), '\n');
  return `<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src ${fontSources(opts.fonts)}; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${html`${title}`}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A person who signs. `refused` prints "podpisu odmówiono" instead of the signature line. */
export interface Signatory {
  /** Caption under the line, e.g. "asystent rodziny", "członek rodziny", "kierownik ośrodka". */
  role: string;
  /** Printed name above the caption; null leaves it to be written by hand. */
  name?: string | null;
  refused?: boolean;
  /** Why the signature was refused / the circumstances, noted by the assistant. */
  refusalNote?: string | null;
  /** Caption prefix: "data i podpis" (default) or "podpis". */
  caption?: 'data i podpis' | 'podpis' | 'pieczęć i podpis';
}

export function signatures(people: ReadonlyArray<Signatory>): SafeHtml {
  if (people.length === 0) return raw('');
  return html`<div class="signatures">${people.map((p) => signatureBlock(p))}</div>`;
}

function signatureBlock(p: Signatory): SafeHtml {
  const caption = `(${p.caption ?? 'data i podpis'}: ${p.role})`;
  if (p.refused) {
    return html`<div class="signature">
<div class="refused">PODPISU ODMÓWIONO</div>
${isPresent(p.refusalNote) ? html`<div class="refused-note">${p.refusalNote}</div>` : ''}
<div class="line">${isPresent(p.name) ? html`<div class="name">${p.name}</div>` : ''}${caption}</div>
</div>`;
  }
  return html`<div class="signature">
<div class="line">${isPresent(p.name) ? html`<div class="name">${p.name}</div>` : ''}${caption}</div>
</div>`;
}

export interface Column {
  header: string;
  /** Percent width (one of WIDTHS); omit for auto. */
  width?: number;
  align?: 'num' | 'center';
}

/** A bordered table whose header row repeats on every page and whose rows do not break. */
export function table(
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<ReadonlyArray<HtmlValue> | { group: HtmlValue }>,
  opts: { empty?: string; small?: boolean; foot?: ReadonlyArray<HtmlValue> } = {},
): SafeHtml {
  const cls = `grid${opts.small ? ' small' : ''}`;
  const colgroup = columns.some((c) => c.width)
    ? html`<colgroup>${columns.map((c) => (c.width && WIDTHS.includes(c.width) ? raw(`<col class="w${c.width}">`) : raw('<col>')))}</colgroup>`
    : '';
  const alignCls = (c: Column | undefined) => (c?.align ? ` class="${c.align}"` : '');
  const body =
    rows.length === 0
      ? html`<tr><td colspan="${columns.length}" class="center">${opts.empty ?? 'brak wpisów'}</td></tr>`
      : join(
          rows.map((r) =>
            'group' in r
              ? html`<tr class="group"><td colspan="${columns.length}">${r.group}</td></tr>`
              : html`<tr>${r.map((cell, i) => html`${raw(`<td${alignCls(columns[i])}>`)}${cellValue(cell)}</td>`)}</tr>`,
          ),
        );
  const foot = opts.foot
    ? html`<tfoot><tr>${opts.foot.map((cell, i) => html`${raw(`<td${alignCls(columns[i])}>`)}<b>${cellValue(cell)}</b></td>`)}</tr></tfoot>`
    : '';
  return html`<table class="${cls}">${colgroup}<thead><tr>${columns.map((c) => html`${raw(`<th${alignCls(c)}>`)}${c.header}</th>`)}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
}

function cellValue(v: HtmlValue): HtmlValue {
  if (v === null || v === undefined || v === false) return DASH;
  if (typeof v === 'string' && v.trim() === '') return DASH;
  return v;
}

/** Label–value pairs (personal data, dates…). Missing values print an em dash. */
export function fields(pairs: ReadonlyArray<readonly [string, HtmlValue]>): SafeHtml {
  return html`<table class="fields">${pairs.map(([label, value]) => html`<tr><td class="label">${label}</td><td class="value">${cellValue(value)}</td></tr>`)}</table>`;
}

/** A checkbox drawn with CSS (the font needs no box glyph); `null` = unticked, to tick by hand. */
export function checkbox(checked: boolean | null | undefined, label: HtmlValue): SafeHtml {
  return html`<div><span class="box">${checked ? 'X' : ''}</span>${label}</div>`;
}

export function choices(items: ReadonlyArray<readonly [boolean | null | undefined, HtmlValue]>): SafeHtml {
  return html`<div class="choices">${items.map(([c, l]) => checkbox(c, l))}</div>`;
}

/** A section with a heading; `content` may be empty (prints a line to fill in). */
export function section(title: string, content: HtmlValue): SafeHtml {
  return html`<h2>${title}</h2>${content}`;
}

/** Free text in a framed block; missing text leaves the box empty with a dash. */
export function textBlock(value: Missing, emptyText: string = DASH): SafeHtml {
  return html`<div class="text-block">${isPresent(value) ? paragraphsOf(value) : html`<p class="muted">${emptyText}</p>`}</div>`;
}

function paragraphsOf(value: string): SafeHtml {
  return raw(
    value
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${p.split('\n').map((l) => html`${l}`.value).join('<br>')}</p>`)
      .join(''),
  );
}

/** `n` ruled lines to write on by hand (working sheets such as the visit sheet). */
export function writingLines(n: number): SafeHtml {
  return html`<div class="write">${Array.from({ length: Math.max(1, n) }, () => raw('<div></div>'))}</div>`;
}

/** Numbered or bulleted list of text items; empty → dash. */
export function list(items: ReadonlyArray<HtmlValue>, ordered = false): SafeHtml {
  const xs = items.filter((x) => !(x === null || x === undefined || x === false || (typeof x === 'string' && x.trim() === '')));
  if (xs.length === 0) return html`<p>${DASH}</p>`;
  const li = xs.map((x) => html`<li>${x}</li>`);
  return ordered ? html`<ol>${li}</ol>` : html`<ul>${li}</ul>`;
}

/** "Otrzymują: 1. … 2. … 3. a/a" distribution list. */
export function distribution(recipients: ReadonlyArray<string>, withFile = true): SafeHtml {
  const xs = recipients.filter(isPresent);
  const all = withFile ? [...xs, 'a/a'] : xs;
  if (all.length === 0) return raw('');
  return html`<div class="distribution"><div><b>Otrzymują:</b></div><ol>${all.map((r) => html`<li>${r}</li>`)}</ol></div>`;
}
