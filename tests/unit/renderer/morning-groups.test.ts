/**
 * Issue 14 item 6: the morning screen scales — deadlines grouped by family with counts, filtered
 * by assistant and kind, each term's origin in plain words (no "praktyka / ustawienie ośrodka").
 */
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type CaseDeadlineFacts } from '../../../shared/rules/index';
import { applyFilter, groupMorning, kindsPresent, NO_ASSISTANT, SOURCE_WORDS, subjectOf } from '../../../renderer/src/pages/work/morningGroups';

const today = '2026-12-07';
const cases: CaseDeadlineFacts[] = [
  // Consent long ago: initial assessment and plan overdue, no visit for weeks — three items, one family.
  { caseId: 'A', caseNumber: 'GOPS.4011.1.2026', familyLabel: 'Anna Kowalska, ul. Polna 3, Grębocin', assistantId: 'as1', track: 'general', phase: 'active', assignedOn: '2026-09-01', consentOn: '2026-09-02', firstContactOn: '2026-09-02' },
  // A referral awaiting the RWŚ: no assistant.
  { caseId: 'B', caseNumber: 'GOPS.4011.2.2026', familyLabel: 'Jan Nowak, ul. Leśna 1, Lubicz', track: 'general', phase: 'intake', learnedOn: '2026-12-01' },
  { caseId: 'C', caseNumber: 'GOPS.4011.3.2026', familyLabel: 'Ewa Wiśniewska, ul. Długa 5, Lubicz', assistantId: 'as2', track: 'general', phase: 'active', assignedOn: '2026-11-20', consentOn: '2026-11-25', firstContactOn: '2026-11-25', lastVisitOn: '2026-12-01' },
];
// Set up in September: the H1 report (due 31 July) was the paper office's, H2 is not due yet.
const items = computeDeadlines(cases, today, {}, { officeSetUpOn: '2026-09-01' });

describe('morning screen groups', () => {
  it('one card per family in each status group, in due-date order, with the counts the header shows', () => {
    const [overdue, soon, later] = groupMorning(items);
    expect(overdue!.status).toBe('overdue');
    expect(overdue!.families.map((f) => f.caseNumber)).toEqual(['GOPS.4011.1.2026']);
    expect(overdue!.families[0]!.items.map((i) => i.kind)).toEqual(['VISIT_GAP', 'INITIAL_ASSESSMENT_DUE', 'WORK_PLAN_DUE']);
    expect(overdue!.items).toBe(3);
    expect(soon!.families.map((f) => f.caseNumber)).toContain('GOPS.4011.2.2026');
    // Every item is in exactly one group.
    expect(overdue!.items + soon!.items + later!.items).toBe(items.length);
  });
  it('the subject without the family and the days (the card says those)', () => {
    const rws = items.find((i) => i.kind === 'RWS_DUE')!;
    expect(rws.title).toContain('Jan Nowak');
    expect(subjectOf(rws)).toBe('Rodzinny wywiad środowiskowy');
  });
  it('filters: by assistant, "without an assistant", and by kind', () => {
    expect(new Set(applyFilter(items, { assistantId: 'as1', kind: '' }).map((i) => i.caseId))).toEqual(new Set(['A']));
    expect(new Set(applyFilter(items, { assistantId: NO_ASSISTANT, kind: '' }).map((i) => i.caseId))).toEqual(new Set(['B']));
    expect(applyFilter(items, { assistantId: '', kind: 'RWS_DUE' }).map((i) => i.caseId)).toEqual(['B']);
    expect(kindsPresent(items).map((k) => k.value)).toContain('PERIODIC_ASSESSMENT_DUE');
  });
  it('where a term comes from, in words a worker understands', () => {
    expect(SOURCE_WORDS).toEqual({ law: 'termin z ustawy', court: 'termin wyznaczony przez sąd', practice: 'termin przyjęty w ośrodku' });
    for (const i of items) expect(i.basis).not.toContain('praktyka / ustawienie');
  });
});
