// The lines people and services write on an episode's timeline: each one's English summary, as the API has
// always given it, and the same line as a timeline.* key with its parameters for pages in either language.
// The English of the key equals the summary (test/unit/timeline-lines.test.ts checks every kind).
import { stepName } from '../escalation/step-names';
import { formatDateTime } from '../platform/views/format';
import { msg, optional, type TimelineLineText, type TimelineParam, type TimelineText } from './timeline-text';

const line = (summary: string, text: TimelineText): TimelineLineText => ({ summary, text });
const returnedClauses = (where?: string | null, by?: string | null) => ({
  where: optional(where, 'timeline.returned.where', { where: where ?? '' }),
  by: optional(by, 'timeline.returned.by', { by: by ?? '' }),
});

export interface ReportedLine {
  kind: 'M' | 'A';
  by: string;
  via: string;
  trafficking: string | null;
  newPlacementDays: number | null;
  policyVersion: number;
  recorded: boolean;
}

export function reportedLine(r: ReportedLine): TimelineLineText {
  const placed = r.newPlacementDays !== null;
  const why = [
    r.trafficking && `trafficking ${r.trafficking}`,
    placed && `placed within ${r.newPlacementDays} days`,
  ].filter(Boolean);
  const whyText = [
    ...(r.trafficking
      ? [msg('timeline.why.trafficking', { status: msg(`timeline.trafficking.${r.trafficking}`) })]
      : []),
    ...(placed ? [msg('timeline.why.newPlacement', { days: r.newPlacementDays! })] : []),
  ];
  return line(
    `Reported ${r.kind === 'M' ? 'missing' : 'away without authorisation'} by ${r.by} via ${r.via}.` +
      (why.length ? ` High risk from the first minute (${why.join('; ')}).` : '') +
      ` Escalation policy version ${r.policyVersion}.` +
      (r.recorded ? ' Recorded after the fact: the episode was over when entered, so no alerts are sent.' : ''),
    msg('timeline.reported', {
      kind: msg(`timeline.kind.${r.kind}`),
      name: r.by,
      via: msg(`timeline.via.${r.via}`),
      highRisk: optional(why.length, 'timeline.reported.highRisk', { why: { list: whyText, sep: '; ' } }),
      version: r.policyVersion,
      recorded: optional(r.recorded, 'timeline.reported.recorded'),
    }),
  );
}

export function returnedLine(where?: string | null, by?: string | null): TimelineLineText {
  return line(
    `Child returned${where ? ` at ${where}` : ''}${by ? `, found by ${by}` : ''}. Return interview due within 72 hours.`,
    msg('timeline.returned', returnedClauses(where, by)),
  );
}

export function returnedAfterTheFactLine(where?: string | null, by?: string | null): TimelineLineText {
  return line(
    `Child returned${where ? ` at ${where}` : ''}${by ? `, found by ${by}` : ''} (recorded after the fact).`,
    msg('timeline.returned.recorded', returnedClauses(where, by)),
  );
}

export function returnedBySmsLine(carer: string): TimelineLineText {
  return line(
    `Child returned, reported by ${carer} by text. Return interview due within 72 hours.`,
    msg('timeline.returned.bySms', { name: carer }),
  );
}

export function policeDetailsLine(reference: string | null, grade: string | null, reason?: string): TimelineLineText {
  const graded = grade ? ` Risk graded ${grade.replace('_', ' ')}: ${reason}` : '';
  return line(
    `Police details recorded${reference ? ` (reference ${reference})` : ''}.${graded}`,
    msg('timeline.police', {
      reference: optional(reference, 'timeline.police.reference', { reference: reference ?? '' }),
      grade: optional(grade, 'timeline.police.grade', { grade: msg(`timeline.risk.${grade}`), reason: reason ?? '' }),
    }),
  );
}

export function sightingLine(
  s: { where: string; at: Date; by?: string | null; details?: string | null },
  tz: string,
): TimelineLineText {
  return line(
    `Sighting at ${s.where} (${formatDateTime(s.at, tz)})${s.by ? ` reported by ${s.by}` : ''}.${s.details ? ` ${s.details}` : ''}`,
    msg('timeline.sighting', {
      where: s.where,
      at: { at: s.at.toISOString(), tz },
      by: optional(s.by, 'timeline.sighting.by', { by: s.by ?? '' }),
      details: optional(s.details, 'timeline.sighting.details', { details: s.details ?? '' }),
    }),
  );
}

export function returnInterviewLine(i: {
  held: boolean;
  declined?: boolean;
  reasonNotHeld?: string | null;
  by?: string | null;
}): TimelineLineText {
  const [what, whatText] = i.held
    ? ['held', msg('timeline.ri.held')]
    : i.declined
      ? ['declined by the child', msg('timeline.ri.declined')]
      : i.reasonNotHeld
        ? [`not held: ${i.reasonNotHeld}`, msg('timeline.ri.notHeld', { reason: i.reasonNotHeld })]
        : ['offered', msg('timeline.ri.offered')];
  return line(
    `Return interview ${what}${i.by ? ` (${i.by})` : ''}.`,
    msg('timeline.ri', { what: whatText, by: optional(i.by, 'timeline.ri.by', { by: i.by ?? '' }) }),
  );
}

export function changedToMissingLine(reason: string): TimelineLineText {
  return line(
    `Changed from away (whereabouts known) to missing (whereabouts unknown); the missing ladder starts now. ${reason}`,
    msg('timeline.changedToMissing', { reason }),
  );
}

/** The reason an episode closes, kept on the episode too; while the child is still missing it says so. */
export function closeReason(reason: string, stillMissing: boolean): { english: string; text: TimelineParam } {
  return stillMissing
    ? {
        english: `Closed while the child is still missing: ${reason}`,
        text: msg('timeline.closed.stillMissing', { reason }),
      }
    : { english: reason, text: reason };
}

export function closedLine(by: string | null, reason: string, reasonText: TimelineParam = reason): TimelineLineText {
  return line(
    `Episode closed${by ? ` by ${by}` : ''}. ${reason}`,
    msg('timeline.closed', { by: optional(by, 'timeline.closed.by', { name: by ?? '' }), reason: reasonText }),
  );
}

export function returnUndoneLine(by: string, reason: string, told: number): TimelineLineText {
  return line(
    `Return undone by ${by}: ${reason}. The child is still missing; ${told} told of the return ${told === 1 ? 'is' : 'are'} told so.`,
    msg('timeline.returnUndone', { name: by, reason, told: msg('timeline.returnUndone.told', { count: told }) }),
  );
}

export function stillMissingLine(what: 'placement' | 'care', reason: string): TimelineLineText {
  const sentence = what === 'placement' ? `The placement ended (${reason}).` : `The child's care ended (${reason}).`;
  return line(
    `${sentence} The child is still missing, so the episode and its escalation stay open.`,
    msg(what === 'placement' ? 'timeline.placementEnded' : 'timeline.careEnded', { reason }),
  );
}

export function carerUpdateLine(body: string): TimelineLineText {
  return line(`Update from the carer by text: ${body.trim()}`, msg('timeline.carerUpdate', { text: body.trim() }));
}

/** Who acknowledged, as the timeline names them: a person, or the recipients of a profile link. */
export type Acknowledger = { name: string } | { names: string; through: 'profile_link' };

function acknowledgerName(a: Acknowledger): { english: string; text: TimelineParam } {
  if ('name' in a) return { english: a.name, text: a.name };
  return {
    english: `${a.names} (through the profile link)`,
    text: msg('timeline.ack.profileLink', { names: a.names }),
  };
}

export function acknowledgedLine(by: Acknowledger, stepKey: string): TimelineLineText {
  const name = acknowledgerName(by);
  return line(
    `${name.english} acknowledged the alert “${stepName(stepKey)}”; it will not be repeated.`,
    msg('timeline.ack', { name: name.text, step: { stepName: stepKey } }),
  );
}

export function acknowledgedByPhoneLine(name: string, stepKey: string): TimelineLineText {
  return line(
    `Acknowledged by phone by ${name} (1 pressed on the call): the alert “${stepName(stepKey)}” will not be repeated.`,
    msg('timeline.ack.byPhone', { name, step: { stepName: stepKey } }),
  );
}
