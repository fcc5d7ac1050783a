// The escalation ladder as a pure function: a table of episodes, runs and times, and what must
// fire or be skipped (and why), and when to look again.
import { defaultPolicy } from '../../src/escalation/default-policy';
import { dueSteps, EpisodeSnapshot, FiredKeys, runKey } from '../../src/escalation/due-steps';
import type { PolicySnapshot } from '../../src/escalation/escalation-policy';
import { addWorkingDaysToInstant as addWorkingDays } from '../../src/platform/working-days';

const policy: PolicySnapshot = { version: 1, ...defaultPolicy };
const T0 = new Date('2026-11-23T02:00:00Z'); // a Monday
const h = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

function episode(over: Partial<EpisodeSnapshot> = {}): EpisodeSnapshot {
  return {
    kind: 'M',
    missingSince: null,
    discoveredAt: T0,
    reportedAt: T0,
    returnedAt: null,
    closedAt: null,
    riskHighAt: null,
    riskGrade: null,
    highRiskFromStart: true,
    traffickingStatus: 'suspected',
    placementStartedAt: h(-48),
    repeatCount: 1,
    returnInterviewPending: true,
    acknowledgedSteps: [],
    ...over,
  };
}

/** Everything that was due up to (not including) these hours already ran. */
function ranBefore(ep: EpisodeSnapshot, at: Date): Map<string, 'fired' | 'skipped'> {
  const fired = new Map<string, 'fired' | 'skipped'>();
  for (let i = 0; i < 10; i++) {
    const { decisions } = dueSteps(ep, policy, fired, at);
    if (!decisions.length) break;
    for (const d of decisions) fired.set(runKey(d.step.key, d.repeat), d.action === 'fire' ? 'fired' : 'skipped');
  }
  return fired;
}

const show = (ep: EpisodeSnapshot, fired: FiredKeys, at: Date) =>
  dueSteps(ep, policy, fired, at)
    .decisions.map((d) => `${d.action} ${d.step.key}#${d.repeat}${d.action === 'skip' ? `: ${d.reason}` : ''}`)
    .sort();

describe('dueSteps', () => {
  // `ran`: everything due up to then already ran, with the episode as it was (`before` overrides).
  const cases: {
    name: string;
    ep: EpisodeSnapshot;
    before?: Partial<EpisodeSnapshot>;
    ran: Date | null;
    at: Date;
    expected: string[];
  }[] = [
    {
      name: 'at the report: police, team, carer, operational group and (high risk from the first minute) head of service at once; repeat missing skipped',
      ep: episode(),
      ran: null,
      at: T0,
      expected: [
        'fire carer_confirmation#0',
        'fire operational_group#0',
        'fire report_police#0',
        'fire report_team#0',
        'fire risk_high#0',
        'skip repeat_missing#0: Condition not met: this is episode 1 in 30 days; this step needs 3.',
      ],
    },
    { name: 'nothing more before the next step is due', ep: episode(), ran: T0, at: h(0.2), expected: [] },
    {
      name: 'an unacknowledged police alert repeats after 15 minutes',
      ep: episode(),
      ran: T0,
      at: h(0.25),
      expected: ['fire report_police#1'],
    },
    {
      name: 'after downtime only the latest overdue repeat is sent',
      ep: episode(),
      ran: T0,
      at: h(0.9),
      expected: ['fire report_police#3', 'fire report_police_next#0', 'fire risk_high#1'],
    },
    {
      name: 'an alert nobody acknowledged moves on to the next contact after 30 minutes',
      ep: episode(),
      ran: h(0.4),
      at: h(0.5),
      expected: ['fire report_police#2', 'fire report_police_next#0', 'fire risk_high#1'],
    },
    {
      name: 'an acknowledged alert does not move on',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high'] }),
      ran: h(0.4),
      at: h(0.5),
      expected: ['skip report_police_next#0: Condition not met: the report_police alert was acknowledged.'],
    },
    {
      name: 'an acknowledged alert is not repeated',
      ep: episode({ acknowledgedSteps: ['report_police'] }),
      before: { acknowledgedSteps: [] },
      ran: T0,
      at: h(0.1),
      expected: ['skip report_police#1: The alert was acknowledged, so it is not repeated.'],
    },
    {
      name: 'the same-day notice after an hour',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high'] }),
      ran: h(0.5),
      at: h(1),
      expected: ['fire same_day#0', 'skip risk_high_next#0: Condition not met: the risk_high alert was acknowledged.'],
    },
    // Reported 30 hours late, the head of service's +24 h alert is already hours overdue: its latest repeat, and the
    // director at once.
    {
      name: '+24 hours from discovery, even when reported late',
      ep: episode({ reportedAt: h(30), acknowledgedSteps: ['report_police'] }),
      ran: null,
      at: h(30),
      expected: expect.arrayContaining([
        'fire plus_24h#2',
        'fire plus_24h_next#0',
        'fire report_police#0',
      ]) as unknown as string[],
    },
    {
      name: 'the head of service unacknowledged at the report: repeated after 30 minutes',
      ep: episode({ acknowledgedSteps: ['report_police'] }),
      ran: h(0.45),
      at: h(0.5),
      expected: [
        'fire risk_high#1',
        'skip report_police_next#0: Condition not met: the report_police alert was acknowledged.',
      ],
    },
    {
      name: 'the head of service still unacknowledged after an hour: repeated, and moved on to the director',
      ep: episode({ acknowledgedSteps: ['report_police'] }),
      ran: h(0.9),
      at: h(1),
      expected: ['fire risk_high#2', 'fire risk_high_next#0', 'fire same_day#0'],
    },
    {
      name: 'the head of service acknowledged: neither repeated nor moved on',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high'] }),
      before: { acknowledgedSteps: ['report_police'] },
      ran: h(0.9),
      at: h(1),
      expected: [
        'fire same_day#0',
        'skip risk_high#2: The alert was acknowledged, so it is not repeated.',
        'skip risk_high_next#0: Condition not met: the risk_high alert was acknowledged.',
      ],
    },
    {
      name: '+24 hours unacknowledged: the head of service again, then the director',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high'] }),
      ran: h(24.9),
      at: h(25),
      expected: ['fire plus_24h#2', 'fire plus_24h_next#0'],
    },
    {
      name: 'CEOP unacknowledged at +48 hours: repeated after 30 minutes',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high', 'plus_24h'] }),
      ran: h(48.4),
      at: h(48.5),
      expected: ['fire plus_48h#1'],
    },
    {
      name: 'CEOP still unacknowledged after an hour: moves on to the senior manager and the duty manager',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high', 'plus_24h'] }),
      ran: h(48.9),
      at: h(49),
      expected: ['fire plus_48h#2', 'fire plus_48h_next#0'],
    },
    {
      name: 'CEOP acknowledged: not moved on',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high', 'plus_24h', 'plus_48h'] }),
      before: { acknowledgedSteps: ['report_police', 'risk_high', 'plus_24h'] },
      ran: h(48.9),
      at: h(49),
      expected: [
        'skip plus_48h#2: The alert was acknowledged, so it is not repeated.',
        'skip plus_48h_next#0: Condition not met: the plus_48h alert was acknowledged.',
      ],
    },
    {
      name: 'the director unacknowledged at +72 hours: moves on to the duty manager after an hour',
      ep: episode({ acknowledgedSteps: ['report_police', 'risk_high', 'plus_24h', 'plus_48h'] }),
      ran: h(72.9),
      at: h(73),
      expected: ['fire plus_72h#2', 'fire plus_72h_next#0'],
    },
    {
      name: 'a child not at risk from the start: the head of service waits for a high grade',
      ep: episode({ highRiskFromStart: false }),
      ran: null,
      at: T0,
      expected: [
        'fire carer_confirmation#0',
        'fire operational_group#0',
        'fire report_police#0',
        'fire report_team#0',
        'skip repeat_missing#0: Condition not met: this is episode 1 in 30 days; this step needs 3.',
      ],
    },
    {
      name: 'risk graded high fires at once',
      ep: episode({
        highRiskFromStart: false,
        riskGrade: 'high',
        riskHighAt: h(3),
        acknowledgedSteps: ['report_police'],
      }),
      ran: h(2.9),
      at: h(3),
      expected: ['fire risk_high#0'],
    },
    {
      name: 'a return stops the missing steps and sends the found notice',
      ep: episode({ returnedAt: h(30), acknowledgedSteps: ['report_police'] }),
      before: { returnedAt: null },
      ran: h(29),
      at: h(30),
      expected: [
        'fire found#0',
        'skip plus_48h#0: The child returned before this step was due.',
        'skip plus_48h_next#0: The child returned before this step was due.',
        'skip plus_5_working_days#0: The child returned before this step was due.',
        'skip plus_72h#0: The child returned before this step was due.',
        'skip plus_72h_next#0: The child returned before this step was due.',
        'skip weekly_review#0: The child returned before this step was due.',
      ],
    },
    {
      name: 'the return interview overdue 72 hours after the return',
      ep: episode({ returnedAt: h(2) }),
      ran: h(73.9),
      at: h(74),
      expected: ['fire return_interview_overdue#0'],
    },
    {
      name: 'no overdue alert when the interview was held',
      ep: episode({ returnedAt: h(2), returnInterviewPending: false }),
      ran: h(73.9),
      at: h(74),
      expected: [
        'skip return_interview_overdue#0: Condition not met: the return interview was held, declined or explained.',
      ],
    },
    {
      name: 'the third episode in 30 days',
      ep: episode({ repeatCount: 3 }),
      ran: null,
      at: T0,
      expected: expect.arrayContaining(['fire repeat_missing#0']) as unknown as string[],
    },
    {
      name: 'closing skips everything still to come but owes the found notice',
      ep: episode({ closedAt: h(5), acknowledgedSteps: ['report_police'] }),
      before: { closedAt: null },
      ran: h(4),
      at: h(5),
      expected: expect.arrayContaining([
        'fire found#0',
        'skip plus_24h#0: The episode is closed, so escalation has stopped.',
        'skip return_interview_overdue#0: The episode is closed, so escalation has stopped.',
      ]) as unknown as string[],
    },
    {
      name: 'away (whereabouts known): the social worker and duty manager, never police',
      ep: episode({ kind: 'A' }),
      ran: null,
      at: T0,
      expected: [
        'fire away_team#0',
        'fire operational_group#0',
        'skip repeat_missing#0: Condition not met: this is episode 1 in 30 days; this step needs 3.',
      ],
    },
    {
      name: 'away for a day: still no police and no +24 hours',
      ep: episode({ kind: 'A' }),
      ran: T0,
      at: h(30),
      expected: [],
    },
    {
      name: 'away changed to missing at +30 h: the missing ladder starts then',
      ep: episode({ kind: 'M', missingSince: h(30) }),
      before: { kind: 'A', missingSince: null },
      ran: h(29),
      at: h(30),
      expected: ['fire carer_confirmation#0', 'fire report_police#0', 'fire report_team#0', 'fire risk_high#0'],
    },
    {
      name: 'and its +24 hours is a day after it became missing, not after discovery',
      ep: episode({ kind: 'M', missingSince: h(30), acknowledgedSteps: ['report_police'] }),
      ran: h(53),
      at: h(54),
      expected: ['fire plus_24h#0'],
    },
  ];

  it.each(cases)('$name', ({ ep, before, ran, at, expected }) => {
    const fired = ran ? ranBefore({ ...ep, ...before }, ran) : new Map();
    expect(show(ep, fired, at)).toEqual(expected);
  });

  it('says when to look again: the earliest step still to come', () => {
    const ep = episode({ acknowledgedSteps: ['report_police'] });
    expect(dueSteps(ep, policy, ranBefore(ep, h(0.5)), h(0.5)).nextAt).toEqual(h(1));
    expect(dueSteps(ep, policy, ranBefore(ep, h(1)), h(1)).nextAt).toEqual(h(24));
  });

  it('looks again at the next repeat of an alert nobody has acknowledged', () => {
    const { nextAt } = dueSteps(episode(), policy, new Map(), T0);
    expect(nextAt).toEqual(h(0.25));
  });

  it('has nothing to look forward to once closed', () => {
    const ep = episode({ closedAt: h(1), returnedAt: h(1) });
    expect(dueSteps(ep, policy, ranBefore(ep, h(1)), h(1)).nextAt).toBeNull();
  });

  it('checks the risk and trafficking conditions a policy sets', () => {
    const strict: PolicySnapshot = {
      ...policy,
      steps: [{ ...policy.steps[0], key: 'only_high', when: { risk: ['high'], trafficking: ['confirmed'] } }],
    };
    const low = dueSteps(episode({ highRiskFromStart: false, riskGrade: 'low' }), strict, new Map(), T0).decisions[0];
    expect(low.reason).toBe('Condition not met: the risk is low; this step needs high.');
    const suspected = dueSteps(episode(), strict, new Map(), T0).decisions[0];
    expect(suspected.reason).toBe('Condition not met: the trafficking status is suspected; this step needs confirmed.');
  });

  it('counts working days over a weekend', () => {
    expect(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 5).toISOString()).toBe('2026-12-04T10:00:00.000Z'); // Friday to Friday
    expect(addWorkingDays(new Date('2026-11-23T10:00:00Z'), 1).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});
