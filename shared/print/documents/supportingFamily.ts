/** 17. Rodzina wspierająca: the head's opinion, the establishing act and the cost-reimbursement
 *  contract (art. 29–31) (domain.md §4.19, §3.5). */
import type { IsoDate } from '../../rules/types';
import { BLANK, formatAmount, formatDate, formatPeriod, isPresent, listPl, text } from '../format';
import { html } from '../html';
import { fields, section, signatures, textBlock, type DocumentPart } from '../layout';
import { legalBasis } from '../legal';
import { fillText } from '../texts';
import { familyPhrase } from '../../grammar';
import { formatAddress, headSignatory, namesIn, namesList, textsOf, type Address, type DocBase, type Person, type RenderContext } from './common';

/** Art. 29 ust. 2 areas of help. */
export type SupportingScope = 'care' | 'household' | 'roles';

export const SUPPORTING_SCOPE_LABELS: Record<SupportingScope, string> = {
  care: 'opieki i wychowania dziecka',
  household: 'prowadzenia gospodarstwa domowego',
  roles: 'kształtowania i wypełniania podstawowych ról społecznych',
};

export interface SupportingFamilyBase extends DocBase {
  supportingFamily: { members: ReadonlyArray<Person>; address?: Address | null; relationToChild?: string | null };
  /** The supported family's name after "rodzina" ("Kowalskich", shared/grammar familyOf). */
  supportedFamily: string;
  scope: ReadonlyArray<SupportingScope>;
  period: { from: IsoDate | null; to: IsoDate | null };
}

export interface SupportingFamilyOpinionView extends SupportingFamilyBase {
  interviewDate: IsoDate | null;
  positive: boolean;
  justification: string;
  supportedFamilyConsent: boolean;
  headName: string;
  headPosition?: string | null;
}

export interface SupportingFamilyActView extends SupportingFamilyBase {
  opinionDate: IsoDate | null;
  /** "Wójt Gminy Lubicz" or the authorised head. */
  issuer: string;
  issuerName: string;
  actNumber?: string | null;
}

export interface SupportingFamilyContractView extends SupportingFamilyBase {
  /** "zarządzeniem nr 12/2026 Wójta Gminy Lubicz z dnia 10.03.2026 r." */
  establishingAct: string;
  /** Monthly cap of reimbursed costs, grosze. */
  monthlyLimitGrosze: number | null;
  settlementDay: number;
  noticePeriod: string;
  /** Party for the gmina: "Gmina Lubicz, reprezentowana przez …". */
  gminaParty: string;
  signerForGmina: string;
}

/** "od 01.05.2026 r. do 30.04.2027 r."; without an end "nieokreślony, począwszy od 01.05.2026 r."
 *  (completes "na okres …"). */
const periodText = (p: SupportingFamilyBase['period']) =>
  isPresent(p.to) ? formatPeriod(p.from, p.to) : `nieokreślony, począwszy od ${formatDate(p.from, { fallback: BLANK })}`;
const scopeText = (s: ReadonlyArray<SupportingScope>) => listPl(s.map((x) => SUPPORTING_SCOPE_LABELS[x])) || undefined;
const familyLine = (b: SupportingFamilyBase) =>
  [namesList(b.supportingFamily.members), formatAddress(b.supportingFamily.address, '')].filter(isPresent).join(', zam. ');

export function supportingFamilyOpinionDocument(v: SupportingFamilyOpinionView, ctx?: RenderContext): DocumentPart {
  const body = html`
${fields([
    ['Rodzina wspierająca', familyLine(v)],
    ['Relacja z dzieckiem i rodziną', text(v.supportingFamily.relationToChild)],
    ['Rodzina wspierana', familyPhrase(v.supportedFamily)],
    ['Zakres pomocy', scopeText(v.scope) ?? text(null)],
  ])}
${fillText(textsOf(ctx).supportingFamilyOpinion, {
    interviewDate: isPresent(v.interviewDate) ? formatDate(v.interviewDate) : undefined,
    opinionResult: v.positive ? 'pozytywnie' : 'negatywnie',
    supportingFamily: namesIn(v.supportingFamily.members, 'gen') || undefined,
    supportedFamily: v.supportedFamily,
  }, v.date)}
${section('Uzasadnienie', textBlock(v.justification))}
<p>Rodzina wspierana ${v.supportedFamilyConsent ? 'wyraziła zgodę' : 'nie wyraziła zgody'} na ustanowienie rodziny wspierającej.</p>
${signatures([headSignatory(v.office, v.headName, v.headPosition)])}`;
  return { kind: 'supporting-family-opinion', title: 'Opinia w sprawie ustanowienia rodziny wspierającej', header: v, legalBasis: legalBasis('supportingFamily', v.date), body };
}

export function supportingFamilyActDocument(v: SupportingFamilyActView, ctx?: RenderContext): DocumentPart {
  const body = html`
${fillText(textsOf(ctx).supportingFamilyAct, {
    opinionDate: isPresent(v.opinionDate) ? formatDate(v.opinionDate) : undefined,
    supportingFamily: [namesIn(v.supportingFamily.members, 'gen'), formatAddress(v.supportingFamily.address, '')].filter(isPresent).join(', zam. ') || undefined,
    supportedFamily: v.supportedFamily,
    scope: scopeText(v.scope),
    period: periodText(v.period),
  }, v.date)}
${signatures([{ role: v.issuer, name: v.issuerName, caption: 'pieczęć i podpis' }])}`;
  return {
    kind: 'supporting-family-act',
    title: 'Akt ustanowienia rodziny wspierającej',
    subtitle: isPresent(v.actNumber) ? `nr ${v.actNumber.trim()}` : null,
    header: v,
    legalBasis: legalBasis('supportingFamily', v.date),
    body,
  };
}

export function supportingFamilyContractDocument(v: SupportingFamilyContractView, ctx?: RenderContext): DocumentPart {
  const body = html`
<p>zawarta w dniu ${formatDate(v.date)} pomiędzy:</p>
<p><b>${v.gminaParty}</b>,</p>
<p>a rodziną wspierającą: <b>${familyLine(v)}</b>,</p>
<p>o następującej treści:</p>
${fillText(textsOf(ctx).supportingFamilyContract, {
    supportedFamily: v.supportedFamily,
    supportingFamily: namesIn(v.supportingFamily.members, 'gen') || undefined,
    establishingAct: v.establishingAct,
    scope: scopeText(v.scope),
    monthlyLimit: v.monthlyLimitGrosze === null ? undefined : formatAmount(v.monthlyLimitGrosze),
    settlementDay: Number.isInteger(v.settlementDay) ? String(v.settlementDay) : undefined,
    period: periodText(v.period),
    noticePeriod: v.noticePeriod,
  }, v.date)}
${signatures([
    { role: 'za gminę', name: v.signerForGmina, caption: 'pieczęć i podpis' },
    ...v.supportingFamily.members.map((m) => ({ role: 'rodzina wspierająca', name: namesList([m]), caption: 'podpis' as const })),
  ])}`;
  return { kind: 'supporting-family-contract', title: 'Umowa w sprawie zwrotu kosztów ponoszonych przez rodzinę wspierającą', header: v, legalBasis: legalBasis('supportingFamilyContract', v.date), body };
}
