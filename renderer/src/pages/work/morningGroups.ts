/**
 * The morning screen's shape (issue 14): deadlines filtered by assistant and kind, split by status
 * (overdue / within the warning window / later) and grouped by family, each group with its count.
 * Pure, so the screen stays short with a big caseload and the grouping is tested without a browser.
 */
import { DEADLINE_KINDS, type DeadlineKind } from '../../../../shared/rules/deadlineEngine';

export interface MorningItem {
  key: string;
  kind: string;
  caseId?: string;
  familyId?: string;
  caseNumber?: string;
  familyLabel?: string;
  assistantId?: string;
  dueDate: string;
  status: 'overdue' | 'due-soon' | 'upcoming';
  daysLeft: number;
  title: string;
  detail?: string;
  basis: string;
  source: 'law' | 'court' | 'practice';
}

export interface MorningFilter {
  /** '' = everyone; NO_ASSISTANT = cases without an assistant (and the office's own items). */
  assistantId: string;
  /** '' = every kind. */
  kind: string;
}

export const NO_ASSISTANT = '—';

/** One family (one case) in a status group, or the office's own items (reports). */
export interface FamilyGroup<T extends MorningItem = MorningItem> {
  key: string;
  caseId: string | null;
  caseNumber: string | null;
  familyLabel: string;
  items: T[];
}

export interface StatusGroup<T extends MorningItem = MorningItem> {
  status: MorningItem['status'];
  items: number;
  families: FamilyGroup<T>[];
}

/** Where a term comes from, in plain words (the legal basis goes in the tooltip). */
export const SOURCE_WORDS: Readonly<Record<MorningItem['source'], string>> = {
  law: 'termin z ustawy',
  court: 'termin wyznaczony przez sąd',
  practice: 'termin przyjęty w ośrodku',
};

/** "Okresowa ocena sytuacji rodziny", or for a court opinion "… — Sąd Rejonowy …, III Nsm 1/26":
 *  the item's subject without the family and the days (the group says those). */
export function subjectOf(item: Pick<MorningItem, 'kind' | 'title' | 'familyLabel'>): string {
  const whom = item.familyLabel ? ` (${item.familyLabel})` : '';
  const at = whom ? item.title.indexOf(whom) : -1;
  if (at > 0) return item.title.slice(0, at);
  const colon = item.title.indexOf(': do ');
  if (colon > 0) return item.title.slice(0, colon);
  return (DEADLINE_KINDS as Record<string, { label: string } | undefined>)[item.kind]?.label ?? item.title;
}

export function applyFilter<T extends MorningItem>(items: ReadonlyArray<T>, f: MorningFilter): T[] {
  return items.filter(
    (i) =>
      (f.kind === '' || i.kind === f.kind) &&
      (f.assistantId === '' || (f.assistantId === NO_ASSISTANT ? !i.assistantId : i.assistantId === f.assistantId)),
  );
}

const ORDER: ReadonlyArray<MorningItem['status']> = ['overdue', 'due-soon', 'upcoming'];

/** Status groups (always all three, possibly empty), families by their earliest due date. */
export function groupMorning<T extends MorningItem>(items: ReadonlyArray<T>): StatusGroup<T>[] {
  return ORDER.map((status) => {
    const byFamily = new Map<string, FamilyGroup<T>>();
    const mine = items.filter((i) => i.status === status).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    for (const i of mine) {
      const key = i.caseId ?? 'office';
      let g = byFamily.get(key);
      if (!g) {
        g = {
          key,
          caseId: i.caseId ?? null,
          caseNumber: i.caseNumber ?? null,
          familyLabel: i.caseId ? (i.familyLabel ?? 'Rodzina') : 'Ośrodek',
          items: [],
        };
        byFamily.set(key, g);
      }
      g.items.push(i);
    }
    return { status, items: mine.length, families: [...byFamily.values()] };
  });
}

/** The kinds present among the items, for the kind filter (in the engine's order). */
export function kindsPresent(items: ReadonlyArray<MorningItem>): Array<{ value: DeadlineKind; label: string }> {
  const present = new Set(items.map((i) => i.kind));
  return (Object.keys(DEADLINE_KINDS) as DeadlineKind[]).filter((k) => present.has(k)).map((k) => ({ value: k, label: DEADLINE_KINDS[k].label }));
}
