// Attendance never loses what was there: saving the meeting page's attendance form as it was shown
// keeps an apology, a guest recorded through the API and leaves the distribution list unmarked.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { nextMeeting } from '../support/group-fixtures';
import { PageSession, pageSession } from '../support/pages';

let app: TestApp;
let member: PageSession;
let meetingId: string;
beforeAll(async () => {
  app = await buildTestApp();
  member = await pageSession(app, 'group_member');
  meetingId = (await nextMeeting(app)).id;
});
afterAll(async () => {
  await app.close();
});

const url = () => `/operational-group/meetings/${meetingId}`;
type Member = { id: string; name: string; role: string };

async function members(): Promise<Member[]> {
  const res = await app.server.inject({
    url: '/api/v1/operational-group',
    headers: bearer(await app.tokenFor('group_member')),
  });
  const lists: { id: string }[] = await app.db.dataSource.query(
    `SELECT m.id FROM group_members m JOIN contacts c ON c.id = m.contact_id WHERE c.role = 'operational_group_list'`,
  );
  const listIds = new Set(lists.map((l) => l.id));
  return (res.result as { members: Member[] }).members.map((m) => ({
    ...m,
    role: listIds.has(m.id) ? 'operational_group_list' : 'member',
  }));
}

async function attendance(): Promise<{ name: string; attendance: string; memberId: string | null }[]> {
  const res = await app.server.inject({
    url: `/api/v1/operational-group/meetings/${meetingId}`,
    headers: bearer(await app.tokenFor('group_member')),
  });
  return (res.result as { attendance: { name: string; attendance: string; memberId: string | null }[] }).attendance;
}

/** The form as the browser would send it untouched: every radio that is checked, and nothing else. */
function untouchedForm(page: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const m of page.matchAll(/<input[^>]*name="(attendance-[0-9a-f-]{36})"[^>]*value="(\w+)"[^>]*checked/g))
    form[m[1]] = m[2];
  return form;
}

it('keeps an apology, a guest and an unmarked distribution list when the form is saved unchanged', async () => {
  const all = await members();
  const pat = all.find((m) => m.name === 'PC Pat Police')!;
  const list = all.find((m) => m.role === 'operational_group_list')!;
  const put = await app.server.inject({
    method: 'PUT',
    url: `/api/v1/operational-group/meetings/${meetingId}/attendance`,
    payload: {
      attendance: [
        { memberId: pat.id, attendance: 'apologies' },
        { name: 'Visiting NGO worker', organisation: 'Helping Hands', attendance: 'present' },
      ],
    },
    headers: bearer(await app.tokenFor('group_member')),
  });
  expect(put.statusCode).toBe(200);

  const page = await member.get(url());
  expect(page.statusCode).toBe(200);
  // The distribution list is told of meetings; the form never asks whether it attended.
  expect(page.payload).not.toContain(`name="attendance-${list.id}"`);
  const form = untouchedForm(page.payload);
  expect(form).toEqual({ [`attendance-${pat.id}`]: 'apologies' });

  const before = await attendance();
  expect((await member.post(`${url()}/attendance`, form)).statusCode).toBe(303);
  const after = await attendance();
  expect(after).toEqual(before);
  expect(after.find((a) => a.memberId === pat.id)?.attendance).toBe('apologies');
  expect(after.find((a) => a.name === 'Visiting NGO worker')?.attendance).toBe('present');
  expect(after.some((a) => a.memberId === list.id)).toBe(false);
});

it('changes only the members answered for, and adds a member answered for the first time', async () => {
  const all = await members();
  const pat = all.find((m) => m.name === 'PC Pat Police')!;
  const before = await attendance();
  const recorded = new Set(before.map((a) => a.memberId));
  const newcomer = all.find((m) => m.role !== 'operational_group_list' && !recorded.has(m.id))!;
  const res = await member.post(`${url()}/attendance`, {
    [`attendance-${pat.id}`]: 'present',
    [`attendance-${newcomer.id}`]: 'absent',
  });
  expect(res.statusCode).toBe(303);
  const after = await attendance();
  expect(after.find((a) => a.memberId === pat.id)?.attendance).toBe('present');
  expect(after.find((a) => a.memberId === newcomer.id)?.attendance).toBe('absent');
  expect(after.find((a) => a.name === 'Visiting NGO worker')?.attendance).toBe('present');
  const untouched = (rows: typeof before) => rows.filter((a) => a.memberId !== pat.id && a.memberId !== newcomer.id);
  expect(untouched(after)).toEqual(untouched(before));
  const page = await member.get(url());
  expect(page.payload).toMatch(/PC Pat Police[^<]*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Present/);
});

it('refuses an answer that is not present, apologies or absent with a sentence, not a 500', async () => {
  const pat = (await members()).find((m) => m.name === 'PC Pat Police')!;
  const res = await member.post(`${url()}/attendance`, { [`attendance-${pat.id}`]: 'maybe' });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('Choose present, sent apologies or absent');
});
