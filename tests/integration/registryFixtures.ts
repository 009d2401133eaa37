/** Shared fixtures for the registry and case integration tests. */
import { makePesel } from '../../db/demo/generate';
import type { ChannelInput } from '../../shared/ipc/contract';
import { afterEach, beforeEach } from 'vitest';
import { removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';

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
  afterEach(() => {
    if (!current) return;
    current.app.core.shutdown();
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
