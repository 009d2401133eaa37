/**
 * A tiny safe-HTML builder for the print templates (pure: no DOM).
 *
 * Every value interpolated into the `html` tagged template is escaped unless it is already a
 * `SafeHtml` produced by this module, so a family called `<script>` prints literally. The rules
 * mirror JSX: `null`, `undefined` and `false` print nothing; arrays are concatenated. A number
 * that is not finite prints an em dash (never "NaN" or "Infinity").
 */

const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | ReadonlyArray<HtmlValue>;

/** Marks a string as trusted markup. Only for markup produced by this module's callers from
 *  constants, never for data. */
export function raw(markup: string): SafeHtml {
  return {
    [SAFE]: true,
    value: markup,
    toString() {
      return markup;
    },
  };
}

export function isSafeHtml(v: unknown): v is SafeHtml {
  return typeof v === 'object' && v !== null && (v as { [SAFE]?: unknown })[SAFE] === true;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Renders one interpolated value to markup. */
export function toMarkup(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'string') return escapeHtml(v);
  if (typeof v === 'number') return Number.isFinite(v) ? escapeHtml(String(v)) : '—';
  if (isSafeHtml(v)) return v.value;
  if (Array.isArray(v)) return v.map((x) => toMarkup(x)).join('');
  return '';
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += toMarkup(values[i]!) + (strings[i + 1] ?? '');
  return raw(out);
}

/** Joins pieces of markup with an optional (trusted) separator. */
export function join(parts: ReadonlyArray<HtmlValue>, separator = ''): SafeHtml {
  return raw(parts.map((p) => toMarkup(p)).filter((s) => s !== '').join(separator));
}

/** Multi-line plain text as paragraphs: blank lines split paragraphs, single newlines become
 *  line breaks. Everything is escaped. */
export function paragraphs(text: string | null | undefined, cls = ''): SafeHtml {
  if (text === null || text === undefined || text.trim() === '') return raw('');
  const attr = cls ? ` class="${escapeHtml(cls)}"` : '';
  return raw(
    text
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => `<p${attr}>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
      .join(''),
  );
}

/** Escapes a string for a CSS double-quoted string (used for @page margin-box content). */
export function cssString(text: string): string {
  return (
    '"' +
    text.replace(/[\\"\n\r\f<>&]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(6, '0')) +
    '"'
  );
}

/** Visible text of an HTML string (tags dropped, entities decoded): for tests and checks. */
export function htmlToText(markup: string): string {
  return markup
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/gi, (svg) => svg.replace(/<[^>]+>/g, ' '))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
