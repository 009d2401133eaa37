/**
 * The demo installation shows a family on both tracks: a general case in realisation and a
 * Za życiem case with the same assistant; the family card lists both cases and the assistant
 * opens both (real encrypted files, seeded as `npm run demo:seed` does).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SCRYPT } from '../../db/crypto';
import { seedDemo } from '../../db/demo/seed';
import { JsonFileSettingsStore } from '../../db/settings';
import { removeDir, tempDir, testApp, type TestApp } from '../helpers';
import { devResources } from '../../build/dev-resources';

const PASSWORD = 'Haslo-Testowe-123!';
let dir: string;
let app: TestApp;

beforeAll(async () => {
  dir = tempDir('asysta-demo-tracks-');
  await seedDemo({ dataDir: dir, password: PASSWORD, families: 12, settings: new JsonFileSettingsStore(join(dir, 'settings.json')), resources: devResources(), kdf: TEST_SCRYPT, seed: 3 });
  app = testApp(dir, { settings: new JsonFileSettingsStore(join(dir, 'settings.json')), realClock: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
  removeDir(dir);
});

describe('demo data: a family on both tracks', () => {
  it('one family has a general case and a Za życiem case, both open to its assistant', async () => {
    const admin = app.session();
    await admin.ok('auth:login', { login: 'admin', password: PASSWORD });
    const sqlite = app.sql;
    const fam = sqlite
      .prepare(
        `SELECT family_id AS familyId FROM cases WHERE state NOT IN ('ZAMKNIETA', 'ARCHIWUM') GROUP BY family_id
          HAVING count(DISTINCT track) = 2`,
      )
      .all() as Array<{ familyId: string }>;
    expect(fam).toHaveLength(1);
    const card = await admin.ok('families:get', { id: fam[0]!.familyId });
    const tracks = card.cases.map((c) => `${c.track}:${c.state}`).sort();
    expect(tracks).toEqual(['general:REALIZACJA', 'za-zyciem:KATALOG_WSPARCIA']);
    const assistantIds = new Set(
      (sqlite.prepare('SELECT assistant_id AS a FROM cases WHERE family_id = ?').all(fam[0]!.familyId) as Array<{ a: string }>).map((r) => r.a),
    );
    expect(assistantIds.size).toBe(1);
    const login = (sqlite.prepare('SELECT login FROM users WHERE id = ?').get([...assistantIds][0]) as { login: string }).login;
    await admin.ok('auth:logout', {});

    const ar = app.session();
    await ar.ok('auth:login', { login, password: PASSWORD });
    for (const c of card.cases) expect((await ar.ok('cases:get', { id: c.id })).familyId).toBe(fam[0]!.familyId);
  });
});
