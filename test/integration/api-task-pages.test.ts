// Pages for tasks that were the API's alone (issue 25): a placement's carers (add, replace, remove),
// undoing a return recorded by mistake, and the operational group's set-up and members. Each is
// refused (and audited) to a role the API refuses, shows bad input in the GOV.UK error summary, and
// changes the record.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';
import { PageSession, pageSession } from '../support/pages';

let app: TestApp;
let sw: PageSession;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const carersOf = async (childId: string): Promise<{ id: string; name: string; mobile: string; language: string }[]> =>
  q(
    `SELECT pc.id, pc.name, pc.mobile, pc.language FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
    WHERE p.child_id = $1 AND p.ended_at IS NULL ORDER BY pc.name`,
    [childId],
  );
const refusals = async (entityType: string): Promise<number> =>
  Number(
    (await q(`SELECT count(*) AS n FROM audit_events WHERE action = 'refused' AND entity_type = $1`, [entityType]))[0]
      .n,
  );
const summaryOf = (payload: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(payload)?.[1] ?? '';

describe("a placement's carers", () => {
  it('adds a second carer, replaces one, and removes one, from the child’s record', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5, carer: '+447700900501' });
    await q(`UPDATE placement_carers SET language = 'cy' WHERE mobile = '+447700900501'`);
    const record = (await sw.get(`/children/${child.id}`)).payload;
    expect(record).toContain(`href="/children/${child.id}/carers"`);
    const list = await sw.get(`/children/${child.id}/carers`);
    expect(list.statusCode).toBe(200);
    expect(list.payload).toContain('Carla Carer');
    expect(list.payload).not.toContain('/remove'); // the only carer cannot be removed

    const bad = await sw.post(`/children/${child.id}/carers/new`, { name: '', mobile: '12', email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.payload)).toContain('Enter the carer’s name');
    expect(summaryOf(bad.payload)).toContain('Enter the carer’s mobile number like 07700 900101');
    expect(summaryOf(bad.payload)).toContain('Enter the carer’s email address in the correct format');
    const twice = await sw.post(`/children/${child.id}/carers/new`, { name: 'Dan', mobile: '07700 900501', email: '' });
    expect(twice.statusCode).toBe(400);
    expect(summaryOf(twice.payload)).toContain('Another carer of this placement has this mobile number');

    const added = await sw.post(`/children/${child.id}/carers/new`, {
      name: 'Dee Second',
      mobile: '07700 900502',
      email: 'dee@example.org',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/children/${child.id}/carers`);
    let carers = await carersOf(child.id);
    expect(carers.map((c) => `${c.name} ${c.mobile} ${c.language}`)).toEqual([
      'Carla Carer +447700900501 cy', // the carer who stays keeps the language she chose
      'Dee Second +447700900502 null',
    ]);

    const dee = carers.find((c) => c.name === 'Dee Second')!;
    const form = await sw.get(`/carers/${dee.id}/change`);
    expect(form.payload).toContain('value="+447700900502"');
    const replaced = await sw.post(`/carers/${dee.id}/change`, {
      name: 'Eve Replacement',
      mobile: '07700900503',
      email: '',
    });
    expect(replaced.statusCode).toBe(303);
    carers = await carersOf(child.id);
    expect(carers.map((c) => c.name)).toEqual(['Carla Carer', 'Eve Replacement']);

    const carla = carers.find((c) => c.name === 'Carla Carer')!;
    const unanswered = await sw.post(`/carers/${carla.id}/remove`, {});
    expect(summaryOf(unanswered.payload)).toContain('Select yes if you want to remove this carer');
    expect((await sw.post(`/carers/${carla.id}/remove`, { confirm: 'no' })).statusCode).toBe(303);
    expect(await carersOf(child.id)).toHaveLength(2);
    expect((await sw.post(`/carers/${carla.id}/remove`, { confirm: 'yes' })).statusCode).toBe(303);
    carers = await carersOf(child.id);
    expect(carers.map((c) => c.name)).toEqual(['Eve Replacement']);

    // The last carer stays: a current placement needs someone to text MISSING.
    const last = await sw.post(`/carers/${carers[0].id}/remove`, { confirm: 'yes' });
    expect(last.statusCode).toBe(400);
    expect(summaryOf(last.payload)).toContain('A current placement needs at least one carer');
    expect(await carersOf(child.id)).toHaveLength(1);
    const audited = await q(
      `SELECT count(*) AS n FROM audit_events WHERE child_id = $1 AND entity_type = 'placement' AND action = 'update'`,
      [child.id],
    );
    expect(Number(audited[0].n)).toBe(3);
  });

  it('refuses a carer, a group member and another authority, and audits the refusal', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5, carer: '+447700900511' });
    const [carer] = await carersOf(child.id);
    const before = await refusals('placement_carer');
    const group = await pageSession(app, 'group_member');
    expect((await group.get(`/children/${child.id}/carers`)).statusCode).toBe(403);
    expect((await group.post(`/carers/${carer.id}/remove`, { confirm: 'yes' })).statusCode).toBe(403);
    const carerUser = await pageSession(app, 'carer');
    expect((await carerUser.post(`/carers/${carer.id}/change`, { name: 'X', mobile: '07700900599' })).statusCode).toBe(
      403,
    );
    expect(await refusals('placement_carer')).toBe(before + 2);
    const other = await pageSession(app, 'social_worker', 'OTHER');
    expect((await other.get(`/carers/${carer.id}/change`)).statusCode).toBe(404);
    expect((await other.post(`/carers/${carer.id}/remove`, { confirm: 'yes' })).statusCode).toBe(404);
    expect(
      (await other.post(`/children/${child.id}/carers/new`, { name: 'X', mobile: '07700900598' })).statusCode,
    ).toBe(404);
    expect(await carersOf(child.id)).toHaveLength(1);
  });
});

describe('undoing a return recorded by mistake', () => {
  it('lets a manager undo it with a reason; the child is missing again', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
    const episode = await reportMissing(app, child.id);
    app.clock.advance(3_600_000);
    const found = await sw.post(`/episodes/${episode.id}/found`, {
      ...fieldsFor(app.clock.now(), 'Europe/London', 'returned'),
      where: 'Home',
      by: 'Carer',
    });
    expect(found.statusCode).toBe(303);
    // A social worker may not undo (the API's rule): no button, and the form is refused and audited.
    expect((await sw.get(`/episodes/${episode.id}`)).payload).not.toContain('/undo-return');
    const before = await refusals('missing_episode');
    expect((await sw.post(`/episodes/${episode.id}/undo-return`, { reason: 'x' })).statusCode).toBe(403);
    expect(await refusals('missing_episode')).toBe(before + 1);

    const manager = await pageSession(app, 'team_manager');
    expect((await manager.get(`/episodes/${episode.id}`)).payload).toContain(`/episodes/${episode.id}/undo-return`);
    const empty = await manager.post(`/episodes/${episode.id}/undo-return`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(summaryOf(empty.payload)).toContain('Enter why the return was recorded by mistake');
    const other = await pageSession(app, 'team_manager', 'OTHER');
    expect((await other.post(`/episodes/${episode.id}/undo-return`, { reason: 'x' })).statusCode).toBe(404);

    const undone = await manager.post(`/episodes/${episode.id}/undo-return`, {
      reason: 'The carer confused two children',
    });
    expect(undone.statusCode).toBe(303);
    const [row] = await q('SELECT state, returned_at FROM missing_episodes WHERE id = $1', [episode.id]);
    expect(row).toEqual({ state: 'reported', returned_at: null });
    const page = (await manager.get(`/episodes/${episode.id}`)).payload;
    expect(page).toContain('The carer confused two children');
    expect(page).not.toContain('/undo-return');
    // Twice is a conflict explained on the form, not a 500.
    const again = await manager.post(`/episodes/${episode.id}/undo-return`, { reason: 'Again' });
    expect(again.statusCode).toBe(400);
    expect(summaryOf(again.payload)).toContain('there is none to undo');
  });
});

describe("the operational group's set-up and members", () => {
  it('lets the administrator add and remove members and change the group', async () => {
    const admin = await pageSession(app, 'administrator');
    const page = await admin.get('/operational-group/members');
    expect(page.statusCode).toBe(200);
    const [contact] = await q(
      `INSERT INTO contacts (authority_id, name, organisation, role, email, active, created_at, updated_at)
      SELECT id, 'Youth offending team list', 'Youth offending team', 'other', 'yot@example.org', true, now(), now()
      FROM local_authorities WHERE code = 'DEMO' RETURNING id`,
    );
    expect((await admin.get('/operational-group/members')).payload).toContain(`contact:${contact.id}`);
    const none = await admin.post('/operational-group/members', { who: '' });
    expect(none.statusCode).toBe(400);
    expect(summaryOf(none.payload)).toContain('Select the person or list to add');
    expect((await admin.post('/operational-group/members', { who: `contact:${contact.id}` })).statusCode).toBe(303);
    const twice = await admin.post('/operational-group/members', { who: `contact:${contact.id}` });
    expect(summaryOf(twice.payload)).toContain('already a member');
    const [member] = await q('SELECT id FROM group_members WHERE contact_id = $1', [contact.id]);
    expect(member).toBeDefined();
    expect((await admin.get('/operational-group')).payload).toContain('Youth offending team list');

    // A manager may write meetings but not configure the group: refused and audited.
    const manager = await pageSession(app, 'team_manager');
    const before = await refusals('group_member');
    expect((await manager.post(`/operational-group/members/${member.id}/remove`, { confirm: 'yes' })).statusCode).toBe(
      403,
    );
    expect(await refusals('group_member')).toBe(before + 1);
    expect((await manager.get('/operational-group/settings')).statusCode).toBe(403);
    const otherAdmin = await pageSession(app, 'administrator', 'OTHER');
    expect((await otherAdmin.get(`/operational-group/members/${member.id}/remove`)).statusCode).toBe(404);

    expect((await admin.post(`/operational-group/members/${member.id}/remove`, { confirm: 'yes' })).statusCode).toBe(
      303,
    );
    expect(await q('SELECT id FROM group_members WHERE contact_id = $1', [contact.id])).toEqual([]);

    const settings = await admin.get('/operational-group/settings');
    expect(settings.payload).toContain('Change the operational group');
    const bad = await admin.post('/operational-group/settings', {
      name: 'Operational group',
      cadenceDays: '3',
      packDaysBefore: 'seven',
      durationMinutes: '120',
      location: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.payload)).toContain('The days between meetings must be from 7 to 365');
    expect(summaryOf(bad.payload)).toContain('Enter how many days before a meeting the pack goes as a whole number');
    const saved = await admin.post('/operational-group/settings', {
      name: 'Exploitation group',
      cadenceDays: '28',
      packDaysBefore: '5',
      durationMinutes: '90',
      location: 'Civic Centre, room 2',
    });
    expect(saved.statusCode).toBe(303);
    const [g] = await q(
      `SELECT g.name, g.cadence_days, g.location FROM operational_groups g JOIN local_authorities a ON a.id = g.authority_id
      WHERE a.code = 'DEMO'`,
    );
    expect(g).toEqual({ name: 'Exploitation group', cadence_days: 28, location: 'Civic Centre, room 2' });
  });
});

describe("correcting a child's record", () => {
  it('lets the data protection officer correct a detail with a reason, kept with the value before', async () => {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 5 });
    const dpo = await pageSession(app, 'data_protection_officer');
    expect((await dpo.get(`/children/${child.id}`)).payload).toContain(`/children/${child.id}/corrections`);
    const form = await dpo.get(`/children/${child.id}/corrections`);
    expect(form.statusCode).toBe(200);
    expect(form.payload).toContain('No corrections yet.');
    const values = {
      firstNames: 'Secret',
      lastName: 'Name',
      dobDay: '2',
      dobMonth: '1',
      dobYear: '2010',
      dobEstimated: '',
      nationality: 'Eritrean',
      firstLanguage: '',
      traffickingStatus: 'suspected',
    };
    const noReason = await dpo.post(`/children/${child.id}/corrections`, { ...values, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(summaryOf(noReason.payload)).toContain('Enter why the record was wrong');
    const saved = await dpo.post(`/children/${child.id}/corrections`, { ...values, reason: 'Her family sent papers' });
    expect(saved.statusCode).toBe(303);
    const [row] = await q('SELECT nationality FROM children WHERE id = $1', [child.id]);
    expect(row.nationality).toBe('Eritrean');
    const page = (await dpo.get(`/children/${child.id}/corrections`)).payload;
    expect(page).toContain('Nationality');
    expect(page).toContain('Her family sent papers');

    const group = await pageSession(app, 'group_member');
    const before = await refusals('child');
    expect((await group.post(`/children/${child.id}/corrections`, { ...values, reason: 'x' })).statusCode).toBe(403);
    expect(await refusals('child')).toBe(before + 1);
    const other = await pageSession(app, 'data_protection_officer', 'OTHER');
    expect((await other.get(`/children/${child.id}/corrections`)).statusCode).toBe(404);
  });
});

describe("a meeting's time and place", () => {
  it('lets a manager move the next meeting and change its place; a carer is refused', async () => {
    const manager = await pageSession(app, 'team_manager');
    const [meeting] = await q(
      `SELECT m.id FROM group_meetings m JOIN local_authorities a ON a.id = m.authority_id
      WHERE a.code = 'DEMO' AND m.status = 'scheduled' AND m.starts_at > $1 ORDER BY m.starts_at LIMIT 1`,
      [app.clock.now()],
    );
    expect((await manager.get(`/operational-group/meetings/${meeting.id}`)).payload).toContain(
      `/operational-group/meetings/${meeting.id}/arrangements`,
    );
    const url = `/operational-group/meetings/${meeting.id}/arrangements`;
    const form = await manager.get(url);
    expect(form.statusCode).toBe(200);
    const moved = new Date(app.clock.now().getTime() + 20 * 86_400_000);
    const bad = await manager.post(url, {
      ...fieldsFor(moved, 'Europe/London', 'starts'),
      startsTime: '25:00',
      durationMinutes: '5',
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.payload)).toContain('The time of the meeting must be a 24-hour time');
    expect(summaryOf(bad.payload)).toContain('How long the meeting lasts in minutes must be from 15 to 600');
    const ok = await manager.post(url, {
      ...fieldsFor(moved, 'Europe/London', 'starts'),
      durationMinutes: '90',
      location: 'Town Hall, room 4',
    });
    expect(ok.statusCode).toBe(303);
    const [row] = await q('SELECT duration_minutes, location, starts_at FROM group_meetings WHERE id = $1', [
      meeting.id,
    ]);
    expect(row.duration_minutes).toBe(90);
    expect(row.location).toBe('Town Hall, room 4');
    expect(Math.abs(new Date(row.starts_at).getTime() - moved.getTime())).toBeLessThan(60_000);
    const carer = await pageSession(app, 'carer');
    expect((await carer.post(url, { durationMinutes: '60' })).statusCode).toBe(403);
  });
});
