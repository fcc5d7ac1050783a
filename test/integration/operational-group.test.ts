// The operational group's API: set-up by an administrator, the demo group and its meetings, and
// the meeting record (attendance, reviews, actions) with the errors a user can act on.
import { randomUUID } from 'node:crypto';

import { demoChildren, otherBoroughChild } from '../../seeds/demo-data';
import type { Role } from '../../src/platform/auth/roles';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { reportMissing } from '../support/escalation-fixtures';
import { nextMeeting } from '../support/group-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const base = '/api/v1/operational-group';
async function call(method: string, url: string, role: Role, payload?: object, authority: 'DEMO' | 'OTHER' = 'DEMO') {
  return app.server.inject({
    method,
    url: `${base}${url}`,
    payload,
    headers: bearer(await app.tokenFor(role, authority)),
  });
}
const childId = async (ref: string) =>
  (await app.db.dataSource.query('SELECT id FROM children WHERE reference = $1', [ref]))[0].id as string;

describe('the demo group', () => {
  it('has its members, a past meeting with its record and the next meeting about six weeks later', async () => {
    const group = (await call('GET', '', 'group_member')).result as {
      cadenceDays: number;
      members: { name: string; kind: string }[];
    };
    expect(group.cadenceDays).toBe(42);
    expect(group.members.map((m) => `${m.kind} ${m.name}`).sort()).toEqual([
      'contact Operational group distribution list',
      'user Gil Group-Member',
      'user PC Pat Police',
    ]);
    const meetings = (await call('GET', '/meetings', 'group_member')).result as {
      id: string;
      status: string;
      startsAt: Date;
      packSentAt: Date | null;
    }[];
    expect(meetings.map((m) => m.status)).toEqual(['scheduled', 'held']);
    expect(new Date(meetings[0].startsAt).getTime() - new Date(meetings[1].startsAt).getTime()).toBeGreaterThan(
      41 * 86_400_000,
    );
    expect(meetings[1].packSentAt).not.toBeNull();

    const past = (await call('GET', `/meetings/${meetings[1].id}`, 'team_manager')).result as {
      attendance: unknown[];
      reviews: { childReference: string; debriefArranged: boolean }[];
      actions: { overdue: boolean; completedAt: Date | null }[];
    };
    expect(past.attendance).toHaveLength(3);
    expect(past.reviews.map((r) => r.childReference)).toEqual(['H9PX']);
    expect(past.actions).toEqual([expect.objectContaining({ overdue: true, completedAt: null })]);
  });

  it('shows the next pack as members will receive it, with references and no names, and audits the children it shows', async () => {
    const next = await nextMeeting(app);
    const res = await call('GET', `/meetings/${next.id}/pack.html`, 'group_member');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.payload).toContain('E-H7KQ');
    for (const c of [...demoChildren, otherBoroughChild]) expect(res.payload).not.toContain(c.lastName);
    const json = (await call('GET', `/meetings/${next.id}/pack`, 'group_member')).result as {
      frozen: boolean;
      pack: { missingSinceLastMeeting: { childRef: string }[] };
    };
    expect(json.frozen).toBe(false);
    expect(json.pack.missingSinceLastMeeting.map((c) => c.childRef)).toEqual(['H9PX']);
    const audits = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'operational_group_pack' AND entity_id = $1 AND child_id = $2`,
      [next.id, await childId('H9PX')],
    );
    expect(audits[0].n).toBeGreaterThanOrEqual(2);
  });

  it('a new missing episode is on the next agenda at once, and the distribution list is told', async () => {
    const episode = await reportMissing(app, await childId('K7Q2'));
    await app.services.escalation.sweep();
    const notices = await app.db.dataSource.query(
      `SELECT address FROM notifications WHERE episode_id = $1 AND template = 'operational-group-notice'`,
      [episode.id],
    );
    expect(notices).toEqual([{ address: 'group@example.org' }]);
    const next = await nextMeeting(app);
    const { pack } = (await call('GET', `/meetings/${next.id}/pack`, 'team_manager')).result as {
      pack: {
        missingSinceLastMeeting: { childRef: string; episodes: { episodeRef: string }[] }[];
        stillMissing: { episodeRef: string }[];
      };
    };
    expect(
      pack.missingSinceLastMeeting.flatMap((c) => c.episodes.map((e) => `${c.childRef} ${e.episodeRef}`)),
    ).toContain(`K7Q2 ${episode.reference}`);
    expect(pack.stillMissing.map((e) => e.episodeRef)).toEqual([episode.reference]);
  });

  it('refuses to move a meeting already held, but takes its minutes', async () => {
    const [, past] = (await call('GET', '/meetings', 'group_member')).result as { id: string }[];
    const moved = await call('PATCH', `/meetings/${past.id}`, 'team_manager', { startsAt: '2026-01-01T10:00:00Z' });
    expect(moved.statusCode).toBe(409);
    expect((moved.result as { message: string }).message).toMatch(
      /already taken place or been cancelled, so its time cannot change/,
    );
    const minuted = await call('PATCH', `/meetings/${past.id}`, 'team_manager', { minutes: 'Agreed.' });
    expect((minuted.result as { minutes: string }).minutes).toBe('Agreed.');
  });
});

describe('setting a group up', () => {
  it('is for administrators, needs the first meeting date, and schedules that meeting at once', async () => {
    expect((await call('GET', '', 'administrator', undefined, 'OTHER')).statusCode).toBe(404);
    expect((await call('PUT', '', 'team_manager', { cadenceDays: 14 }, 'OTHER')).statusCode).toBe(403);
    const missing = await call('PUT', '', 'administrator', { cadenceDays: 14 }, 'OTHER');
    expect(missing.statusCode).toBe(400);
    expect((missing.result as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['firstMeetingAt']);
    const bad = await call('PUT', '', 'administrator', { cadenceDays: 2, firstMeetingAt: 'soon' }, 'OTHER');
    expect((bad.result as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'cadenceDays',
      'firstMeetingAt',
    ]);

    const first = new Date(app.clock.now().getTime() + 10 * 86_400_000);
    const set = await call(
      'PUT',
      '',
      'administrator',
      { name: 'Other group', cadenceDays: 14, firstMeetingAt: first.toISOString() },
      'OTHER',
    );
    expect(set.statusCode).toBe(200);
    const next = (await call('GET', '/meetings/next', 'administrator', undefined, 'OTHER')).result as {
      startsAt: Date;
    };
    expect(new Date(next.startsAt)).toEqual(first);
  });

  it('adds members from its own authority only, once each', async () => {
    const [contact] = await app.db.dataSource.query(
      `SELECT c.id FROM contacts c JOIN local_authorities a ON a.id = c.authority_id WHERE a.code = 'OTHER' LIMIT 1`,
    );
    const added = await call('POST', '/members', 'administrator', { contactId: contact.id }, 'OTHER');
    expect(added.statusCode).toBe(201);
    expect((await call('POST', '/members', 'administrator', { contactId: contact.id }, 'OTHER')).statusCode).toBe(409);
    const [demoUser] = await app.db.dataSource.query(
      `SELECT id FROM users WHERE email = 'social.worker@demo-borough.example.org'`,
    );
    const foreign = await call('POST', '/members', 'administrator', { userId: demoUser.id }, 'OTHER');
    expect(foreign.statusCode).toBe(400);
    expect((foreign.result as { errors: { field: string }[] }).errors[0].field).toBe('userId');
    const removed = await call(
      'DELETE',
      `/members/${(added.result as { id: string }).id}`,
      'administrator',
      undefined,
      'OTHER',
    );
    expect(removed.statusCode).toBe(204);
  });
});

describe('the meeting record', () => {
  it('records attendance, one review per child and actions, and completes an action once', async () => {
    const next = await nextMeeting(app);
    const group = (await call('GET', '', 'group_member')).result as {
      members: { id: string; name: string; email: string }[];
    };
    const pat = group.members.find((m) => m.name === 'PC Pat Police')!;

    const badMember = await call('PUT', `/meetings/${next.id}/attendance`, 'group_member', {
      attendance: [{ memberId: randomUUID(), attendance: 'present' }],
    });
    expect((badMember.result as { errors: { field: string }[] }).errors[0].field).toBe('attendance.0.memberId');
    const attendance = await call('PUT', `/meetings/${next.id}/attendance`, 'group_member', {
      attendance: [
        { memberId: pat.id, attendance: 'present' },
        { name: 'Health visitor', organisation: 'NHS', attendance: 'apologies' },
      ],
    });
    expect(attendance.result).toEqual([
      { memberId: null, name: 'Health visitor', organisation: 'NHS', attendance: 'apologies' },
      { memberId: pat.id, name: 'PC Pat Police', organisation: null, attendance: 'present' },
    ]);

    const review = {
      childId: await childId('K7Q2'),
      indicatorsConsidered: ['debt_bondage'],
      decision: 'Refer to the NRM',
      debriefArranged: true,
      debriefWith: 'Police',
    };
    const created = await call('POST', `/meetings/${next.id}/reviews`, 'group_member', review);
    expect(created.statusCode).toBe(201);
    expect((await call('POST', `/meetings/${next.id}/reviews`, 'group_member', review)).statusCode).toBe(409);
    expect(
      (
        await call('POST', `/meetings/${next.id}/reviews`, 'group_member', {
          ...review,
          childId: await childId(otherBoroughChild.reference),
        })
      ).statusCode,
    ).toBe(404);
    const invalid = await call('POST', `/meetings/${next.id}/reviews`, 'group_member', {
      ...review,
      indicatorsConsidered: ['bad_luck'],
      debriefWith: undefined,
    });
    expect((invalid.result as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'debriefWith',
      'indicatorsConsidered.0',
    ]);
    const [audit] = await app.db.dataSource.query(
      `SELECT child_id FROM audit_events WHERE entity_type = 'group_review' AND entity_id = $1`,
      [(created.result as { id: string }).id],
    );
    expect(audit.child_id).toBe(review.childId);

    const action = await call('POST', `/meetings/${next.id}/actions`, 'group_member', {
      description: 'Update the profile photo',
      dueOn: '2027-01-10',
      ownerMemberId: pat.id,
    });
    expect(action.result).toMatchObject({ ownerName: 'PC Pat Police', ownerEmail: pat.email, overdue: false });
    expect(
      (
        await call('POST', `/meetings/${next.id}/actions`, 'group_member', {
          description: 'Nobody owns this',
          dueOn: '2027-01-10',
        })
      ).statusCode,
    ).toBe(400);
    const open = (await call('GET', '/actions?open=true', 'team_manager')).result as { id: string }[];
    expect(open).toHaveLength(2);
    const id = (action.result as { id: string }).id;
    expect((await call('POST', `/actions/${id}/complete`, 'group_member', { note: 'Done' })).statusCode).toBe(200);
    expect((await call('POST', `/actions/${id}/complete`, 'group_member', {})).statusCode).toBe(409);
    expect((await call('GET', '/actions?open=true', 'team_manager')).result as unknown[]).toHaveLength(1);
  });

  it("another authority's meeting is not found", async () => {
    const next = await nextMeeting(app);
    expect((await call('GET', `/meetings/${next.id}/pack`, 'administrator', undefined, 'OTHER')).statusCode).toBe(404);
  });
});

it('documents the operational group endpoints in the OpenAPI description', async () => {
  const res = await app.server.inject({ method: 'GET', url: '/swagger.json' });
  const paths = Object.keys((res.result as { paths: object }).paths);
  expect(paths).toEqual(
    expect.arrayContaining([
      base,
      `${base}/members`,
      `${base}/meetings/next`,
      `${base}/meetings/{id}/pack`,
      `${base}/meetings/{id}/pack.html`,
      `${base}/meetings/{id}/attendance`,
      `${base}/meetings/{id}/reviews`,
      `${base}/meetings/{id}/actions`,
      `${base}/actions/{id}/complete`,
    ]),
  );
});

it('a cancelled meeting is followed by the next one, whose pack covers what the cancelled one would have', async () => {
  const cancelled = await nextMeeting(app);
  const [held] = await app.db.dataSource.query(
    `SELECT covers_to FROM group_meetings WHERE status = 'held' ORDER BY starts_at DESC LIMIT 1`,
  );
  expect((await call('PATCH', `/meetings/${cancelled.id}`, 'team_manager', { status: 'cancelled' })).statusCode).toBe(
    200,
  );
  expect((await call('GET', '/meetings/next', 'group_member')).statusCode).toBe(404);
  expect((await app.services.operationalGroupCycle.run()).scheduled).toBe(1);
  const next = await nextMeeting(app);
  expect(Math.round((next.startsAt.getTime() - cancelled.startsAt.getTime()) / 86_400_000)).toBe(42);
  const { pack } = (await call('GET', `/meetings/${next.id}/pack`, 'group_member')).result as {
    pack: { coversFrom: string; missingSinceLastMeeting: { childRef: string }[] };
  };
  expect(new Date(pack.coversFrom)).toEqual(new Date(held.covers_to));
  expect(pack.missingSinceLastMeeting.map((c) => c.childRef)).toContain('H9PX');
});
