// The operational group pages as a group member uses them: the group with its next meeting and open
// actions, a meeting with its agenda pack, and the forms that record it; and who may not see them.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { nextMeeting } from '../support/group-fixtures';
import { PageSession, pageSession } from '../support/pages';

let app: TestApp;
let member: PageSession;
let next: { id: string };
beforeAll(async () => {
  app = await buildTestApp();
  member = await pageSession(app, 'group_member');
  next = await nextMeeting(app);
});
afterAll(async () => {
  await app.close();
});

const meetingUrl = () => `/operational-group/meetings/${next.id}`;

it('shows the group, its next meeting, past meetings and the overdue action, with a navigation item', async () => {
  const res = await member.get('/operational-group');
  expect(res.statusCode).toBe(200);
  expect(res.payload).toContain('Demo Borough operational group');
  expect(res.payload).toContain(`href="${meetingUrl()}"`);
  expect(res.payload).toContain('Goes to members');
  expect(res.payload).toContain('PC Pat Police');
  expect(res.payload).toMatch(/Check the phone arrangements for H9PX[\s\S]*?Overdue/);
  expect(res.payload).toMatch(
    /href="\/operational-group" aria-current="true">\s*<strong[^>]*>Operational group<\/strong>/,
  );
});

it('shows the meeting with its agenda pack as page tables, not the email document', async () => {
  const res = await member.get(meetingUrl());
  expect(res.statusCode).toBe(200);
  expect(res.payload).toContain('Agenda pack');
  expect(res.payload).toContain('Not sent yet: this is the pack as it stands now.');
  expect(res.payload).toContain(
    '<caption class="govuk-table__caption govuk-table__caption--s">9. Open actions</caption>',
  );
  expect(res.payload.match(/<html/g)).toHaveLength(1);
  expect(res.payload).toContain('Add an action');
});

it("keeps carers out and treats another authority's meeting as not found", async () => {
  const carer = await pageSession(app, 'carer');
  expect((await carer.get('/operational-group')).statusCode).toBe(403);
  expect((await carer.get(meetingUrl())).statusCode).toBe(403);
  const first = new Date(app.clock.now().getTime() + 10 * 86_400_000);
  const admin = bearer(await app.tokenFor('administrator', 'OTHER'));
  await app.server.inject({
    method: 'PUT',
    url: '/api/v1/operational-group',
    payload: { cadenceDays: 14, firstMeetingAt: first.toISOString() },
    headers: admin,
  });
  const other = (await app.server.inject({ url: '/api/v1/operational-group/meetings/next', headers: admin }))
    .result as { id: string };
  expect((await member.get(`/operational-group/meetings/${other.id}`)).statusCode).toBe(404);
});

it('shows the GOV.UK error summary for an action with no description, owner or real date', async () => {
  const res = await member.post(`${meetingUrl()}/actions`, {
    description: '',
    ownerMemberId: '',
    dueDay: '31',
    dueMonth: '2',
    dueYear: '2027',
  });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('There is a problem');
  expect(res.payload).toContain('<a href="#description">Enter what needs to be done</a>');
  expect(res.payload).toContain('<a href="#ownerMemberId">Select who owns the action</a>');
  const badDate = await member.post(`${meetingUrl()}/actions`, {
    description: 'Ring the school',
    ownerMemberId: await memberId('PC Pat Police'),
    dueDay: '31',
    dueMonth: '2',
    dueYear: '2027',
  });
  expect(badDate.statusCode).toBe(400);
  expect(badDate.payload).toContain('The date the action is due must be a real date');
  expect(badDate.payload).toContain('Ring the school');
});

async function memberId(name: string): Promise<string> {
  const res = await app.server.inject({
    url: '/api/v1/operational-group',
    headers: bearer(await app.tokenFor('group_member')),
  });
  return (res.result as { members: { id: string; name: string }[] }).members.find((m) => m.name === name)!.id;
}

it('adds an action, redirects back to the meeting (303) and lists it; marking it done closes it', async () => {
  const res = await member.post(`${meetingUrl()}/actions`, {
    description: 'Ring the college about attendance',
    ownerMemberId: await memberId('PC Pat Police'),
    dueDay: '10',
    dueMonth: '1',
    dueYear: '2030',
  });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(meetingUrl());
  const page = await member.get(meetingUrl());
  expect(page.payload).toMatch(
    /Ring the college about attendance<\/td>\s*<td class="govuk-table__cell"[^>]*>PC Pat Police/,
  );
  const actionId = /action="\/operational-group\/actions\/([0-9a-f-]{36})\/complete"/.exec(page.payload)![1];
  const done = await member.post(`/operational-group/actions/${actionId}/complete`, {});
  expect(done.statusCode).toBe(303);
  expect((await member.get('/operational-group')).payload).not.toContain('Ring the college about attendance');
});

it('records attendance and a review of a child from the pack, once', async () => {
  const pat = await memberId('PC Pat Police');
  expect((await member.post(`${meetingUrl()}/attendance`, { [`attendance-${pat}`]: 'present' })).statusCode).toBe(303);
  const page = await member.get(meetingUrl());
  expect(page.payload).toMatch(/PC Pat Police[^<]*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Present/);
  const missing = await member.post(`${meetingUrl()}/reviews`, { childId: '', decision: '' });
  expect(missing.statusCode).toBe(400);
  expect(missing.payload).toContain('<a href="#childId">Select the child</a>');
  const k7q2 = /<option value="([0-9a-f-]{36})">K7Q2<\/option>/.exec(page.payload)![1];
  const review = {
    childId: k7q2,
    decision: 'Keep the plan at high risk; refer to the NRM.',
    planChanges: '',
    debriefWith: 'Guardian service',
  };
  expect((await member.post(`${meetingUrl()}/reviews`, review)).statusCode).toBe(303);
  expect((await member.get(meetingUrl())).payload).toMatch(
    /K7Q2<\/h3>[\s\S]*?Keep the plan at high risk; refer to the NRM\.[\s\S]*?Arranged with Guardian service/,
  );
  const again = await member.post(`${meetingUrl()}/reviews`, review);
  expect(again.statusCode).toBe(400);
  expect(again.payload).toContain('This meeting already has a review of that child.');
});
