// The operational group, figures and SSDA903 returns pages in Welsh (issue 29): each page asked for in
// Welsh is lang="cy" with none of its English catalogue phrases left, and each form's refusal is in
// Welsh too, down to the messages built from parts ("Enter the day of the meeting") and the DfE rules'
// problems with what to fix.
import { DEMO_DELIVERY_EPISODE_ID } from '../../seeds/demo-data';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { nextMeeting } from '../support/group-fixtures';
import { PageSession, pageSession } from '../support/pages';
import { expectWelsh } from '../support/welsh';

let app: TestApp;
let member: PageSession;
let admin: PageSession;
let manager: PageSession;
let meetingUrl: string;

/** A session whose person has chosen Welsh (?lang=cy stores it on their record). */
async function welshSession(role: 'group_member' | 'administrator' | 'team_manager'): Promise<PageSession> {
  const session = await pageSession(app, role);
  expectWelsh(await session.get('/?lang=cy'));
  return session;
}

/** The page's text as a reader sees it (apostrophes and ampersands unescaped). */
const shown = (res: { payload: string }) =>
  res.payload
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  app = await buildTestApp();
  member = await welshSession('group_member');
  admin = await welshSession('administrator');
  manager = await welshSession('team_manager');
  meetingUrl = `/operational-group/meetings/${(await nextMeeting(app)).id}`;
});
afterAll(async () => {
  await app.close();
});

describe('the operational group in Welsh', () => {
  it('shows the group with its next meeting, open actions and members', async () => {
    const res = await member.get('/operational-group');
    expectWelsh(res);
    expect(shown(res)).toContain('Cyfarfod nesaf');
    expect(shown(res)).toContain("Yn mynd i'r aelodau");
    expect(shown(res)).toMatch(/Check the phone arrangements for H9PX[\s\S]*?Yn hwyr/);
  });

  it('shows a meeting with its agenda pack, and each of its forms refuses bad input in Welsh', async () => {
    const page = await member.get(meetingUrl);
    expectWelsh(page);
    expect(shown(page)).toContain("Heb ei anfon eto: dyma'r pecyn fel y mae ar hyn o bryd.");
    expect(shown(page)).toContain('9. Camau gweithredu agored');

    const status = await member.post(`${meetingUrl}/record`, { status: '', minutes: '' });
    expectWelsh(status, 400);
    expect(shown(status)).toContain('Mae problem wedi codi');
    expect(shown(status)).toContain('Dewiswch y statws');

    const action = await member.post(`${meetingUrl}/actions`, { description: '', ownerMemberId: '', dueDay: '' });
    expectWelsh(action, 400);
    expect(shown(action)).toContain('Rhowch beth sydd angen ei wneud');
    expect(shown(action)).toContain("Dewiswch pwy sy'n berchen ar y cam gweithredu");
    expect(shown(action)).toContain("Rhowch y diwrnod pan fydd y cam gweithredu'n ddyledus");

    const review = await member.post(`${meetingUrl}/reviews`, { childId: '', decision: '' });
    expectWelsh(review, 400);
    expect(shown(review)).toContain('Dewiswch y plentyn');
    expect(shown(review)).toContain('Rhowch benderfyniad y grŵp');

    const attendance = await member.post(`${meetingUrl}/attendance`, {
      'attendance-00000000-0000-4000-8000-000000000000': 'maybe',
    });
    expectWelsh(attendance, 400);
    expect(shown(attendance)).toContain('Dewiswch yn bresennol, wedi anfon ymddiheuriadau neu absennol');
  });

  it("changes a meeting's time or place in Welsh, and says in Welsh what is wrong", async () => {
    expectWelsh(await member.get(`${meetingUrl}/arrangements`));
    const res = await member.post(`${meetingUrl}/arrangements`, {
      startsDay: '',
      startsMonth: '6',
      startsYear: '2030',
      startsTime: '25:00',
      durationMinutes: 'long',
      location: '',
    });
    expectWelsh(res, 400);
    expect(shown(res)).toContain('Rhowch y diwrnod ar gyfer y cyfarfod');
    expect(shown(res)).toContain(
      'Rhaid i’r amser ar gyfer y cyfarfod fod yn amser 24 awr, fel 21:30'.replace('’', "'"),
    );
    expect(shown(res)).toContain("Rhowch pa mor hir mae'r cyfarfod yn para mewn munudau fel rhif cyfan");
  });
});

describe("the administrator's group pages in Welsh", () => {
  it('lists the members by role and refuses an empty choice in Welsh', async () => {
    const page = await admin.get('/operational-group/members');
    expectWelsh(page);
    expect(shown(page)).toContain('Ychwanegu aelod');
    expect(shown(page)).toContain('Dewiswch berson neu restr');
    expect(shown(page)).toContain('Rhestr y grŵp gweithredol');
    const res = await admin.post('/operational-group/members', { who: '' });
    expectWelsh(res, 400);
    expect(shown(res)).toContain("Dewiswch y person neu'r rhestr i'w ychwanegu");
  });

  it('asks before removing a member, in Welsh', async () => {
    const group = await app.server.inject({
      url: '/api/v1/operational-group',
      headers: bearer(await app.tokenFor('group_member')),
    });
    const { id } = (group.result as { members: { id: string }[] }).members[0];
    const page = await admin.get(`/operational-group/members/${id}/remove`);
    expectWelsh(page);
    expect(shown(page)).toContain("Ydych chi am dynnu'r aelod hwn?");
    const res = await admin.post(`/operational-group/members/${id}/remove`, {});
    expectWelsh(res, 400);
    expect(shown(res)).toContain("Dewiswch 'Ydw' os ydych chi am dynnu'r aelod hwn");
  });

  it("changes the group's settings in Welsh, and says in Welsh what is wrong", async () => {
    const page = await admin.get('/operational-group/settings');
    expectWelsh(page);
    expect(shown(page)).toContain('Newid y grŵp gweithredol');
    const res = await admin.post('/operational-group/settings', {
      name: '',
      cadenceDays: '3',
      packDaysBefore: 'x',
      durationMinutes: '',
      location: '',
      firstDay: '31',
      firstMonth: '2',
      firstYear: '2030',
      firstTime: '10:00',
    });
    expectWelsh(res, 400);
    expect(shown(res)).toContain("Rhowch enw'r grŵp");
    expect(shown(res)).toContain('Rhaid i nifer y diwrnodau rhwng cyfarfodydd fod rhwng 7 a 365');
    expect(shown(res)).toContain("Rhowch sawl diwrnod cyn cyfarfod mae'r pecyn yn mynd fel rhif cyfan");
    expect(shown(res)).toContain('Rhowch pa mor hir mae cyfarfod yn para mewn munudau');
  });
});

describe('figures in Welsh', () => {
  it('shows the charts, their tables and every measure in Welsh', async () => {
    const res = await manager.get('/figures');
    expectWelsh(res);
    expect(shown(res)).toContain('Ffigurau plant ar goll');
    expect(shown(res)).toContain('<title id="alerts-title">Rhybuddion am achosion o fynd ar goll</title>');
    expect(shown(res)).toContain('Plant sy’n dal ar goll'.replace('’', "'"));
  });

  it('refuses a date that is not a date, or a period that ends before it starts, in Welsh', async () => {
    const bad = await manager.get('/figures?from=last-april&to=2026-02-30');
    expectWelsh(bad, 400);
    expect(shown(bad)).toContain("Rhaid i'r dyddiad 'O' fod yn ddyddiad, fel 2026-03-31");
    expect(shown(bad)).toContain("Dydy'r dyddiad 'I' ddim yn ddyddiad go iawn (gwiriwch y diwrnod a'r mis)");
    const backwards = await manager.get('/figures?from=2026-03-01&to=2026-01-01');
    expectWelsh(backwards, 400);
    expect(shown(backwards)).toContain("Rhaid i'r dyddiad 'O' fod ar y dyddiad 'I' neu cyn hynny");
  });
});

describe('the SSDA903 return in Welsh', () => {
  it('says no DfE rule is broken, in Welsh', async () => {
    const res = await manager.get('/returns');
    expectWelsh(res);
    expect(shown(res)).toContain("Does dim un o reolau'r DfE wedi'i thorri.");
  });

  it("lists each broken rule's problem and what to fix in Welsh", async () => {
    const [{ discovered_at: discovered }] = await app.db.dataSource.query(
      'SELECT discovered_at FROM missing_episodes WHERE id = $1',
      [DEMO_DELIVERY_EPISODE_ID],
    );
    const [{ care_started_at: careStarted }] = await app.db.dataSource.query(
      `SELECT care_started_at FROM children WHERE reference = 'H9PX'`,
    );
    await app.db.dataSource.query(`UPDATE children SET care_started_at = $1 WHERE reference = 'H9PX'`, [
      new Date(new Date(discovered).getTime() + 3 * 86_400_000),
    ]);
    try {
      const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(discovered);
      const year = Number(london.slice(0, 4)) - (london.slice(5) < '04-01' ? 1 : 0);
      const res = await manager.get(`/returns?year=${year}`);
      expectWelsh(res);
      const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(discovered);
      expect(shown(res)).toContain('3 problem i’w cywiro cyn y ffurflen'.replace('’', "'"));
      expect(shown(res)).toContain(
        `Y cyfnod ar goll a ddechreuodd ar ${day}: dechreuodd ar ddiwrnod pan nad oedd y plentyn yn derbyn gofal`,
      );
      expect(shown(res)).toContain("Gwiriwch y dyddiad yr aeth y plentyn ar goll a'r dyddiad y dechreuodd y gofal.");
    } finally {
      await app.db.dataSource.query(`UPDATE children SET care_started_at = $1 WHERE reference = 'H9PX'`, [careStarted]);
    }
  });
});
