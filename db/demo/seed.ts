/**
 * Creates a complete demo installation: office, administrator `admin`, assistants, a social
 * worker, and synthetic families. Used by `npm run demo:seed`, the benchmarks and screenshots.
 */
import type { Account } from '../../shared/ipc/contract';
import { AsystaCore } from '../core';
import type { ScryptParams } from '../crypto';
import type { CoreResources } from '../resources';
import { insertFamilies } from '../repos/families';
import type { SettingsStore } from '../settings';
import { seedDemoCases, finishDemoFamilies, type DemoCaseSummary } from './cases';
import { generateFamilies } from './generate';
import { seedDemoWork, type DemoWorkSummary } from './work';
import { seedDemoOffice } from './office';

export interface SeedOptions {
  dataDir: string;
  password: string;
  families: number;
  settings: SettingsStore;
  /** The host's run-time files (build/dev-resources.ts in the source tree). */
  resources: CoreResources;
  kdf?: ScryptParams;
  seed?: number;
}

export interface SeedSummary {
  dataDir: string;
  office: string;
  admin: string;
  users: Array<{ login: string; role: string; fullName: string }>;
  families: number;
  members: number;
  /** Cases by state, history events, Za życiem, court-ordered, art. 11 ust. 1a, supporting families. */
  cases: DemoCaseSummary;
  /** Assessments, plan versions, entries, court requests, catalogues (issue 4). */
  work?: DemoWorkSummary;
  recoveryKey: string;
}

export const DEMO_OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Lubiczu',
  address: 'ul. Toruńska 21',
  postalCode: '87-162',
  place: 'Lubicz Dolny',
  gmina: 'Lubicz',
  headName: 'Elżbieta Wąsowicz',
  phone: '56 621 20 40',
  email: 'gops@lubicz.example.pl',
};

const STAFF = [
  { fullName: 'Agnieszka Śliwińska', login: 'asliwinska', role: 'assistant' as const },
  { fullName: 'Paweł Górecki', login: 'pgorecki', role: 'assistant' as const, personalLimit: 12 },
  { fullName: 'Magdalena Żurawska', login: 'mzurawska', role: 'assistant' as const },
  { fullName: 'Katarzyna Bąkowska', login: 'kbakowska', role: 'social_worker' as const },
];

export async function seedDemo(opts: SeedOptions): Promise<SeedSummary> {
  const core = new AsystaCore({ dataDir: opts.dataDir, settings: opts.settings, resources: opts.resources, kdf: opts.kdf });
  try {
    const { recoveryKey } = await core.setup({
      office: DEMO_OFFICE,
      admin: { fullName: DEMO_OFFICE.headName, login: 'admin', password: opts.password },
    });
    await core.confirmRecoveryKey(recoveryKey);
    const { actor, sqlite } = await core.openForTool('admin', opts.password);
    const created: Account[] = [];
    for (const s of STAFF) {
      // Demo accounts share the administrator's password (demo data only).
      created.push(await core.createAccount(actor, { ...s, password: opts.password }));
    }
    const assistants = created.filter((u) => u.role === 'assistant');
    const fams = generateFamilies(opts.families, { seed: opts.seed });
    const at = new Date().toISOString();
    // The current assistant of a family follows from its cases (set by finishDemoFamilies).
    const rows = fams.map((f) => ({ ...f, assistantId: null }));
    for (let i = 0; i < rows.length; i += 500) insertFamilies(sqlite, rows.slice(i, i + 500), at);
    const socialWorker = created.find((u) => u.role === 'social_worker');
    if (socialWorker) sqlite.prepare('UPDATE users SET area = ? WHERE id = ?').run('Rejon I', socialWorker.id);
    const familyIds = fams.map((f) => f.id);
    let cases!: DemoCaseSummary;
    sqlite.transaction(() => {
      cases = seedDemoCases(sqlite, familyIds, created, { ...actor.user }, { today: at.slice(0, 10), seed: opts.seed, at });
      finishDemoFamilies(sqlite, familyIds);
    })();
    let work!: DemoWorkSummary;
    sqlite.transaction(() => {
      work = seedDemoWork(sqlite, { today: at.slice(0, 10), at, seed: opts.seed });
      seedDemoOffice(sqlite, { at, adminId: actor.user.id });
    })();
    void assistants;
    core.audit({ userId: actor.user.id, userLogin: actor.user.login }, 'demo.seed', null, { families: fams.length, cases: cases.cases });
    return {
      dataDir: opts.dataDir,
      office: DEMO_OFFICE.name,
      admin: 'admin',
      users: [{ login: 'admin', role: 'admin', fullName: DEMO_OFFICE.headName }, ...created.map((u) => ({ login: u.login, role: u.role, fullName: u.fullName }))],
      families: fams.length,
      members: fams.reduce((n, f) => n + f.members.length, 0),
      cases,
      work,
      recoveryKey,
    };
  } finally {
    core.shutdown();
  }
}
