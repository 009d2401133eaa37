/** 7. Upoważnienie (general or special) for the assistant to act for the family
 *  (domain.md §4.7). */
import type { IsoDate } from '../../rules/types';
import { BLANK, formatDate, isPresent, listPl, text } from '../format';
import { html } from '../html';
import { fields, signatures, table, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { formatAddress, fullName, textsOf, type Address, type DocBase, type Person, type RenderContext, type Staff } from './common';

export interface AuthorisationView extends DocBase {
  kind: 'general' | 'special';
  grantors: ReadonlyArray<Person & { pesel?: string | null; idDocument?: string | null; address?: Address | null }>;
  grantee: Staff;
  institutions: ReadonlyArray<string>;
  /** Matters covered (general) or the single act (special). */
  scope: string;
  validFrom?: IsoDate | null;
  validUntil?: IsoDate | null;
  /** Za życiem coordination (art. 8 ust. 2) rather than art. 16 of the 2011 law. */
  zaZyciem?: boolean;
}

export function authorisationDocument(v: AuthorisationView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const many = v.grantors.length > 1;
  const tpl = v.kind === 'general' ? t.authorisationGeneral : t.authorisationSpecial;
  const body = html`
${table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: many ? 'Upoważniający' : 'Upoważniający(-a)', width: 30 },
      { header: 'PESEL / dokument tożsamości', width: 25 },
      { header: 'Adres zamieszkania' },
    ],
    v.grantors.map((g, i) => [`${i + 1}.`, fullName(g), [g.pesel, g.idDocument].filter(isPresent).join(' / ') || BLANK, formatAddress(g.address, BLANK)]),
  )}
${fillText(tpl, {
    authorise: many ? 'Upoważniamy' : 'Upoważniam',
    meUs: many ? 'nas' : 'mnie',
    myOur: many ? 'naszym' : 'moim',
    granteeName: v.grantee.name,
    granteePosition: text(v.grantee.position, 'asystent rodziny'),
    officeName: v.office.name,
    institutions: listPl(v.institutions) || undefined,
    scope: v.scope,
  }, v.date)}
${fields([
    ['Upoważnienie ważne', v.kind === 'special' ? 'do dokonania czynności' : `od ${formatDate(v.validFrom ?? v.date, { fallback: BLANK })} do ${formatDate(v.validUntil, { fallback: 'odwołania' })}`],
  ])}
${fillText(t.authorisationRevocation, {}, v.date)}
${signatures(v.grantors.map((g) => ({ role: 'upoważniający', name: fullName(g), caption: 'podpis' as const })))}`;
  return {
    kind: v.kind === 'general' ? 'authorisation' : 'authorisation-special',
    title: v.kind === 'general' ? 'Upoważnienie' : 'Upoważnienie szczególne',
    header: v,
    legalBasis: v.zaZyciem ? legalBasis('authorisationZaZyciem', v.date) : legalBasis('authorisation', v.date),
    body,
  };
}
