/** The index page of a teczka pack (all documents of a case, or of a date range, in order). */
import type { IsoDate } from '../../rules/types';
import { formatDate, text } from '../format';
import { countOf, GENDERED, gendered, NOUNS, sexOf } from '../../grammar';
import { html } from '../html';
import { fields, table, type DocumentPart } from '../layout';
import { type DocBase } from './common';

export interface PackIndexEntry {
  title: string;
  date: IsoDate | null;
  /** Pages of the document inside the pack (filled in by the renderer's first pass). */
  fromPage?: number | null;
  pages?: number | null;
}

export interface PackIndexView extends DocBase {
  familyName: string;
  /** Range of documents included (null: the whole case). */
  range?: { from: IsoDate | null; to: IsoDate | null } | null;
  entries: ReadonlyArray<PackIndexEntry>;
  preparedBy: string;
}

function pagesCell(e: PackIndexEntry): string {
  if (typeof e.fromPage !== 'number' || typeof e.pages !== 'number' || e.pages < 1) return '';
  return e.pages === 1 ? String(e.fromPage) : `${e.fromPage}–${e.fromPage + e.pages - 1}`;
}

export function packIndexDocument(v: PackIndexView): DocumentPart {
  const body = html`
${fields([
    ['Rodzina', text(v.familyName)],
    ['Zakres', v.range ? `dokumenty ${v.range.from ? `od ${formatDate(v.range.from)} ` : ''}${v.range.to ? `do ${formatDate(v.range.to)}` : ''}`.trim() : 'wszystkie dokumenty sprawy'],
    ['Liczba dokumentów', countOf(v.entries.length, NOUNS.dokument)],
  ])}
${table(
    [
      { header: 'Lp.', width: 6, align: 'num' },
      { header: 'Dokument', width: 60 },
      { header: 'Data', width: 16 },
      { header: 'Strony', align: 'num' },
    ],
    v.entries.map((e, i) => [`${i + 1}.`, text(e.title), formatDate(e.date, { suffix: false }), pagesCell(e)]),
    { empty: 'brak dokumentów' },
  )}
<p class="small">${gendered(sexOf({ fullName: v.preparedBy }), GENDERED.sporzadzil).replace(/^./, (ch) => ch.toUpperCase())} zestawienie: ${text(v.preparedBy)}</p>`;
  return { kind: 'pack-index', title: 'Spis dokumentów teczki rodziny', header: v, body };
}
