// Turns one fired step into outbox rows: every recipient on each of the step's channels they can
// be reached on (or whichever they have, if none), each falling back to their other channel.
// Planning and writing are apart so that a sweep writes a whole batch's messages in one statement.
import { msg, optional, type TimelineText } from '../missing/timeline-text';
import type { Channel, Fallback } from '../notifications/notification.entity';
import type { OutboxMessage } from '../notifications/outbox';
import type { Tx } from '../platform/database/transaction';
import { runKey } from './due-steps';
import type { EscalationStep, RecipientRole } from './escalation-policy';
import { reasonsLine, reasonsText, rolesText } from './recipient-reasons';
import type { BatchRecipients, EpisodeParty, Reachable } from './recipients';
import type { Audience, LinkClaim } from './signed-link';

export interface StepToSend {
  party: EpisodeParty;
  step: EscalationStep;
  repeat: number;
  /** This run calls those of its recipients who have a voice number (the step's call rule allows it). */
  calls: boolean;
  data(link: LinkClaim | null): object;
  link(audience: Audience): LinkClaim;
}
export interface SentStep {
  count: number;
  audiences: string[];
  recipients: { role: RecipientRole; name: string; channel: string }[];
  nobody: string[];
  summary: string;
  /** The summary as a timeline.* message. */
  summaryText: TimelineText;
}

const visibleRole: Partial<Record<RecipientRole, string>> = {
  police_control_room: 'police',
  missing_persons_unit: 'police',
  host_police_control_room: 'police',
  ceop: 'ceop',
  ictg: 'guardian',
};
/** Roles that have nobody for most children (no parent with PR; not placed out of area): no gap in the set-up then. */
const oftenNobody: RecipientRole[] = ['parents_with_pr', 'host_police_control_room', 'host_authority_coordinator'];

export interface PlannedMessage {
  message: OutboxMessage;
  role: RecipientRole;
  name: string;
  channel: Channel;
}
export interface PlannedStep {
  messages: PlannedMessage[];
  /** The roles with nobody, in words ("police control room"); nobodyRoles are the same roles as keys. */
  nobody: string[];
  nobodyRoles: RecipientRole[];
  /** Messages of this step carried instead by a late entry's one summary alert per recipient. */
  folded?: number;
}

/** The outbox messages one fired step asks for; nothing is written yet, so a batch can write them in one statement. */
export async function planStep(tx: Tx, recipients: BatchRecipients, s: StepToSend): Promise<PlannedStep> {
  const planned: PlannedStep = { messages: [], nobody: [], nobodyRoles: [] };
  const links = new Map<Audience, LinkClaim>();
  for (const role of s.step.recipients) {
    const people = await recipients.resolve(tx, s.party, role);
    // A host role's row without an address: placed out of area, but the force or coordinator has no contact.
    const unreachable = role.startsWith('host_') && people.length > 0 && !people.some((p) => p.mobile || p.email);
    if ((!people.length && !oftenNobody.includes(role)) || unreachable) {
      planned.nobody.push(role.replace(/_/g, ' '));
      planned.nobodyRoles.push(role);
    }
    for (const person of people) {
      const audience = s.step.profileLink ? person.audience : null;
      if (audience && !links.has(audience)) links.set(audience, s.link(audience));
      const data = s.data(audience ? links.get(audience)! : null);
      const channels = channelsFor(person, s.step, s.calls);
      for (const channel of channels) {
        const address = addressOf(person, channel)!;
        const key =
          role === 'alerted'
            ? `${s.party.episodeId}:${s.step.key}:${channel}:${address}`
            : `${s.party.episodeId}:${runKey(s.step.key, s.repeat)}:${channel}:${address}`;
        planned.messages.push({
          role,
          name: person.name,
          channel,
          message: {
            authorityId: s.party.authorityId,
            episodeId: s.party.episodeId,
            stepKey: runKey(s.step.key, s.repeat),
            dedupeKey: key,
            channel,
            recipient: { type: person.type, id: person.id, name: person.name, address },
            template: s.step.template,
            data,
            needsAck: s.step.needsAck,
            fallbacks: fallbacksOf(person, channel, channels),
          },
        });
        if (person.type !== 'carer' && channel !== 'voice') {
          recipients.noteQueued(s.party.episodeId, {
            role: 'alerted',
            type: person.type,
            id: person.id,
            name: person.name,
            mobile: channel === 'sms' ? address : null,
            email: channel === 'email' ? address : null,
            voice: null,
            audience: null,
            only: channel as 'sms' | 'email',
          });
        }
      }
    }
  }
  return planned;
}

/** What a planned step sent, given the outbox's answer for each of its messages (null: a duplicate, skipped). */
export function sentStep(planned: PlannedStep, ids: (string | null)[]): SentStep {
  const sent: SentStep = {
    count: 0,
    audiences: [],
    recipients: [],
    nobody: planned.nobody,
    summary: '',
    summaryText: msg('timeline.sent'),
  };
  planned.messages.forEach(({ role, name, channel }, i) => {
    if (!ids[i]) return;
    sent.count += 1;
    sent.recipients.push({ role, name, channel });
    const visible = visibleRole[role];
    if (visible && !sent.audiences.includes(visible)) sent.audiences.push(visible);
  });
  const to = sent.recipients.map((r) => `${r.name} (${r.channel})`).join(', ');
  sent.summary =
    `${sent.count} message${sent.count === 1 ? '' : 's'}${to ? `: ${to}` : ''}.` +
    reasonsLine(sent.recipients) +
    (planned.folded ? ` ${planned.folded} more in the summary alert of this late entry.` : '') +
    (sent.nobody.length ? ` Nobody is set up as: ${sent.nobody.join(', ')}.` : '');
  sent.summaryText = msg('timeline.sent', {
    count: sent.count,
    to: optional(to, 'timeline.sent.to', {
      recipients: {
        list: sent.recipients.map((r) =>
          msg('timeline.sent.recipient', { name: r.name, channel: msg(`timeline.channel.${r.channel}`) }),
        ),
        sep: ', ',
      },
    }),
    chosen: reasonsText(sent.recipients),
    folded: optional(planned.folded, 'timeline.sent.folded', { count: planned.folded ?? 0 }),
    nobody: optional(sent.nobody.length, 'timeline.sent.nobody', { roles: rolesText(planned.nobodyRoles) }),
  });
  return sent;
}

function addressOf(person: Reachable, channel: Channel): string | null {
  return channel === 'sms' ? person.mobile : channel === 'email' ? person.email : person.voice;
}

/** A call only where the run calls and the person has a voice number; otherwise as the step says, or all they have. */
function channelsFor(person: Reachable, step: EscalationStep, calls: boolean): Channel[] {
  if (person.only) return [person.only];
  const has = (c: Channel) => !!addressOf(person, c);
  const wanted = step.channels.filter((c) => has(c) && (c !== 'voice' || calls));
  return wanted.length ? wanted : (['sms', 'email'] as const).filter(has);
}

/**
 * Text falls back to email and email to text; a call that goes unanswered falls back to whichever of those the
 * person is not already being sent in this run.
 */
function fallbacksOf(person: Reachable, channel: Channel, sending: Channel[]): Fallback[] {
  if (person.only) return [];
  const others: ('sms' | 'email')[] =
    channel === 'voice'
      ? (['sms', 'email'] as const).filter((c) => !sending.includes(c))
      : [channel === 'sms' ? 'email' : 'sms'];
  return others
    .filter((c) => addressOf(person, c))
    .map((c) => ({
      channel: c,
      address: addressOf(person, c)!,
      recipientType: person.type,
      recipientId: person.id,
      recipientName: person.name,
    }));
}
