/** 16. Pisma do instytucji (art. 16 ust. 1 pkt 2–3): a request for information or an
 *  assessment/proposal, from editable templates (domain.md §4.18). */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent, text } from '../format';
import { html } from '../html';
import { signatures, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText, type TextKey } from '../texts';
import { formatAddress, textsOf, type Address, type DocBase, type RenderContext, type Staff } from './common';

export interface InstitutionLetterView extends DocBase {
  /** 'request': art. 16 ust. 1 pkt 2; 'proposal': art. 16 ust. 1 pkt 3. */
  letter: 'request' | 'proposal';
  addressee: { name: string; department?: string | null; address?: Address | null };
  /** Subject line, e.g. "sytuacji szkolnej małoletniego ucznia klasy 3b" — the minimum needed. */
  subject: string;
  /** Scope of the information asked for (request) or the content of the proposal. */
  scope: string;
  purpose: string;
  replyBy?: IsoDate | null;
  /** Which editable text to use (defaults to the one for the letter kind). */
  textKey?: TextKey;
  signer: Staff;
}

export function institutionLetterDocument(v: InstitutionLetterView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const key: TextKey = v.textKey ?? (v.letter === 'request' ? 'institutionRequest' : 'institutionProposal');
  const body = html`
<p><b>Dotyczy:</b> ${text(v.subject)}</p>
${fillText(t[key], {
    subject: v.subject,
    scope: v.scope,
    purpose: v.purpose,
    replyBy: isPresent(v.replyBy) ? formatDate(v.replyBy) : undefined,
  }, v.date)}
${signatures([{ role: text(v.signer.position, 'asystent rodziny'), name: v.signer.name, caption: 'podpis' }])}`;
  return {
    kind: v.letter === 'request' ? 'institution-request' : 'institution-proposal',
    title: v.letter === 'request' ? 'Prośba o udzielenie informacji' : 'Ocena sytuacji i wnioski',
    header: v,
    addressee: [v.addressee.name, text(v.addressee.department, ''), formatAddress(v.addressee.address, '')].filter(isPresent),
    legalBasis: v.letter === 'request' ? legalBasis('institutionRequest', v.date) : legalBasis('institutionProposal', v.date),
    body,
  };
}
