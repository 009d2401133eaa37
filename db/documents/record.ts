/**
 * The case file as the consistency rules read it (shared/rules/records.ts `CaseRecord`), from the
 * same rows the documents are printed from (readCaseData): so the findings shown before printing
 * are about exactly what is printed. Also used by the demo test.
 */
import { checkCaseRecord, type CaseRecord, type RecordFinding } from '../../shared/rules/records';
import type { CaseData } from './data';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function parse<T>(s: string | null | undefined, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export function caseRecordOf(c: CaseData): CaseRecord {
  const r = c.row;
  const details = parse<{ request?: { analysis?: unknown }; analysis?: { note?: unknown }; description?: unknown; closure?: { reasonJustification?: unknown } }>(r.details, {});
  // Exactly what the request prints as its section 2 (build.ts): the analysis, the analysis
  // step's note, or the description of the referral.
  const analysis = str(details.request?.analysis) ?? str(details.analysis?.note) ?? str(details.description);
  return {
    track: r.track,
    assignedOn: r.assignedOn,
    closedOn: r.closedOn,
    closureReason: r.closureReason,
    closureJustification: str(details.closure?.reasonJustification),
    request: r.track === 'general' && r.requestOn ? { requestOn: r.requestOn, analysis } : null,
    members: c.members.map((m) => {
      const p = parse<{ kind?: string; krpz?: { name?: string } | null } | null>(m.placement, null);
      return {
        firstName: m.firstName,
        lastName: m.lastName,
        birthDate: m.birthDate,
        isChild: m.isChild === 1,
        relation: m.relation,
        placement: p?.kind === 'foster-care' ? { kind: 'foster-care' as const, krpzName: str(p.krpz?.name) } : p ? { kind: 'home' as const } : null,
      };
    }),
    plans: c.plans.map((p) => ({
      versionNo: p.versionNo,
      drawnUpOn: p.drawnUpOn,
      goals: (p.content.goals ?? []).map((g, i) => ({ id: g.id ?? `g${i + 1}`, title: g.title ?? '' })),
    })),
    assessments: c.assessments.map((it) => {
      const b = it.body as { goalAttainment?: unknown; nextAssessmentOn?: unknown; recommendationNote?: unknown; monitoringPlan?: unknown };
      return {
        id: it.id,
        kind: it.kind,
        assessedOn: it.assessedOn,
        periodFrom: it.periodFrom,
        periodTo: it.periodTo,
        areas: it.areas as CaseRecord['assessments'][number]['areas'],
        goalAttainment: Array.isArray(b.goalAttainment) ? (b.goalAttainment as NonNullable<CaseRecord['assessments'][number]['goalAttainment']>) : [],
        nextAssessmentOn: str(b.nextAssessmentOn),
        recommendationNote: str(b.recommendationNote),
        monitoringPlan: str(b.monitoringPlan),
        recipients: it.kind === 'initial' ? null : (it.distribution?.recipients?.length ?? 0),
      };
    }),
  };
}

/** Every consistency finding of the case file (shared/rules/records.ts). */
export function caseRecordFindings(c: CaseData): RecordFinding[] {
  return checkCaseRecord(caseRecordOf(c));
}
