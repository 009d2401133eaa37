/**
 * Access rules as data and small pure functions (issue 7): which case states keep a family in an
 * assistant's scope, substitution shares (zastępstwa) and their validity, and how sensitive
 * fields (PESEL, health data, Niebieska Karta details) are masked in list and card outputs.
 * The main process enforces them (db/services/registry.ts, db/services/access.ts).
 */
import { formatDate } from '../dates';
import { z } from 'zod';
import { addDays, daysBetween, isIsoDate } from '../rules/isoDate';
import { CASE_STATES, type CaseState } from '../rules/lifecycle';

// ---- Who sees a family --------------------------------------------------------------------------

/**
 * An assistant sees the families of the cases assigned to them now: every state up to and
 * including post-closure monitoring (domain §1.7: "assigned now or formerly assigned and in
 * monitoring"). A closed or archived case no longer opens the family to its former assistant;
 * a reassigned case moves with `cases.assistant_id` to the new assistant.
 */
export function keepsAssistantScope(state: CaseState): boolean {
  return CASE_STATES[state].phase !== 'closed';
}

/** The states that end an assistant's access (for SQL: `state NOT IN (...)`). */
export const SCOPE_ENDING_STATES: readonly CaseState[] = (Object.keys(CASE_STATES) as CaseState[]).filter((s) => !keepsAssistantScope(s));

// ---- Substitution shares (zastępstwa) ----------------------------------------------------------

/**
 * The longest substitution the head may grant at once. A share covers a temporary absence
 * (leave, a sick leave, training). An absence longer than about a quarter should end in a formal
 * reassignment of the case (cases:transition "zmiana asystenta"), so that the caseload limit of
 * art. 15 ust. 4 and the responsibility for the family's file follow the person doing the work.
 * A share can be granted again when it ends, each time with its own reason in the audit log.
 */
export const MAX_SHARE_DAYS = 90;

export interface ShareDates {
  fromOn: string;
  untilOn: string;
  revokedAt?: string | null;
}

export type ShareStatus = 'active' | 'planned' | 'expired' | 'revoked';

/** Both dates are inclusive Europe/Warsaw calendar dates. */
export function shareStatus(s: ShareDates, today: string): ShareStatus {
  if (s.revokedAt) return 'revoked';
  if (today < s.fromOn) return 'planned';
  if (today > s.untilOn) return 'expired';
  return 'active';
}

export function isShareActive(s: ShareDates, today: string): boolean {
  return shareStatus(s, today) === 'active';
}

export const SHARE_STATUS_LABELS: Record<ShareStatus, string> = {
  active: 'trwa',
  planned: 'zaplanowane',
  expired: 'zakończone',
  revoked: 'odwołane',
};


/** The mark on a family seen through a share: "zastępstwo do 12.01.2027". */
export function substitutionLabel(untilOn: string): string {
  return `zastępstwo do ${formatDate(untilOn)}`;
}

const shareDate = (label: string) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .refine((s) => s !== '', { error: `${label}: pole jest wymagane.`, abort: true })
    .refine((s) => isIsoDate(s), { error: `${label}: wpisz datę jako dd.mm.rrrr, np. 07.12.2026.` });

/** What the head fills in to share a family with a substitute assistant. */
export const shareGrantSchema = z
  .object({
    familyId: z.string().min(1, { error: 'Rodzina: brak identyfikatora.' }),
    userId: z.string({ error: 'Asystent zastępujący: wybierz osobę.' }).min(1, { error: 'Asystent zastępujący: wybierz osobę.' }),
    fromOn: shareDate('Zastępstwo od'),
    untilOn: shareDate('Zastępstwo do'),
    reason: z
      .string({ error: 'Powód zastępstwa: pole jest wymagane.' })
      .trim()
      .min(3, { error: 'Powód zastępstwa: wpisz krótko, np. „urlop wypoczynkowy asystentki”.' })
      .max(300, { error: 'Powód zastępstwa: najwyżej 300 znaków.' }),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.fromOn) || !isIsoDate(v.untilOn)) return;
    if (v.untilOn < v.fromOn) {
      ctx.addIssue({ code: 'custom', path: ['untilOn'], message: 'Zastępstwo do: data nie może być wcześniejsza niż data początku.' });
    } else if (daysBetween(v.fromOn, v.untilOn) + 1 > MAX_SHARE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['untilOn'],
        message: `Zastępstwo do: najwyżej ${MAX_SHARE_DAYS} dni (do ${formatDate(addDays(v.fromOn, MAX_SHARE_DAYS - 1))}). Dłuższa nieobecność — zmień asystenta w sprawie.`,
      });
    }
  });
export type ShareGrantInput = z.output<typeof shareGrantSchema>;

// ---- Masking ----------------------------------------------------------------------------------

export const MASK_CHAR = '•';

/** "•••••••1234": the last four digits stay so that people with similar names can be told apart. */
export function maskPesel(pesel: string | null | undefined): string | null {
  if (!pesel) return null;
  return MASK_CHAR.repeat(Math.max(pesel.length - 4, 0)) + pesel.slice(-4);
}

/** True for a value produced by a mask (contains the mask character). */
export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes(MASK_CHAR);
}

/**
 * A PESEL sent back in an edit of masked data: empty or a real number is taken as sent; the exact
 * mask of the stored number means "unchanged" (the stored number is kept); any other masked value
 * is refused (`ok: false`), so a mask can never overwrite a PESEL.
 */
export function keepMaskedPesel(sent: string | null | undefined, stored: string | null | undefined): { ok: true; pesel: string | null } | { ok: false } {
  if (!isMasked(sent)) return { ok: true, pesel: sent ? sent : null };
  if (stored && maskPesel(stored) === sent) return { ok: true, pesel: stored };
  return { ok: false };
}

/** The refusal of a masked PESEL that is not the member's own mask (or has no stored number). */
export const MASKED_PESEL_MESSAGE = 'PESEL jest ukryty. Kliknij „Pokaż”, aby go zobaczyć i zmienić, albo wpisz cały numer (11 cyfr).';

/** Fields revealed one at a time through `sensitive:reveal` (and audited). */
export const SENSITIVE_FIELDS = ['pesel', 'supportingPesel', 'niebieskaKarta', 'zzDocuments'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

export const SENSITIVE_FIELD_LABELS: Record<SensitiveField, string> = {
  pesel: 'PESEL',
  supportingPesel: 'PESEL członka rodziny wspierającej',
  niebieskaKarta: 'szczegóły procedury „Niebieskie Karty”',
  zzDocuments: 'dokumenty medyczne „Za życiem” (dane o zdrowiu)',
};

export interface NiebieskaKartaValue {
  active: boolean;
  startedOn?: string | null;
  status?: 'active' | 'closed';
  gdpContact?: string;
}

/**
 * The NK flag and its state stay visible (the assistant must know, domain §7.4); the date and
 * the contact of the diagnostic-and-support group are masked until revealed.
 */
export function maskNiebieskaKarta<T extends NiebieskaKartaValue>(nk: T | null): { value: T | null; masked: boolean } {
  if (!nk) return { value: null, masked: false };
  const hasDetails = !!nk.startedOn || !!nk.gdpContact;
  if (!hasDetails) return { value: nk, masked: false };
  return { value: { ...nk, startedOn: null, gdpContact: '' }, masked: true };
}
