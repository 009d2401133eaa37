/**
 * Issue 7 follow-up, on a seeded demo office: the head opens a family's supporting families and
 * sees the members' PESEL masked ("•••••••1234"); "Pokaż" beside one shows the real number, and
 * the reveal is in the audit log (ids only). The real renderer in Debian Chromium, the real core
 * behind the bridge.
 */
import { makePesel } from '../../db/demo/generate';
import { appForFile, expect, type RunningApp, test } from './server-fixture';
import { login, logout } from './ui-helpers';

const PASSWORD = 'DemoHaslo2026';
test.use({ actionTimeout: 30_000 });

let app: RunningApp;
appForFile((a) => (app = a), { seed: { families: 12, password: PASSWORD } });

test('supporting family members: PESEL masked, "Pokaż" shows one and is logged', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await login(page, 'admin', PASSWORD);
  const sqlite = app.sql;
  // Fixture arrangement: the demo's supporting family gets a PESEL for its second member.
  const sf = sqlite.prepare('SELECT id, family_id AS familyId FROM supporting_families ORDER BY created_at LIMIT 1').get() as { id: string; familyId: string } | undefined;
  expect(sf, 'the demo office has a supporting family').toBeTruthy();
  const withPesel = { id: sf!.id, familyId: sf!.familyId };
  const pesel = makePesel('1964-08-02', 'F', 77);
  sqlite.prepare("UPDATE supporting_families SET members = json_set(members, '$[1].pesel', ?) WHERE id = ?").run(pesel, sf!.id);
  const list = JSON.parse((sqlite.prepare('SELECT members FROM supporting_families WHERE id = ?').get(sf!.id) as { members: string }).members) as Array<{
    firstName: string;
    lastName: string;
    pesel: string | null;
  }>;
  const index = 1;
  const member = list[index]!;
  expect(member.pesel).toBe(pesel);

  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/families/f/${encodeURIComponent(id)}/supporting`;
  }, withPesel!.familyId);
  await expect(page.getByRole('heading', { name: 'Rodziny wspierające' })).toBeVisible();
  const masked = page.getByTestId(`sf-pesel-${withPesel!.id}-${index}`);
  await expect(masked).toContainText(`•••••••${pesel.slice(-4)}`);
  await expect(page.locator('body')).not.toContainText(pesel);

  await masked.getByRole('button', { name: `Pokaż PESEL: ${member.firstName} ${member.lastName}` }).click();
  await expect(page.getByTestId(`sf-pesel-${withPesel!.id}-${index}-revealed`)).toHaveText(pesel);
  const log = app.probe.listAudit({ action: 'sensitive.reveal', page: 1, pageSize: 5 });
  expect(log.items[0]).toMatchObject({ userLogin: 'admin', entityId: withPesel!.id, details: { field: 'supportingPesel', memberIndex: index } });
  expect(JSON.stringify(log.items)).not.toContain(pesel);
  await logout(page);
});
