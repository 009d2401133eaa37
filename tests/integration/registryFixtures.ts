/** Shared fixtures for the registry and case integration tests. */
import { makePesel } from '../../db/demo/generate';
import type { ChannelInput } from '../../shared/ipc/contract';
import { afterEach, beforeEach } from 'vitest';
import { ADMIN, removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';

export const PASSWORD = 'HasloTestowe2026';

export async function staff(app: TestApp, admin: TestSession) {
  const mk = async (login: string, fullName: string, role: 'assistant' | 'social_worker', personalLimit?: number) => {
    const acc = await admin.ok('users:create', { login, fullName, role, password: PASSWORD, personalLimit: personalLimit ?? null });
    const s = app.session();
    await s.ok('auth:login', { login, password: PASSWORD });
    return { id: acc.id, s };
  };
  return {
    ps: await mk('kbakowska', 'Katarzyna Bąkowska', 'social_worker'),
    ps2: await mk('jlis', 'Jan Lis', 'social_worker'),
    ar: await mk('asliwinska', 'Agnieszka Śliwińska', 'assistant'),
    ar2: await mk('pgorecki', 'Paweł Górecki', 'assistant', 12),
  };
}

export type Staff = Awaited<ReturnType<typeof staff>>;

export interface StaffedOffice {
  dir: string;
  app: TestApp;
  admin: TestSession;
  team: Staff;
}

/**
 * Per test: a fresh encrypted office in a temp folder with the head and the four workers of
 * `staff`, handed to `use` (typically assigning the suite's variables); shut down and removed after.
 */
export function useStaffedOffice(use: (o: StaffedOffice) => void): void {
  let current: StaffedOffice | null = null;
  beforeEach(async () => {
    const dir = tempDir();
    const app = testApp(dir);
    const { admin } = await setUpOffice(app);
    current = { dir, app, admin, team: await staff(app, admin) };
    use(current);
  });
  afterEach(async () => {
    if (!current) return;
    await current.app.close();
    removeDir(current.dir);
    current = null;
  });
}

let serial = 100;
export function family(
  surname = 'Wójcik',
  over: Partial<ChannelInput<'families:create'>> = {},
): ChannelInput<'families:create'> {
  serial += 7;
  return {
    address: 'ul. Polna 3',
    postalCode: '87-122',
    place: 'Grębocin',
    gmina: 'Lubicz',
    area: 'Rejon I',
    phone: '600 100 200',
    members: [
      { firstName: 'Anna', lastName: surname, pesel: makePesel('1990-04-12', 'F', serial), isChild: false, relation: 'matka', isHead: true },
      { firstName: 'Zuzanna', lastName: surname, pesel: makePesel('2015-06-01', 'F', serial + 1), isChild: true, relation: 'córka' },
      { firstName: 'Antoni', lastName: surname, birthDate: '2019-02-03', isChild: true, relation: 'syn' },
    ],
    ...over,
  };
}

const DAY = 86_400_000;

/** Moves the test clock on by whole days; the idle lock then needs the passwords of `ar` and the head again. */
export async function advanceDays(o: Pick<StaffedOffice, 'app' | 'admin' | 'team'>, days: number): Promise<void> {
  o.app.clock.now += days * DAY;
  await o.team.ar.s.call('auth:unlock', { password: PASSWORD });
  await o.admin.call('auth:unlock', { password: ADMIN.password });
}

export type IntakeSource = 'social-worker' | 'minor-parent-leaving-institution' | 'court-order';
const COURT_ORDER = { court: 'Sąd Rejonowy w Toruniu', caseRef: 'III Nsm 123/26', date: '2026-11-02' };

/**
 * By the social worker `ps`: a new family, intake (2026-11-16), RWŚ (2026-11-20), analysis with care
 * difficulties found, request (2026-11-21). Returns the family and the case awaiting the head.
 */
export async function referredCase(team: Staff, surname: string, source: IntakeSource = 'social-worker', justification = 'Trudności.') {
  const ps = team.ps.s;
  const f = (await ps.ok('families:create', family(surname))).family;
  let c = (
    await ps.ok('cases:intake', {
      familyId: f.id,
      source,
      learnedOn: '2026-11-16',
      urgent: false,
      courtOrder: source === 'court-order' ? COURT_ORDER : null,
    })
  ).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification } })).case;
  return { f, c };
}

/**
 * `referredCase`, then the head assigns the assistant `ar` (2026-11-22) and `ar` records the basis:
 * written consent on 2026-11-22 or, for a court-order intake, the court order.
 */
export async function consentedCase(o: Pick<StaffedOffice, 'admin' | 'team'>, surname: string, source: 'social-worker' | 'court-order' = 'social-worker') {
  const { f, c: referred } = await referredCase(o.team, surname, source);
  let c = (await o.admin.ok('cases:transition', { caseId: referred.id, version: referred.version, payload: { action: 'assign', assistantId: o.team.ar.id, decidedOn: '2026-11-22' } })).case;
  const basis =
    source === 'court-order' ? { kind: 'court-order' as const, ...COURT_ORDER } : { kind: 'written-consent' as const, consentOn: '2026-11-22' };
  c = (await o.team.ar.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordConsent', basis } })).case;
  return { f, c };
}
