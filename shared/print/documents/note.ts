/** 11. Notatka służbowa (domain.md §4.11). */
import type { IsoDate } from '../../rules/types';
import { formatDate, formatTime, isPresent, text } from '../format';
import { html } from '../html';
import { fields, list, section, signatures, textBlock, type DocumentPart } from '../layout';
import { type DocBase, type Staff } from './common';

export interface OfficialNoteView extends DocBase {
  familyName: string;
  eventDate: IsoDate | null;
  eventTime?: string | null;
  /** "rozmowa telefoniczna", "informacja ze szkoły", "interwencja policji"… */
  eventKind: string;
  subject: string;
  description: string;
  actionsTaken?: string | null;
  informed: ReadonlyArray<string>;
  author: Staff;
}

export function officialNoteDocument(v: OfficialNoteView): DocumentPart {
  const body = html`
${fields([
    ['Dotyczy rodziny', text(v.familyName)],
    ['Data zdarzenia', `${formatDate(v.eventDate)}${isPresent(v.eventTime) ? `, godz. ${formatTime(v.eventTime)}` : ''}`],
    ['Rodzaj zdarzenia', text(v.eventKind)],
    ['Temat', text(v.subject)],
  ])}
${section('Opis zdarzenia', textBlock(v.description))}
${section('Podjęte działania', textBlock(v.actionsTaken))}
${section('Poinformowano', list(v.informed))}
${signatures([{ role: 'autor notatki', name: v.author.name }])}`;
  return { kind: 'official-note', title: 'Notatka służbowa', header: v, body };
}
