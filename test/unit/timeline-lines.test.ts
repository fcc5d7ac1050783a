// Every kind of timeline line, in each of its forms: the English rendered from its timeline.* key is the
// English summary stored beside it (which the API gives unchanged), and the Welsh leaves no English
// catalogue phrase but the data (names, references, people's own words).
import type { EscalationStep, PolicySnapshot } from '../../src/escalation/escalation-policy';
import { type PlannedStep, sentStep } from '../../src/escalation/step-messages';
import { fireReason, type Reason, reasons, unmetCondition } from '../../src/escalation/step-reasons';
import * as lines from '../../src/missing/timeline-lines';
import { renderTimeline, type TimelineLineText } from '../../src/missing/timeline-text';
import { Catalogues } from '../../src/platform/i18n/catalogue';
import { localesDir } from '../../src/platform/i18n/shipped';
import { englishLeft } from '../support/welsh';

const catalogues = new Catalogues(localesDir());
const en = catalogues.translator('en');
const cy = catalogues.translator('cy');
const at = new Date(Date.UTC(2026, 11, 5, 19, 4));
const asLine = (r: Reason): TimelineLineText => ({ summary: r.english, text: r.text });

const step = (over: Partial<EscalationStep>): EscalationStep => ({
  key: 'plus_24h',
  template: 'alert',
  from: 'reported',
  recipients: ['police_control_room'],
  channels: ['sms'],
  needsAck: false,
  ...over,
});
const policy = { settings: { newPlacementDays: 28, repeatWindowDays: 30 } } as unknown as PolicySnapshot;
const facts = {
  risk: null,
  traffickingStatus: 'not_trafficked',
  newPlacement: false,
  repeatCount: 1,
  acknowledgedSteps: ['report_police'],
  returnInterviewPending: true,
};
const planned = (messages: [string, string, 'sms' | 'email' | 'voice'][], extra: Partial<PlannedStep> = {}) =>
  ({
    messages: messages.map(([role, name, channel]) => ({ role, name, channel, message: {} })),
    nobody: [],
    nobodyRoles: [],
    ...extra,
  }) as unknown as PlannedStep;
const sent = (p: PlannedStep) => {
  const s = sentStep(
    p,
    p.messages.map((_, i) => String(i)),
  );
  return { summary: s.summary, text: s.summaryText };
};

const cases: [string, TimelineLineText][] = [
  ...[true, false].flatMap((recorded) =>
    [
      { trafficking: 'suspected', newPlacementDays: 28 },
      { trafficking: 'confirmed', newPlacementDays: null },
      { trafficking: null, newPlacementDays: 0 },
      { trafficking: null, newPlacementDays: null },
    ].map((r, i): [string, TimelineLineText] => [
      `reported ${i} ${recorded}`,
      lines.reportedLine({
        kind: i % 2 ? 'A' : 'M',
        by: 'Sam Worker',
        via: ['sms', 'web', 'phone'][i % 3],
        policyVersion: 3,
        recorded,
        ...r,
      }),
    ]),
  ),
  ['returned', lines.returnedLine('Cardiff Central', 'PC Jones')],
  ['returned bare', lines.returnedLine(null, null)],
  ['returned after the fact', lines.returnedAfterTheFactLine('Bangor', null)],
  ['returned by text', lines.returnedBySmsLine('Carla Carer')],
  ['police', lines.policeDetailsLine('GW-1234', 'very_low', 'Known address')],
  ['police bare', lines.policeDetailsLine(null, null)],
  ['sighting', lines.sightingLine({ where: 'Stryd y Frenhines', at, by: 'Dai', details: 'Cot goch' }, 'Europe/London')],
  ['sighting bare', lines.sightingLine({ where: 'Aberystwyth', at }, 'Europe/London')],
  ['interview held', lines.returnInterviewLine({ held: true, by: 'Siân' })],
  ['interview declined', lines.returnInterviewLine({ held: false, declined: true })],
  ['interview not held', lines.returnInterviewLine({ held: false, reasonNotHeld: 'Sâl' })],
  ['interview offered', lines.returnInterviewLine({ held: false })],
  ['changed to missing', lines.changedToMissingLine('Ffôn wedi diffodd')],
  ['closed', lines.closedLine('Mo Manager', 'Wedi dychwelyd')],
  [
    'closed still missing',
    (() => {
      const r = lines.closeReason('Symud i Loegr', true);
      return lines.closedLine('Mo Manager', r.english, r.text);
    })(),
  ],
  ['closed by nobody', lines.closedLine(null, 'Diwedd')],
  ...[0, 1, 2, 3].map((n): [string, TimelineLineText] => [
    `undone ${n}`,
    lines.returnUndoneLine('Mo', 'Camgymeriad', n),
  ]),
  ['placement ended', lines.stillMissingLine('placement', 'Chwalfa')],
  ['care ended', lines.stillMissingLine('care', '18 oed')],
  ['carer update', lines.carerUpdateLine('  seen at the bus stop ')],
  ['acknowledged', lines.acknowledgedLine({ name: 'PC Jones' }, 'report_police')],
  ['acknowledged by link', lines.acknowledgedLine({ names: 'PC Jones, Ceri', through: 'profile_link' }, 'plus_24h')],
  ['acknowledged by phone', lines.acknowledgedByPhoneLine('PC Jones', 'risk_high')],
  ...Object.entries(reasons)
    .filter((e): e is [string, Reason] => typeof e[1] !== 'function')
    .map(([k, r]): [string, TimelineLineText] => [`reason ${k}`, asLine(r)]),
  ['fire repeat', asLine(fireReason(step({}), 2, false))],
  ['fire at', asLine(fireReason(step({}), 0, false))],
  ['fire working days', asLine(fireReason(step({ delayWorkingDays: 5 }), 0, false))],
  ...[1, 30, 60, 90, 120, 1440, 7 * 1440, 14 * 1440 + 60].map((m): [string, TimelineLineText] => [
    `fire after ${m}`,
    asLine(fireReason(step({ delayMinutes: m, from: 'discovered' }), 0, false)),
  ]),
  ['fire high risk', asLine(fireReason(step({ from: 'risk_high', delayMinutes: 30 }), 0, false))],
  ['fire high from start', asLine(fireReason(step({ from: 'risk_high' }), 0, true))],
  ['fire returned', asLine(fireReason(step({ from: 'returned', delayMinutes: 60 }), 0, false))],
  ...[
    { risk: ['high', 'medium'] },
    { trafficking: ['suspected', 'confirmed'] },
    { newPlacement: true },
    { repeatCountAtLeast: 3 },
    { notAcknowledged: 'report_police' },
    { returnInterviewPending: false },
  ].map((when, i): [string, TimelineLineText] => [
    `unmet ${i}`,
    asLine(reasons.unmet(unmetCondition(when as never, facts, policy)!)),
  ]),
  [
    'unmet new',
    asLine(reasons.unmet(unmetCondition({ newPlacement: false }, { ...facts, newPlacement: true }, policy)!)),
  ],
  ['unmet graded', asLine(reasons.unmet(unmetCondition({ risk: ['high'] }, { ...facts, risk: 'low' }, policy)!))],
  [
    'unmet interview pending',
    asLine(
      reasons.unmet(
        unmetCondition({ returnInterviewPending: true }, { ...facts, returnInterviewPending: false }, policy)!,
      ),
    ),
  ],
  ['sent none', sent(planned([]))],
  [
    'sent',
    sent(
      planned([
        ['police_control_room', 'Gwent control room', 'sms'],
        ['police_control_room', 'Gwent control room', 'email'],
        ['social_worker', 'Sam Worker', 'voice'],
      ]),
    ),
  ],
  [
    'sent folded, nobody',
    sent(
      planned([['ceop', 'CEOP desk', 'email']], {
        folded: 2,
        nobody: ['duty manager', 'iro'],
        nobodyRoles: ['duty_manager', 'iro'],
      }),
    ),
  ],
];

describe.each(cases)('the %s line', (_name, line) => {
  it('renders from its key as the English stored', () => {
    expect(renderTimeline(line.text, en, false)).toBe(line.summary);
  });

  it('renders in Welsh with no English catalogue phrase left', () => {
    const welsh = renderTimeline(line.text, cy);
    expect(englishLeft(welsh)).toEqual([]);
    expect(welsh).not.toBe(line.summary);
  });
});

it('keeps the parameters as data: a JSON round trip renders the same', () => {
  for (const [, line] of cases)
    expect(renderTimeline(JSON.parse(JSON.stringify(line.text)), cy)).toBe(renderTimeline(line.text, cy));
});

it('names steps in the reader’s language on a page, and by key in the English stored', () => {
  const line = lines.acknowledgedLine({ name: 'PC Jones' }, 'report_police');
  expect(renderTimeline(line.text, cy)).toBe(
    'Mae PC Jones wedi cydnabod y rhybudd “Rhoddwyd gwybod i ystafell reoli’r heddlu”; ni chaiff ei ailadrodd.',
  );
  const sighting = lines.sightingLine({ where: 'Y Rhyl', at }, 'Europe/London');
  expect(renderTimeline(sighting.text, cy)).toContain('5 Rhag 2026');
});
