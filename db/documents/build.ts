/**
 * Database records → the view models of shared/print/documents, for one case. Pure over
 * CaseData (read by data.ts): no scoping, no audit. Every field is either data or null (the
 * templates print a dash or a line to fill in); dates stay ISO here and are formatted by the
 * templates; gendered forms come from the members' recorded sex (supporting-family members: from a
 * valid PESEL) and, for staff, from the staff register's form of address (shared/grammar).
 */
import { ASSESSMENT_AREAS } from '../../shared/rules/assessment';
import { CLOSURE_REASONS, type ClosureReasonCode, type ReferralSource } from '../../shared/rules/labels';
import type { IsoDate } from '../../shared/rules/types';
import { addDays, ageOn, isIsoDate } from '../../shared/rules/isoDate';
import { countOf, familyOf, nameIn, NOUNS, sexOf, sexOfPesel, sexOfSalutation } from '../../shared/grammar';
import { findInstitution, guessInstitutionKind, type InstitutionKind } from '../../shared/institutions';
import type { CaseLegalFacts } from '../../shared/rules/acts';
import { assessmentPeriodOf, factInForce } from '../../shared/rules/records';
import {
  DOCUMENT_KINDS,
  assessmentDocument,
  assignmentLetterDocument,
  assistantRequestDocument,
  authorisationDocument,
  consentDocument,
  courtInformationDocument,
  courtOpinionDocument,
  institutionLetterDocument,
  intakeDocument,
  monitoringDocument,
  monthlyReportDocument,
  officialNoteDocument,
  rodoClauseDocument,
  supportCatalogueDocument,
  supportingFamilyActDocument,
  supportingFamilyContractDocument,
  supportingFamilyOpinionDocument,
  visitCardDocument,
  visitDiaryDocument,
  visitSheetDocument,
  workPlanDocument,
  zaZyciemRequestDocument,
  type Address,
  type DocBase,
  type FamilyMember,
  type MonitoringContactForm,
  type Person,
  type RenderContext,
  type Staff,
  type SupportArea,
  type SupportStatus,
  type SupportingScope,
  type Visit,
} from '../../shared/print/documents/index';
import { formatDate, formatMonthYear } from '../../shared/print/format';
import type { DocumentPart } from '../../shared/print/layout';
import type { PackRequest } from '../print/render';
import type { LetterParams, PrintableKind } from '../../shared/ipc/channels/documents';
import { NOTICE_PERIODS } from '../../shared/registrySchemas';
import type { CaseData, EntryRow, MemberRow, UserRow } from './data';
import { opinionContent, sentence, workBasisText } from './opinion';

const SCOPES: SupportingScope[] = ['care', 'household', 'roles'];

const d = (s: string | null | undefined): IsoDate | null => (s && isIsoDate(s.slice(0, 10)) ? (s.slice(0, 10) as IsoDate) : null);
const t = (s: unknown): string | null => (typeof s === 'string' && s.trim() !== '' ? s.trim() : null);

/** A worker as the documents print them: the staff register's form of address (the words agree
 *  with it), position under the signature, own phone and e-mail, and declension override. */
function staffOf(c: CaseData, u: Pick<UserRow, 'id' | 'fullName'> | null | undefined, position: string): Staff {
  if (!u) return { name: '', position };
  const r = c.staff.get(u.id);
  return {
    name: u.fullName,
    sex: sexOfSalutation(r?.salutation),
    position: t(r?.position) ?? position,
    phone: t(r?.phone),
    email: t(r?.email),
    nameForms: r?.nameForms ?? null,
  };
}
/** The author of an entry, assessment or plan (by id; by name for rows without one). */
function authorStaff(c: CaseData, id: string | null, name: string | null): Staff {
  const u = (id && c.users.get(id)) || (name ? [...c.users.values()].find((x) => x.fullName === name) : undefined);
  return u ? staffOf(c, u, 'asystent rodziny') : name ? { name, position: 'asystent rodziny' } : assistantStaff(c);
}

const member = (m: MemberRow): FamilyMember => ({
  firstName: m.firstName,
  lastName: m.lastName,
  sex: m.sex,
  birthDate: d(m.birthDate),
  relation: t(m.relation),
  pesel: t(m.pesel),
  nameForms: m.nameForms,
});

/** The family's name after "rodzina": "Baranów", "Wiśniewskich" (shared/grammar familyOf). */
const familyName = (c: CaseData) => familyOf(c.members);

const address = (c: CaseData): Address => ({ street: c.family.address, postalCode: t(c.family.postalCode), place: c.family.place });
const adults = (c: CaseData) => c.members.filter((m) => m.isChild === 0);
const headMember = (c: CaseData) => c.members.find((m) => m.isHead === 1) ?? adults(c)[0] ?? c.members[0] ?? null;

function base(c: CaseData, date: string | null | undefined): DocBase {
  return { office: c.office, caseNumber: t(c.row.caseNumber), place: t(c.office.place), date: d(date) };
}

const AREA_LABEL = new Map(ASSESSMENT_AREAS.map((it) => [it.code, it.label]));
const KIND_LABEL = { initial: 'wstępna', periodic: 'okresowa', final: 'końcowa' } as const;

function assistantStaff(c: CaseData): Staff {
  return staffOf(c, c.assistant, 'asystent rodziny');
}
function socialWorkerStaff(c: CaseData): Staff | null {
  return c.socialWorker ? staffOf(c, c.socialWorker, 'pracownik socjalny') : null;
}
const headName = (c: CaseData) => c.office.headName;
/** The head's title under the signature: the staff register's position of the head's account,
 *  else "Kierownik <ośrodka in the genitive>" (templates). */
const headPosition = (c: CaseData): string | null => (c.head ? t(c.staff.get(c.head.id)?.position) : null);

interface CourtOrderJson {
  court?: string;
  caseRef?: string;
  date?: string;
}
function courtOrderOf(c: CaseData): CourtOrderJson | null {
  if (!c.row.courtOrder) return null;
  try {
    const o = JSON.parse(c.row.courtOrder) as CourtOrderJson;
    return o && t(o.court) ? o : null;
  } catch {
    return null;
  }
}
const isCourtOrdered = (c: CaseData) => c.row.source === 'court-order' || c.row.consentBasis === 'court-order' || courtOrderOf(c) !== null;

/** The dated facts that make the work lawful (shared/rules/acts.ts): each applies from its date. */
function legalFacts(c: CaseData): CaseLegalFacts {
  const co = courtOrderOf(c);
  return {
    track: c.row.track === 'za-zyciem' ? 'za-zyciem' : 'general',
    consentOn: c.row.consentBasis === 'written-consent' ? d(c.row.consentOn) : null,
    courtOrder: co ? { date: d(co.date), court: t(co.court), caseRef: t(co.caseRef) } : null,
    art11_1aOn: c.row.consentBasis === 'art-11-1a' || c.row.source === 'minor-parent-leaving-institution' ? (d(c.row.consentOn) ?? d(c.row.assignedOn)) : null,
    zaZyciemRequestOn: c.row.track === 'za-zyciem' ? d(c.row.receivedOn) : null,
  };
}

interface CaseDetailsJson {
  reportedBy?: string;
  description?: string;
  /** Recorded with the social worker's request (submitRequest). */
  request?: { analysis?: string; justification?: string; attachments?: unknown };
  /** Recorded with the analysis step (recordAnalysis): its note. */
  analysis?: { note?: string };
  /** Recorded with the consent / acknowledgement (recordConsent). */
  consent?: { meetingPlace?: string; meetingFrequency?: string };
  /** Recorded with the closure (close): why the reason stands against the final assessment. */
  closure?: { reasonJustification?: string };
}
function details(c: CaseData): CaseDetailsJson {
  try {
    return (c.row.details ? JSON.parse(c.row.details) : {}) as CaseDetailsJson;
  } catch {
    return {};
  }
}

/** The request's justification: as recorded with the request; for requests recorded before it
 *  was kept in cases.details, as typed in the history event; for requests with neither (demo data
 *  written straight into the tables), the analysis result the wording always stated. */
function requestJustification(c: CaseData): string {
  const det = details(c);
  return (
    t(det.request?.justification) ??
    t(c.requestEventJustification) ??
    (c.row.careDifficultiesFound ? 'W toku wywiadu środowiskowego stwierdzono trudności w wypełnianiu funkcji opiekuńczo-wychowawczych.' : '')
  );
}
/** The KRPZ of the plan (art. 15 ust. 1 pkt 2), one entry per person with their children: the
 *  snapshot kept with the version, else (older versions) the children's current placements. */
function planCoordinators(c: CaseData, ct: CaseData['plans'][number]['content']): Array<{ name: string; children: string[] }> {
  const list =
    ct.krpz ??
    (ct.childInFosterCare
      ? c.members
          .filter((m) => m.isChild)
          .map((m) => ({ m, p: parsePlacement(m.placement) }))
          .filter((x) => x.p?.kind === 'foster-care' && t(x.p.krpz?.name))
          .map((x) => ({ child: `${x.m.firstName} ${x.m.lastName}`.trim(), name: t(x.p!.krpz!.name)! }))
      : []);
  const byName = new Map<string, string[]>();
  for (const k of list) byName.set(k.name, [...(byName.get(k.name) ?? []), k.child]);
  return [...byName].map(([name, children]) => ({ name, children }));
}
function parsePlacement(s: string | null): { kind?: string; krpz?: { name?: string } | null } | null {
  try {
    return s ? (JSON.parse(s) as { kind?: string; krpz?: { name?: string } | null }) : null;
  } catch {
    return null;
  }
}

/** The assessment's period for the document (the rules decide the default: records.ts). */
function periodOf(p: { from: string | null; to: string } | null): { from: IsoDate | null; to: IsoDate | null } | null {
  return p ? { from: d(p.from), to: d(p.to) } : null;
}
function requestAttachments(c: CaseData): string[] {
  const it = details(c).request?.attachments;
  return Array.isArray(it) ? it.map((x) => t(x)).filter((x): x is string => x !== null) : [];
}

// ---- Entry → visit ---------------------------------------------------------------------------------

const FAILED: Record<string, string> = {
  'nobody-home': 'nikogo nie zastano w domu',
  'cancelled-by-family': 'spotkanie odwołane przez rodzinę',
  'cancelled-by-assistant': 'spotkanie odwołane przez asystenta',
};

function visitOf(e: EntryRow): Visit {
  const b = e.body;
  return {
    date: e.onDate as IsoDate,
    start: t(e.startTime),
    end: t(e.endTime),
    place: b.place === 'home' || b.place === 'office' || b.place === 'institution' ? b.place : 'other',
    placeNote: t(b.placeDetail),
    participants: (b.participants ?? []).filter((p) => typeof p === 'string' && p.trim() !== ''),
    topics: t(b.text),
    tasksDone: t(b.doneSinceLast),
    tasksFamily: t(b.agreedFamily),
    tasksAssistant: t(b.agreedAssistant),
    observations: t(b.childSafetyObservations),
    nextAppointment: d(b.nextAppointmentOn),
    failedReason: e.kind === 'failed-visit' ? (FAILED[b.failedReason ?? ''] ?? 'wizyta nieodbyta') : null,
    minutes: e.minutes || null,
    km: e.kmTenths ? e.kmTenths / 10 : null,
  };
}
/** The family's signature block of a visit card: the member named at the visit (or a blank line
 *  to fill in by hand) and "podpisu odmówiono" when the refusal was recorded. */
function signatoryOf(e: EntryRow): { name: string | null; refused: boolean; refusalNote: string | null } {
  const s = e.kind === 'visit' ? e.body.familySignatory : null;
  const refused = s?.refused === true;
  return { name: t(s?.name), refused, refusalNote: refused ? t(s?.refusalNote) : null };
}
const isVisit = (e: EntryRow) => e.kind === 'visit' || e.kind === 'failed-visit';

// ---- Which documents a case has -----------------------------------------------------------------

export interface DocRef {
  kind: PrintableKind;
  ref: string | null;
  label: string | null;
  date: string | null;
  range: boolean;
}

/** Kinds read from entries (visits, notes, monthly reports): only for those who keep the
 *  case's diary (the assistant of the case and the head), like entries:list. */
export const ENTRY_KINDS: ReadonlyArray<PrintableKind> = ['visit-card', 'visit-diary', 'visit-sheet', 'official-note', 'monthly-report', 'monitoring'];

const on = (date: string | null | undefined) => (date ? `z dnia ${formatDate(d(date))}` : null);

export function availableDocuments(c: CaseData): DocRef[] {
  const out: DocRef[] = [];
  const add = (kind: PrintableKind, ref: string | null = null, label: string | null = null, date: string | null = null, range = false) =>
    out.push({ kind, ref, label, date, range });
  const r = c.row;
  const general = r.track === 'general';
  if (general) add('intake', null, null, r.learnedOn);
  if (general && (r.requestOn || r.decision)) add('assistant-request', null, null, r.requestOn);
  if (!general) add('za-zyciem-request', null, null, r.receivedOn);
  if (r.decision === 'assign' || r.decision === 'refuse') add('assignment-letter', null, null, r.decidedOn);
  if (r.assistantId) {
    add(isCourtOrdered(c) ? 'court-acknowledgement' : 'consent', null, null, r.consentOn);
    add('rodo-clause', null, null, r.consentOn ?? r.assignedOn);
  }
  for (const it of c.authorisations) add(it.kind === 'special' ? 'authorisation-special' : 'authorisation', it.id, on(it.signedOn), it.signedOn);
  for (const it of c.assessments) add(`assessment-${it.kind}` as PrintableKind, it.id, on(it.assessedOn), it.assessedOn);
  if (c.plans.length > 0) {
    const p = c.plans[c.plans.length - 1]!;
    add('work-plan', String(p.versionNo), `wersja ${p.versionNo} ${on(p.drawnUpOn) ?? ''}`.trim(), p.drawnUpOn);
  }
  const visits = c.entries.filter(isVisit);
  for (const e of visits) add('visit-card', e.id, on(e.onDate), e.onDate);
  if (visits.length > 0) add('visit-diary', null, null, visits[visits.length - 1]!.onDate, true);
  // The working sheet for the next visit (not a record: left out of the teczka pack).
  if (r.assistantId) add('visit-sheet');
  for (const e of c.entries.filter((x) => x.kind === 'note')) add('official-note', e.id, on(e.onDate), e.onDate);
  const months = [...new Set(c.entries.filter((e) => e.kind !== 'monitoring' && e.kind !== 'note').map((e) => e.onDate.slice(0, 7)))].sort();
  for (const m of months) add('monthly-report', m, formatMonthYear(Number(m.slice(0, 4)), Number(m.slice(5, 7))), lastDayOf(m));
  if (r.closedOn && (c.entries.some((e) => e.kind === 'monitoring') || c.monitoringEndsOn)) add('monitoring', null, null, c.monitoringEndsOn ?? r.closedOn);
  for (const q of c.courtRequests) add('court-opinion', q.id, `sygn. akt ${q.caseRef}`, q.submittedOn ?? q.requestedOn);
  if (c.catalogue.length > 0) add('support-catalogue', null, null, null);
  if (institutionName(c)) {
    add('institution-request', null, null, null);
    add('institution-proposal', null, null, null);
  }
  for (const s of c.supporting) {
    if (s.headOpinion) add('supporting-family-opinion', s.id, null, s.headOpinion.on ?? null);
    if (s.act) add('supporting-family-act', s.id, null, s.act.on ?? null);
    if (s.contract) add('supporting-family-contract', s.id, null, s.contract.on ?? null);
  }
  if (isCourtOrdered(c)) add('court-information', null, null, r.closedOn ?? null);
  return out;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

function institutionName(c: CaseData): string | null {
  const inst = [...c.entries].reverse().find((e) => e.kind === 'institution' && t(e.body.contactWith));
  if (inst) return t(inst.body.contactWith);
  for (const it of c.authorisations) {
    const i = (it.scope.institutions ?? []).find((x) => t(x));
    if (i) return i.trim();
  }
  return null;
}

// ---- Building one document ------------------------------------------------------------------------

export interface BuildOptions {
  ref?: string | null;
  from?: string | null;
  to?: string | null;
  /** The document date when a record has none (today in Europe/Warsaw). */
  today: string;
  /** Institution letters: the subject, scope, purpose and reply-by date the user typed. */
  letter?: LetterParams | null;
  /** Visit sheet: the planned date of the visit (else the next appointment agreed, if ahead). */
  visitOn?: string | null;
  ctx?: RenderContext;
}

export class DocumentUnavailable extends Error {}

export function buildDocument(c: CaseData, kind: PrintableKind, o: BuildOptions): DocumentPart {
  const ctx = o.ctx;
  const r = c.row;
  const fam = familyName(c);
  const members = c.members.map(member);
  const byRef = <T extends { id: string }>(xs: T[], what: string): T => {
    const x = o.ref ? xs.find((y) => y.id === o.ref) : xs[xs.length - 1];
    if (!x) throw new DocumentUnavailable(what);
    return x;
  };
  switch (kind) {
    case 'intake': {
      const det = details(c);
      return intakeDocument({
        ...base(c, r.learnedOn ?? o.today),
        receivedOn: (d(r.learnedOn) ?? d(o.today)) as IsoDate,
        source: (['social-worker', 'family-request', 'institution', 'court-order', 'minor-parent-leaving-institution'].includes(r.source)
          ? r.source
          : 'social-worker') as ReferralSource,
        reporter: t(det.reportedBy) ? { person: t(det.reportedBy) } : null,
        family: { name: fam, address: address(c), phone: t(c.family.phone), members },
        concerns: t(det.description) ?? '',
        urgent: r.urgent === 1,
        socialWorker: socialWorkerStaff(c),
        interviewDueDate: d(r.interviewDueOn),
        intakeWorker: socialWorkerStaff(c) ?? { name: c.office.headName, sex: null, position: 'kierownik ośrodka' },
      });
    }
    case 'assistant-request': {
      const first = c.assessments[0];
      const decision =
        r.decision === 'assign'
          ? { kind: 'assign' as const, assistant: c.assistant ? assistantStaff(c) : null, fromDate: d(r.assignedOn), decidedOn: d(r.decidedOn) }
          : r.decision === 'refuse'
            ? { kind: 'refuse' as const, reason: null, decidedOn: d(r.decidedOn) }
            : r.decision === 'waitlist'
              ? { kind: 'waiting-list' as const, decidedOn: d(r.decidedOn) }
              : r.decision === 'forward'
                ? { kind: 'other-unit' as const, unitName: t(r.forwardedTo), decidedOn: d(r.decidedOn) }
                : null;
      return assistantRequestDocument({
        ...base(c, r.requestOn ?? o.today),
        family: { name: fam, address: address(c), members },
        interviewDate: d(r.interviewOn),
        // Art. 11 ust. 2: the social worker's analysis, as recorded with the request or the analysis step.
        problems: t(details(c).request?.analysis) ?? t(details(c).analysis?.note) ?? t(details(c).description) ?? '',
        // Only what the record held on the request's date (an assessment made later is not its source).
        resources: first && first.assessedOn <= (r.requestOn ?? o.today) ? t(first.body.resources) : null,
        justification: requestJustification(c),
        proposedAreas: [],
        familyInformed: true,
        // Facts of the request's date only (a later consent or court order is not on it).
        consentObtained: r.consentBasis === 'written-consent' && factInForce(r.consentOn, r.requestOn ?? o.today),
        courtOrdered: isCourtOrdered(c) && factInForce(courtOrderOf(c)?.date ?? null, r.requestOn ?? o.today),
        courtOrder: courtOrderOf(c) ? { date: d(courtOrderOf(c)!.date), signature: t(courtOrderOf(c)!.caseRef) } : null,
        attachments: requestAttachments(c),
        socialWorker: socialWorkerStaff(c) ?? { name: '' },
        decision,
        headName: headName(c),
        headPosition: headPosition(c),
      });
    }
    case 'za-zyciem-request': {
      const h = headMember(c);
      let docs: { pregnancyDocument?: boolean; certificate?: { issuer?: string; field?: string; issuedOn?: string } | null } = {};
      try {
        docs = r.zzDocuments ? JSON.parse(r.zzDocuments) : {};
      } catch {
        docs = {};
      }
      const cert = docs.certificate;
      return zaZyciemRequestDocument(
        {
          ...base(c, r.receivedOn ?? o.today),
          applicant: {
            firstName: h?.firstName ?? '',
            lastName: h?.lastName ?? '',
            sex: h?.sex ?? null,
            pesel: t(h?.pesel),
            address: address(c),
            phone: t(h?.phone) ?? t(c.family.phone),
          },
          category: (r.zzCategory as never) ?? null,
          household: members,
          needs: t(details(c).description) ?? '',
          attachment: cert
            ? { kind: 'art-4-3-certificate', issuer: t(cert.issuer), specialty: (cert.field as never) ?? null, issuedOn: d(cert.issuedOn) }
            : docs.pregnancyDocument
              ? { kind: 'pregnancy-document' }
              : null,
          consentToCooperation: true,
          rodoAcknowledged: true,
          submittedOn: d(r.receivedOn),
          channel: null,
        },
        ctx,
      );
    }
    case 'assignment-letter': {
      const h = headMember(c);
      return assignmentLetterDocument(
        {
          ...base(c, r.decidedOn ?? o.today),
          addressee: { firstName: h?.firstName ?? '', lastName: h?.lastName ?? '', sex: h?.sex ?? null, address: address(c) },
          outcome: r.decision === 'refuse' ? 'refused' : 'assigned',
          basis: r.track === 'za-zyciem' ? 'za-zyciem' : 'general',
          assistant: c.assistant ? assistantStaff(c) : null,
          startDate: d(r.assignedOn),
          requestDate: d(r.requestOn ?? r.receivedOn),
          refusalReason: r.decision === 'refuse' ? (c.refusalReason ?? closureLabel(r.closureReason)) : null,
          headName: headName(c),
          headPosition: headPosition(c),
          socialWorker: socialWorkerStaff(c),
        },
        ctx,
      );
    }
    case 'consent':
    case 'court-acknowledgement': {
      const co = courtOrderOf(c);
      const meetings = details(c).consent;
      return consentDocument(
        {
          ...base(c, r.consentOn ?? r.assignedOn ?? o.today),
          variant: kind,
          zaZyciem: r.track === 'za-zyciem',
          members: adults(c).map(member),
          assistant: assistantStaff(c),
          // Recorded with the consent (cases.details.consent). Consents recorded before the place
          // and frequency were asked for keep the wording their documents have always printed.
          meetingPlace: t(meetings?.meetingPlace) ?? 'w miejscu zamieszkania rodziny',
          meetingFrequency: t(meetings?.meetingFrequency) ?? 'raz w tygodniu',
          // The order only from its date: an acknowledgement dated before the order names none.
          court: co && factInForce(d(co.date) ?? r.consentOn, r.consentOn ?? r.assignedOn ?? o.today) ? { name: co.court!.trim(), signature: t(co.caseRef) ?? '', orderDate: d(co.date) } : null,
        },
        ctx,
      );
    }
    case 'rodo-clause':
      return rodoClauseDocument(
        {
          ...base(c, r.consentOn ?? r.assignedOn ?? o.today),
          // From the settings (Ustawienia → Dane do dokumentów); empty leaves a line to fill in.
          iodContact: t(c.papers.dpoContact),
          retention: t(c.papers.retention),
          zaZyciem: r.track === 'za-zyciem',
          dataSubjects: adults(c).map(member),
        },
        ctx,
      );
    case 'authorisation':
    case 'authorisation-special': {
      const it = byRef(c.authorisations, 'upoważnienie');
      const grantors = it.grantors.map((g) => {
        const m = g.memberId ? c.members.find((x) => x.id === g.memberId) : undefined;
        if (m) return { ...member(m), address: address(c) };
        const [first, ...rest] = g.name.trim().split(/\s+/);
        return { firstName: first ?? '', lastName: rest.join(' '), sex: null, address: address(c) };
      });
      return authorisationDocument(
        {
          ...base(c, it.signedOn),
          kind: it.kind,
          grantors,
          grantee: staffOf(c, { id: it.granteeId, fullName: it.granteeName ?? '' }, 'asystent rodziny'),
          institutions: (it.scope.institutions ?? []).filter((x) => t(x)),
          scope: [t(it.scope.description), ...(it.scope.matters ?? []).filter((x) => t(x))].filter(Boolean).join('; '),
          validFrom: d(it.validFrom),
          validUntil: d(it.validTo),
          zaZyciem: r.track === 'za-zyciem',
        },
        ctx,
      );
    }
    case 'assessment-initial':
    case 'assessment-periodic':
    case 'assessment-final': {
      const want = kind.replace('assessment-', '');
      const xs = c.assessments.filter((it) => it.kind === want);
      const it = byRef(xs, 'ocena');
      const idx = c.assessments.findIndex((x) => x.id === it.id);
      const prev = idx > 0 ? c.assessments[idx - 1]! : null;
      const b = it.body;
      const goals = Array.isArray(b.goalAttainment)
        ? (b.goalAttainment as Array<{ goal: string; status: string; evidence?: string }>).map((g) => ({
            goal: g.goal,
            attainment: g.status === 'achieved' ? ('achieved' as const) : g.status === 'partly' ? ('partly' as const) : g.status === 'not-achieved' ? ('not' as const) : null,
            evidence: t(g.evidence),
          }))
        : [];
      const ratingOf = (x: { rating?: number } | undefined) => (x && typeof x.rating === 'number' ? (x.rating as never) : null);
      return assessmentDocument({
        ...base(c, it.assessedOn),
        kind: it.kind,
        family: { name: fam, members },
        period: periodOf(assessmentPeriodOf({ kind: it.kind, assessedOn: it.assessedOn, periodFrom: it.periodFrom, periodTo: it.periodTo, previousAssessedOn: prev?.assessedOn ?? null, assignedOn: r.assignedOn })),
        areas: ASSESSMENT_AREAS.map((ar) => {
          const e = it.areas[ar.code];
          return {
            code: ar.code,
            rating: ratingOf(e),
            justification: t(e?.justification),
            notAssessedReason: e ? t(e.notAssessedReason) : 'obszar nie był oceniany',
            previousRating: prev ? ratingOf(prev.areas[ar.code]) : null,
          };
        }),
        strengths: t(b.strengths),
        familyView: t(b.familyView),
        compositionChanges: t(b.compositionChanges),
        childrenLegalChanges: t(b.legalSituationChanges),
        goals,
        cooperation: t(b.cooperation),
        recommendation: (['continue', 'revise-plan', 'close', 'inform-court'].includes(String(b.recommendation ?? it.recommendation))
          ? (b.recommendation ?? it.recommendation)
          : null) as never,
        recommendationNote: t(b.recommendationNote),
        closureReason: it.kind === 'final' && r.closureReason && CLOSURE_REASONS.some((x) => x.code === r.closureReason) ? (r.closureReason as ClosureReasonCode) : null,
        nextAssessmentDue: d(b.nextAssessmentOn as string | null),
        monitoringPlan: it.kind === 'final' ? t(b.monitoringPlan) : null,
        closureJustification: it.kind === 'final' ? t(details(c).closure?.reasonJustification) : null,
        history: c.assessments.slice(0, idx + 1).map((x) => ({
          label: KIND_LABEL[x.kind],
          date: x.assessedOn as IsoDate,
          ratings: Object.fromEntries(ASSESSMENT_AREAS.map((ar) => [ar.code, ratingOf(x.areas[ar.code])])),
        })),
        distribution: (it.distribution?.recipients ?? []).map((x) => [x.name, x.address].filter((s) => t(s)).join(', ')).filter(Boolean),
        assistant: it.authorId || it.authorName ? authorStaff(c, it.authorId, it.authorName) : assistantStaff(c),
        headName: headName(c),
      });
    }
    case 'work-plan': {
      const p = o.ref ? c.plans.find((x) => String(x.versionNo) === o.ref || x.id === o.ref) : c.plans[c.plans.length - 1];
      if (!p) throw new DocumentUnavailable('plan pracy');
      const ct = p.content;
      const WHO: Record<string, string> = { family: 'rodzina', assistant: 'asystent rodziny', institution: 'instytucja' };
      return workPlanDocument({
        ...base(c, p.drawnUpOn),
        version: p.versionNo,
        versionDate: p.drawnUpOn as IsoDate,
        revisionReason: p.versionNo > 1 ? t(p.changeNote) : null,
        family: { name: fam, members },
        period: { from: d(p.drawnUpOn), to: d(ct.reviewOn ?? null) },
        mainGoal: t(ct.mainGoal) ?? '',
        goals: (ct.goals ?? []).map((g) => ({
          area: g.areaCode ? (AREA_LABEL.get(g.areaCode) ?? null) : null,
          goal: t(g.title) ?? '',
          actions: g.actions.map((it) => ({
            action: t(it.description) ?? '',
            who: t(it.responsible) ?? WHO[it.responsibleKind] ?? '',
            deadline: d(it.dueDate),
            expectedEffect: t(it.expectedEffect) ?? '',
            status: t(it.status),
          })),
        })),
        risks: t(ct.risks),
        reviewDate: d(ct.reviewOn ?? null),
        fosterCareCoordinators: planCoordinators(c, ct),
        fosterCareCoordination: t(ct.krpzCoordination),
        signatories: adults(c).map(member),
        assistant: p.authorId || p.authorName ? authorStaff(c, p.authorId, p.authorName) : assistantStaff(c),
        socialWorker: socialWorkerStaff(c),
      });
    }
    case 'visit-card': {
      const e = byRef(c.entries.filter(isVisit), 'wizyta');
      return visitCardDocument({
        ...base(c, e.onDate),
        familyName: fam,
        visit: visitOf(e),
        familySignatory: signatoryOf(e),
        assistant: e.authorId || e.authorName ? authorStaff(c, e.authorId, e.authorName) : assistantStaff(c),
      });
    }
    case 'visit-diary': {
      const visits = c.entries.filter(isVisit);
      const from = d(o.from) ?? d(visits[0]?.onDate) ?? d(o.today)!;
      const to = d(o.to) ?? d(visits[visits.length - 1]?.onDate) ?? d(o.today)!;
      return visitDiaryDocument({
        ...base(c, o.today),
        familyName: fam,
        from,
        to,
        visits: visits.filter((e) => e.onDate >= from && e.onDate <= to).map(visitOf),
        assistant: assistantStaff(c),
      });
    }
    case 'visit-sheet': {
      if (!c.assistant) throw new DocumentUnavailable('asystent');
      const done = c.entries.filter((e) => e.kind === 'visit');
      const last = done[done.length - 1] ?? null;
      const agreedNext = d(last?.body.nextAppointmentOn);
      const p = c.plans[c.plans.length - 1] ?? null;
      const WHO: Record<string, string> = { family: 'rodzina', assistant: 'asystent rodziny', institution: 'instytucja' };
      return visitSheetDocument({
        ...base(c, o.today),
        members: c.members.map((m) => ({ ...member(m), isHead: m.isHead === 1, isChild: m.isChild === 1 })),
        address: address(c),
        visitOn: d(o.visitOn) ?? (agreedNext && agreedNext >= o.today ? agreedNext : null),
        plan: p ? { version: p.versionNo, drawnUpOn: p.drawnUpOn as IsoDate } : null,
        actions: (p?.content.goals ?? []).flatMap((g) =>
          g.actions
            .filter((it) => (it.status ?? 'planned') === 'planned' || it.status === 'in-progress')
            .map((it) => ({
              goal: t(g.title) ?? '',
              action: t(it.description) ?? '',
              who: t(it.responsible) ?? WHO[it.responsibleKind] ?? '',
              deadline: d(it.dueDate),
              started: it.status === 'in-progress',
            })),
        ),
        previous: last ? { date: last.onDate as IsoDate, family: t(last.body.agreedFamily), assistant: t(last.body.agreedAssistant) } : null,
        assistant: assistantStaff(c),
      });
    }
    case 'official-note': {
      const e = byRef(c.entries.filter((x) => x.kind === 'note'), 'notatka');
      const b = e.body;
      return officialNoteDocument({
        ...base(c, e.onDate),
        familyName: fam,
        eventDate: d(e.onDate),
        eventTime: t(e.startTime),
        eventKind: t(b.contactWith) ?? 'zdarzenie w rodzinie',
        subject: (t(b.text) ?? '').split(/[.\n]/)[0]!.slice(0, 120) || 'notatka służbowa',
        description: t(b.text) ?? '',
        actionsTaken: t(b.actionsTaken),
        informed: (t(b.informed) ?? '').split(/[,;\n]/).map((x) => x.trim()).filter(Boolean),
        author: e.authorId || e.authorName ? authorStaff(c, e.authorId, e.authorName) : assistantStaff(c),
      });
    }
    case 'monthly-report': {
      const months = [...new Set(c.entries.filter((e) => e.kind !== 'monitoring' && e.kind !== 'note').map((e) => e.onDate.slice(0, 7)))].sort();
      const month = o.ref && /^\d{4}-\d{2}$/.test(o.ref) ? o.ref : months[months.length - 1];
      if (!month) throw new DocumentUnavailable('sprawozdanie');
      const es = c.entries.filter((e) => e.onDate.slice(0, 7) === month && e.kind !== 'monitoring');
      const plan = [...c.plans].reverse().find((p) => p.drawnUpOn <= lastDayOf(month)) ?? c.plans[c.plans.length - 1];
      const goals = (plan?.content.goals ?? [])
        .map((g) => {
          const related = es.filter((e) => (e.body.goalIds ?? []).includes(g.id));
          return {
            goal: t(g.title) ?? '',
            actions: related.length ? related.map((e) => `${formatDate(d(e.onDate))}: ${(t(e.body.doneSinceLast) ?? t(e.body.text) ?? 'spotkanie').slice(0, 200)}`).join('; ') : 'bez działań w tym miesiącu',
            progress: null,
          };
        })
        .filter((g) => g.goal);
      return monthlyReportDocument({
        ...base(c, lastDayOf(month) < o.today ? lastDayOf(month) : o.today),
        familyName: fam,
        year: Number(month.slice(0, 4)),
        month: Number(month.slice(5, 7)),
        visits: es.filter((e) => e.kind === 'visit').length,
        failedVisits: es.filter((e) => e.kind === 'failed-visit').length,
        minutes: es.reduce((s, e) => s + (e.minutes || 0), 0),
        km: es.reduce((s, e) => s + (e.kmTenths || 0), 0) / 10,
        goals,
        problems: null,
        nextMonth: null,
        assistant: assistantStaff(c),
        acknowledgedBy: headName(c),
        acknowledgedByPosition: headPosition(c),
      });
    }
    case 'monitoring': {
      const contacts = c.entries.filter((e) => e.kind === 'monitoring');
      const formOf = (e: EntryRow): MonitoringContactForm =>
        e.body.place === 'home' ? 'visit' : e.body.place === 'office' ? 'office' : e.body.place === 'institution' ? 'institution' : 'phone';
      return monitoringDocument(
        {
          ...base(c, c.monitoringEndsOn && c.monitoringEndsOn < o.today ? c.monitoringEndsOn : o.today),
          familyName: fam,
          closedOn: d(r.closedOn),
          period: { from: d(r.closedOn), to: d(c.monitoringEndsOn) },
          contacts: contacts.map((e) => ({ date: e.onDate as IsoDate, form: formOf(e), findings: t(e.body.text) ?? t(e.body.contactWith) ?? 'kontakt z rodziną' })),
          conclusion: null,
          newReferralNeeded: null,
          assistant: assistantStaff(c),
        },
        ctx,
      );
    }
    case 'court-opinion': {
      const q = byRef(c.courtRequests, 'wezwanie sądu');
      const on = (d(q.submittedOn) ?? d(o.today))!;
      const author = assistantStaff(c);
      return courtOpinionDocument(
        {
          ...base(c, on),
          court: { name: q.court, department: t(q.department), signature: q.caseRef },
          requestDate: d(q.requestedOn),
          deliveredOn: d(q.deliveredOn),
          familyName: fam,
          members,
          author,
          workingSince: d(r.assignedOn),
          workBasis: workBasisText(legalFacts(c), d(r.assignedOn), on, r.source === 'court-order'),
          ...opinionContent({ c, q, on, familyName: fam, members, author, workBasis: '' }),
          headName: headName(c),
          headPosition: headPosition(c),
        },
        ctx,
      );
    }
    case 'support-catalogue': {
      const h = headMember(c);
      const AREAS: SupportArea[] = ['care', 'psychological', 'legal', 'rehabilitation', 'health', 'other'];
      return supportCatalogueDocument({
        ...base(c, o.today),
        familyName: fam,
        recipient: h ? member(h) : { firstName: '', lastName: '' },
        items: c.catalogue.map((i) => {
          // Address, phone and conditions from the institutions register; what the item records wins.
          const reg = findInstitution(c.institutions, i.provider) ?? findInstitution(c.institutions, i.title);
          return {
            area: (AREAS.includes(i.area as SupportArea) ? i.area : 'other') as SupportArea,
            provider: [t(i.title), t(i.provider)].filter(Boolean).join(' – '),
            address: t(reg?.address),
            phone: t(reg?.phone),
            email: t(reg?.email),
            contact: t(i.contact),
            conditions: t(i.conditions) ?? t(reg?.conditions),
            cost: t(i.cost) ?? t(reg?.cost),
            status: (['proposed', 'applied', 'obtained', 'refused'].includes(i.status) ? i.status : 'proposed') as SupportStatus,
            appliedOn: i.appliedOn,
            decidedOn: i.decidedOn,
            authorisationUsed: i.onBehalf === 1 || !!i.authorisationId,
          };
        }),
        assistant: assistantStaff(c),
      });
    }
    case 'institution-request':
    case 'institution-proposal': {
      const l = o.letter ?? null;
      const name = t(l?.addressee) ?? institutionName(c);
      if (!name) throw new DocumentUnavailable('instytucja');
      const reg = findInstitution(c.institutions, name);
      const instKind = reg?.kind ?? guessInstitutionKind(name);
      const letterDate = (d(o.today) ?? d(new Date().toISOString()))!;
      const child = childFor(c, instKind, letterDate);
      // What the user typed before the preview wins; without it (the teczka pack, docs:render) the
      // letter names the child, asks for a concrete scope that fits the institution and gives a
      // reply date two weeks ahead.
      const last = [...c.assessments].filter((x) => x.assessedOn <= letterDate).pop();
      return institutionLetterDocument(
        {
          ...base(c, o.today),
          letter: kind === 'institution-request' ? 'request' : 'proposal',
          addressee: { name, address: reg?.address ? { street: reg.address, place: '' } : null },
          subject: t(l?.subject) ?? letterSubject(instKind, child, fam),
          scope:
            t(l?.scope) ??
            (kind === 'institution-request'
              ? LETTER_SCOPE[instKind]
              : [
                  sentence(`Rodzina ${fam} jest objęta wsparciem asystenta rodziny od dnia ${formatDate(d(r.assignedOn))}`),
                  last ? t(last.body.recommendationNote) : null,
                  'Proszę o uwzględnienie tej oceny w działaniach podejmowanych wobec rodziny oraz o kontakt z asystentem rodziny w sprawach dotyczących dziecka.',
                ]
                  .filter(Boolean)
                  .join(' ')),
          purpose: t(l?.purpose) ?? `realizacji planu pracy z rodziną ${fam}`,
          replyBy: kind === 'institution-request' ? (d(l?.replyBy ?? null) ?? addDays(letterDate, 14)) : null,
          signer: assistantStaff(c),
        },
        ctx,
      );
    }
    case 'supporting-family-opinion':
    case 'supporting-family-act':
    case 'supporting-family-contract': {
      const s = byRef(c.supporting, 'rodzina wspierająca');
      // Scope and period as recorded with the act and the contract (the contract's own for the
      // contract, the act's for the opinion and the act). Acts and contracts recorded before
      // these were asked for carry none: all three areas of art. 29 ust. 2, for an indefinite period.
      const scopeOf = (xs: unknown): SupportingScope[] | null => {
        const ok = Array.isArray(xs) ? SCOPES.filter((k) => xs.includes(k)) : [];
        return ok.length ? ok : null;
      };
      const contractTerms = kind === 'supporting-family-contract';
      const scope = (contractTerms ? (scopeOf(s.contract?.scope) ?? scopeOf(s.act?.scope)) : (scopeOf(s.act?.scope) ?? scopeOf(s.contract?.scope))) ?? SCOPES;
      const period = contractTerms
        ? { from: d(s.contract?.on ?? s.act?.on ?? null), to: d(s.contract?.until ?? s.act?.until ?? null) }
        : { from: d(s.act?.on ?? s.contract?.on ?? null), to: d(s.act?.until ?? null) };
      const sb = {
        supportingFamily: {
          members: s.members.map((m): Person => ({ firstName: m.firstName, lastName: m.lastName, sex: sexOfPesel(m.pesel) })),
          address: { street: s.address, place: s.place },
          relationToChild: t(s.relationToChild),
        },
        supportedFamily: fam,
        scope,
        period,
      };
      if (kind === 'supporting-family-opinion')
        return supportingFamilyOpinionDocument(
          {
            ...base(c, s.headOpinion?.on ?? o.today),
            ...sb,
            interviewDate: d(s.headOpinion?.interviewOn ?? null),
            positive: s.headOpinion?.positive !== false,
            // As written with the head's opinion; opinions recorded before the justification was
            // asked for keep the sentence their documents have always printed.
            justification: t(s.headOpinion?.justification) ?? 'Rodzina daje rękojmię należytego wypełniania zadań rodziny wspierającej.',
            supportedFamilyConsent: true,
            headName: headName(c),
            headPosition: headPosition(c),
          },
          ctx,
        );
      if (kind === 'supporting-family-act')
        return supportingFamilyActDocument(
          {
            ...base(c, s.act?.on ?? o.today),
            ...sb,
            opinionDate: d(s.headOpinion?.on ?? null),
            issuer:
              s.act?.by === 'head-authorised'
                ? ['kierownik ośrodka z upoważnienia wójta', t(s.act.authorisation)].filter(Boolean).join(' – ')
                : `Wójt Gminy ${c.office.gmina}`,
            // The head's name when the head signs; the wójt writes his own name by hand.
            issuerName: s.act?.by === 'head-authorised' ? headName(c) : '',
            actNumber: t(s.act?.number),
          },
          ctx,
        );
      return supportingFamilyContractDocument(
        {
          ...base(c, s.contract?.on ?? o.today),
          ...sb,
          establishingAct: s.act ? `aktem nr ${t(s.act.number) ?? '…'} z dnia ${formatDate(d(s.act.on ?? null))}` : '',
          monthlyLimitGrosze: s.contract?.monthlyLimitGr ?? null,
          // Contracts recorded before the settlement day and the notice period were asked for:
          // the terms their documents have always printed (10th day, one month).
          settlementDay: s.contract?.settlementDay ?? 10,
          noticePeriod: NOTICE_PERIODS[(s.contract?.noticeMonths ?? 1) as keyof typeof NOTICE_PERIODS] ?? NOTICE_PERIODS[1],
          gminaParty: `Gmina ${c.office.gmina}, reprezentowana przez kierownika ośrodka pomocy społecznej (${c.office.name})`,
          signerForGmina: headName(c),
        },
        ctx,
      );
    }
    case 'court-information': {
      const co = courtOrderOf(c);
      const closed = !!r.closedOn;
      const on = (d(r.closedOn) ?? d(o.today))!;
      const ASSESSED = { initial: 'Sporządzono ocenę wstępną sytuacji rodziny.', periodic: 'Sporządzono okresową ocenę sytuacji rodziny.', final: 'Sporządzono ocenę końcową sytuacji rodziny.' } as const;
      const visits = c.entries.filter((e) => e.kind === 'visit' && e.onDate <= on);
      const failed = c.entries.filter((e) => e.kind === 'failed-visit' && e.onDate <= on);
      // Only what happened from the order's date on is reported to the court; each fact once, with its date.
      const from = d(r.assignedOn);
      const facts = [
        ...(from ? [{ date: from, fact: 'Przydzielono rodzinie asystenta rodziny.' }] : []),
        ...c.assessments.filter((it) => it.assessedOn <= on).map((it) => ({ date: d(it.assessedOn), fact: ASSESSED[it.kind] })),
        ...c.plans.filter((p) => p.drawnUpOn <= on).map((p) => ({ date: d(p.drawnUpOn), fact: p.versionNo === 1 ? 'Opracowano plan pracy z rodziną.' : `Zaktualizowano plan pracy z rodziną (wersja ${p.versionNo}).` })),
        ...(r.closedOn ? [{ date: d(r.closedOn), fact: `Zakończono pracę z rodziną; przyczyna: ${lowerFirst(closureLabel(r.closureReason) ?? 'decyzja kierownika ośrodka')}.` }] : []),
      ].sort((it, b) => String(it.date).localeCompare(String(b.date)));
      const nb = (s: string) => s.replace(/\u00a0/g, ' ');
      const summary = [
        visits.length || failed.length
          ? nb(`Od dnia ${formatDate(from)} do dnia ${formatDate(on)} odbyto ${countOf(visits.length, NOUNS.spotkanie)} z rodziną${failed.length ? `; liczba wizyt, które nie doszły do skutku: ${failed.length}` : ''}.`)
          : '',
        closed && c.monitoringEndsOn ? `Funkcjonowanie rodziny jest monitorowane do dnia ${formatDate(d(c.monitoringEndsOn))}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return courtInformationDocument(
        {
          ...base(c, on),
          kind: closed ? 'closure' : 'periodic',
          court: { name: t(co?.court) ?? 'Sąd Rejonowy', signature: t(co?.caseRef) ?? '', orderDate: d(co?.date) },
          familyName: fam,
          period: { from, to: on },
          closedOn: d(r.closedOn),
          facts,
          summary,
          assistant: assistantStaff(c),
          headName: headName(c),
          headPosition: headPosition(c),
        },
        ctx,
      );
    }
  }
}

/** The child a letter to this kind of institution concerns: of school age for a school, of
 *  kindergarten age for a kindergarten, else the youngest minor. */
function childFor(c: CaseData, kind: InstitutionKind, on: IsoDate): MemberRow | null {
  const kids = c.members.filter((m) => m.isChild === 1 && isIsoDate(m.birthDate ?? ''));
  const age = (m: MemberRow) => ageOn(m.birthDate as IsoDate, on);
  const fit = kind === 'school' ? kids.filter((m) => age(m) >= 6 && age(m) < 19) : kind === 'kindergarten' ? kids.filter((m) => age(m) < 7) : kids;
  return [...(fit.length ? fit : kids)].sort((it, b) => String(b.birthDate).localeCompare(String(it.birthDate)))[0] ?? null;
}

/** "sytuacji szkolnej małoletniego Jędrzeja Wiśniewskiego, ur. 29.07.2019 r." */
function letterSubject(kind: InstitutionKind, child: MemberRow | null, fam: string): string {
  if (!child) return `sytuacji rodziny ${fam} objętej wsparciem asystenta rodziny`;
  const sex = sexOf(child);
  const who = `${sex === 'F' ? 'małoletniej' : 'małoletniego'} ${nameIn({ firstName: child.firstName, lastName: child.lastName, sex, nameForms: child.nameForms }, 'gen')}, ur. ${formatDate(d(child.birthDate))}`;
  const what = kind === 'school' ? 'sytuacji szkolnej' : kind === 'kindergarten' ? 'sytuacji w przedszkolu' : kind === 'health' ? 'opieki zdrowotnej nad' : 'sytuacji';
  return kind === 'health' ? `${what} ${sex === 'F' ? 'małoletnią' : 'małoletnim'} ${nameIn({ firstName: child.firstName, lastName: child.lastName, sex, nameForms: child.nameForms }, 'ins')}, ur. ${formatDate(d(child.birthDate))}` : `${what} ${who}`;
}

/** What a request for information asks of each kind of institution (the minimum needed). */
const LETTER_SCOPE: Record<InstitutionKind, string> = {
  school: 'frekwencji, wyników w nauce i zachowania w bieżącym roku szkolnym oraz kontaktów rodziców ze szkołą',
  kindergarten: 'regularności uczęszczania do przedszkola, rozwoju i zachowania dziecka oraz kontaktów rodziców z placówką',
  health: 'realizacji szczepień ochronnych i bilansów zdrowia dziecka oraz stosowania się rodziców do zaleceń lekarskich – bez szczegółów rozpoznań',
  counselling: 'wydanych opinii lub orzeczeń dotyczących dziecka oraz zaleceń poradni dla rodziców',
  court: 'stanu postępowania dotyczącego rodziny oraz ustaleń kuratora sądowego dotyczących współpracy z asystentem rodziny',
  police: 'interwencji podejmowanych wobec rodziny w ostatnich sześciu miesiącach',
  social: 'form wsparcia udzielanych rodzinie przez instytucję i osoby do kontaktu',
  ngo: 'form wsparcia udzielanych rodzinie przez organizację i osoby do kontaktu',
  other: 'działań podejmowanych przez instytucję wobec rodziny, w zakresie niezbędnym do udzielenia jej pomocy',
};

/** A label in the middle of a sentence: "Osiągnięcie celów…" → "osiągnięcie celów…". */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('pl') + s.slice(1);

function closureLabel(code: string | null): string | null {
  return CLOSURE_REASONS.find((x) => x.code === code)?.label ?? null;
}

// ---- File names and the pack ---------------------------------------------------------------------

/** "GOPS.4101.12.2026 – Ocena okresowa – 2026-03-12.pdf": znak sprawy, type, no personal data. */
export function fileNameOf(caseNumber: string | null, kind: PrintableKind | 'pack', qualifier?: string | null): string {
  const title = kind === 'pack' ? 'Teczka' : DOCUMENT_KINDS[kind];
  const safe = (s: string) =>
    [...s]
      .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .trim();
  return `${[caseNumber ?? 'bez znaku', title, qualifier].filter((x) => x && x.trim()).map((x) => safe(x!)).join(' – ')}.pdf`;
}

/** The qualifier of a file name: a date or month or version, never a name. */
export function qualifierOf(ref: DocRef): string | null {
  if (ref.kind === 'work-plan' && ref.ref) return `wersja ${ref.ref}`;
  if (ref.kind === 'monthly-report' && ref.ref) return ref.ref;
  if (ref.ref && ref.date) return ref.date.slice(0, 10);
  return null;
}

/** Every document of the case in teczka order (or those dated within from–to). */
export function buildPack(c: CaseData, o: { from?: string | null; to?: string | null; today: string; ctx?: RenderContext; preparedBy: string }): PackRequest {
  const refs = availableDocuments(c).filter((x) => {
    if (x.kind === 'visit-sheet') return false; // a blank working sheet, not a record of the case
    if (!o.from && !o.to) return true;
    if (x.range) return true;
    if (!x.date) return false;
    return (!o.from || x.date >= o.from) && (!o.to || x.date <= o.to);
  });
  const parts = refs.map((x) => buildDocument(c, x.kind, { ref: x.ref, from: x.range ? o.from : null, to: x.range ? o.to : null, today: o.today, ctx: o.ctx }));
  return {
    index: {
      ...base(c, o.today),
      familyName: familyName(c),
      range: o.from || o.to ? { from: d(o.from), to: d(o.to) } : null,
      preparedBy: o.preparedBy,
    },
    parts,
  };
}
