/** 7. Upoważnienie (general or special) for the assistant to act for the family (domain.md
 *  §4.7): the grantee in the accusative ("Upoważniam Panią Agnieszkę Śliwińską, asystenta
 *  rodziny zatrudnioną przez …"), the grantors' words agreeing with their sex; the basis is the
 *  assistant's tasks (art. 15 ust. 1) — art. 16 ust. 1 pkt 2 is about asking for information,
 *  not about representing the family — or art. 8 of the Za życiem act for coordination. */
import type { IsoDate } from '../../rules/types';
import { BLANK, formatDate, isPresent, listPl, text } from '../format';
import { GENDERED, gendered, genderedPlural } from '../../grammar';
import { html } from '../html';
import { fields, signatures, table, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { formatAddress, fullName, personSex, staffSex, staffTitledIn, textsOf, type Address, type DocBase, type Person, type RenderContext, type Staff } from './common';

export interface AuthorisationView extends DocBase {
  kind: 'general' | 'special';
  grantors: ReadonlyArray<Person & { pesel?: string | null; idDocument?: string | null; address?: Address | null }>;
  grantee: Staff;
  institutions: ReadonlyArray<string>;
  /** Matters covered (general) or the single act (special). */
  scope: string;
  validFrom?: IsoDate | null;
  validUntil?: IsoDate | null;
  /** Za życiem coordination (art. 8) rather than the assistant's tasks of the 2011 law. */
  zaZyciem?: boolean;
}

export function authorisationDocument(v: AuthorisationView, ctx?: RenderContext): DocumentPart {
  const t = textsOf(ctx);
  const many = v.grantors.length > 1;
  const sexes = v.grantors.map(personSex);
  const grantorWord = genderedPlural(sexes, { one: { f: 'Upoważniająca', m: 'Upoważniający' }, manyF: 'Upoważniające', manyM: 'Upoważniający' });
  const tpl = v.kind === 'general' ? t.authorisationGeneral : t.authorisationSpecial;
  const body = html`
${table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: grantorWord, width: 30 },
      { header: 'PESEL lub dokument tożsamości', width: 25 },
      { header: 'Adres zamieszkania' },
    ],
    v.grantors.map((g, i) => [`${i + 1}.`, fullName(g), [g.pesel, g.idDocument].filter(isPresent).join(' / ') || BLANK, formatAddress(g.address, BLANK)]),
  )}
${fillText(
    tpl,
    {
      authorise: many ? 'Upoważniamy' : 'Upoważniam',
      meUs: many ? 'nas' : 'mnie',
      myOur: many ? 'naszym' : 'moim',
      granteeAcc: staffTitledIn(v.grantee, 'acc'),
      granteeName: v.grantee.name,
      granteePosition: text(v.grantee.position, 'asystent rodziny'),
      employedAcc: gendered(staffSex(v.grantee), GENDERED.zatrudnionyAcc),
      officeName: v.office.name,
      institutions: listPl(v.institutions) || undefined,
      scope: v.scope,
    },
    v.date,
  )}
${fields([
    ['Upoważnienie ważne', v.kind === 'special' ? 'do dokonania czynności' : `od ${formatDate(v.validFrom ?? v.date, { fallback: BLANK })} do ${v.validUntil ? formatDate(v.validUntil) : 'odwołania'}`],
  ])}
${fillText(t.authorisationRevocation, {}, v.date)}
${signatures(v.grantors.map((g) => ({ role: gendered(personSex(g), GENDERED.upowazniajacy), name: fullName(g), caption: 'podpis' as const })))}`;
  return {
    kind: v.kind === 'general' ? 'authorisation' : 'authorisation-special',
    title: v.kind === 'general' ? 'Upoważnienie' : 'Upoważnienie szczególne',
    header: v,
    legalBasis: legalBasis(v.zaZyciem ? 'authorisationZaZyciem' : 'authorisation', v.date),
    body,
  };
}
