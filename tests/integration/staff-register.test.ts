/**
 * The staff register (kadra): the head keeps it, each account reads its own entry, the audit
 * names what changed (no personal data), the report counts assistants from it, and the office
 * papers (DPO contact, retention, statistics basis) are the head's settings.
 */
import { describe, expect, it } from 'vitest';
import { failure } from '../helpers';
import { useStaffedOffice, type Staff } from './registryFixtures';
import type { TestApp, TestSession } from '../helpers';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

describe('staff register', () => {
  it('the head records an assistant; the warnings shrink as the data is completed', async () => {
    const list = await admin.ok('staff:list', {});
    const ar = list.find((e) => e.userId === team.ar.id)!;
    expect(ar.version).toBe(0);
    expect(ar.findings.map((f) => f.code)).toContain('STAFF_QUALIFICATION_MISSING');

    const saved = await admin.ok('staff:update', {
      userId: team.ar.id,
      version: 0,
      fields: {
        salutation: 'Pani',
        position: 'asystent rodziny',
        phone: '56 678 12 40',
        email: 'a.sliwinska@gops.example.pl',
        employmentForm: 'employment-contract',
        taskBasedTime: true,
        fte: 1,
        employedFrom: '2024-02-01',
        qualification: {
          education: { level: 'higher', fieldKind: 'pedagogy', field: 'pedagogika opiekuńczo-wychowawcza', school: 'UMK w Toruniu', completedOn: '2015-06-30', document: 'dyplom nr 1234/2015' },
        },
        declarations: { parentalAuthorityOn: '2024-01-25', maintenanceOn: '2024-01-25', noConvictionOn: '2024-01-25' },
        nameForms: { gen: '', ins: 'Agnieszką Śliwińską' },
      },
    });
    expect(saved.version).toBe(1);
    expect(saved.findings).toEqual([]);
    expect(saved.fields.nameForms).toEqual({ ins: 'Agnieszką Śliwińską' });

    const sqlite = app.sql;
    const audit = sqlite.prepare(`SELECT details FROM audit_log WHERE action = 'staff.update'`).get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ changed: ['address', 'contact', 'employment', 'qualification', 'declarations'] });
    expect(audit.details).not.toContain('Śliwińsk');

    // A stale version is refused.
    expect(failure(await admin.call('staff:update', { userId: team.ar.id, version: 0, fields: {} })).code).toBe('STALE_EDIT');
  });

  it('only the head edits; an assistant reads their own entry, not another’s', async () => {
    expect(failure(await team.ar.s.call('staff:update', { userId: team.ar.id, version: 0, fields: { salutation: 'Pani' } })).code).toBe('FORBIDDEN');
    expect(failure(await team.ar.s.call('staff:list', {})).code).toBe('FORBIDDEN');
    expect((await team.ar.s.ok('staff:get', { userId: team.ar.id })).fullName).toBe('Agnieszka Śliwińska');
    expect(failure(await team.ar.s.call('staff:get', { userId: team.ar2.id })).code).toBe('FORBIDDEN');
  });

  it('refuses inconsistent employment with a Polish message naming the field', async () => {
    const r = failure(await admin.call('staff:update', { userId: team.ar.id, version: 0, fields: { employmentForm: 'service-contract', taskBasedTime: true } }));
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('Zadaniowy czas pracy dotyczy tylko umowy o pracę.');
  });

  it('the report counts assistants by the register’s form of employment', async () => {
    await admin.ok('staff:update', { userId: team.ar.id, version: 0, fields: { employmentForm: 'employment-contract', taskBasedTime: true, fte: 1 } });
    await admin.ok('staff:update', { userId: team.ar2.id, version: 0, fields: { employmentForm: 'service-contract' } });
    const r = await admin.ok('reports:halfYear', { period: '2026-H2' });
    const v = (id: string) => r.figures.find((f) => f.id === id)!.value;
    expect([v('assistants_employment_contract'), v('assistants_task_based'), v('assistants_service_contract'), v('assistants_form_missing')]).toEqual([1, 1, 1, 0]);
    const settings = await admin.ok('reports:settingsGet', {});
    expect(settings.staff.find((s) => s.userId === team.ar2.id)).toMatchObject({ form: 'service-contract', taskBasedTime: false });
  });

  it('office papers: the head sets the DPO contact and the retention statement', async () => {
    const before = await admin.ok('office:papersGet', {});
    expect(before).toEqual({ dpoContact: '', retention: '', statisticsBasis: '', version: 0 });
    const after = await admin.ok('office:papersUpdate', { ...before, dpoContact: 'iod@gops.example.pl', retention: '10 lat od zakończenia sprawy (kategoria B10)' });
    expect(after).toMatchObject({ dpoContact: 'iod@gops.example.pl', version: 1 });
    expect(failure(await team.ar.s.call('office:papersGet', {})).code).toBe('FORBIDDEN');
  });
});
