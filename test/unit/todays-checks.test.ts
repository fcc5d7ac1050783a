// Today's bed checks (pure): the schedule's checks from 12 hours back to 16 ahead, each with what
// happened to it; a check sent wins over the schedule, a check 15 minutes late and unsent is "not sent".
import type { CheckRow } from '../../src/bed-checks/bed-checks.repository';
import { todaysChecks } from '../../src/bed-checks/todays-checks';

const schedule = [
  {
    childId: 'c',
    schedule: { times: ['23:00', '02:00', '06:00'], days: 3 },
    windowStart: new Date('2026-11-20T18:00:00Z'),
  },
];
const row = (dueAt: string, over: Partial<CheckRow> = {}): CheckRow => ({
  id: dueAt,
  childId: 'c',
  dueAt: new Date(dueAt),
  sentAt: new Date(dueAt),
  expiresAt: new Date(Date.parse(dueAt) + 3 * 3_600_000),
  escalatedAt: null,
  answeredAt: null,
  answer: null,
  episodeId: null,
  ...over,
});
const states = (now: string, sent: CheckRow[]) =>
  todaysChecks(schedule, sent, new Date(now)).map((c) => `${c.dueAt.toISOString().slice(11, 16)} ${c.state}`);

it('at 14:00 shows the morning and the whole coming night, all due', () => {
  expect(states('2026-11-21T14:00:00Z', [])).toEqual([
    '02:00 not_sent',
    '06:00 not_sent',
    '23:00 due',
    '02:00 due',
    '06:00 due',
  ]);
});

it('tags each check sent by what happened: home, not home, missed, waiting; an unsent one is due for 15 minutes', () => {
  const sent = [
    row('2026-11-21T23:00:00Z', { answer: 'yes', answeredAt: new Date('2026-11-21T23:04:00Z') }),
    row('2026-11-22T02:00:00Z', { escalatedAt: new Date('2026-11-22T02:30:00Z') }),
  ];
  expect(states('2026-11-22T02:20:00Z', sent)).toEqual(['23:00 home', '02:00 missed', '06:00 due']);
  expect(states('2026-11-22T02:20:00Z', [sent[0], row('2026-11-22T02:00:00Z')])).toEqual([
    '23:00 home',
    '02:00 waiting',
    '06:00 due',
  ]);
  expect(states('2026-11-22T06:10:00Z', [row('2026-11-22T02:00:00Z', { answer: 'no' })])).toContain('02:00 not_home');
  expect(states('2026-11-22T06:10:00Z', [])).toContain('06:00 due');
  expect(states('2026-11-22T06:15:00Z', [])).toContain('06:00 not_sent');
});
