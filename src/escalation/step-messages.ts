// Turns one fired step into outbox rows: every recipient on each of the step's channels they can
// be reached on (or whichever they have, if none), each falling back to their other channel.
import type { Tx } from '../platform/database/transaction';
import type { Fallback } from '../notifications/notification.entity';
import type { NotificationOutbox } from '../notifications/outbox';
import type { EscalationStep, RecipientRole } from './escalation-policy';
import { runKey } from './due-steps';
import type { EpisodeParty, Reachable, RecipientResolver } from './recipients';
import type { Audience } from './signed-link';

type Link = { url: string; expiresAt: Date };
export interface StepToSend {
  party: EpisodeParty;
  step: EscalationStep;
  repeat: number;
  data(link: Link | null): object;
  link(audience: Audience): Link;
}
export interface SentStep { count: number; audiences: string[]; recipients: { role: string; name: string; channel: string }[]; nobody: string[]; summary: string }

const visibleRole: Partial<Record<RecipientRole, string>> = { police_control_room: 'police', missing_persons_unit: 'police', ceop: 'ceop', ictg: 'guardian' };

export async function sendStep(tx: Tx, outbox: NotificationOutbox, resolver: RecipientResolver, s: StepToSend): Promise<SentStep> {
  const sent: SentStep = { count: 0, audiences: [], recipients: [], nobody: [], summary: '' };
  const nobody = sent.nobody;
  const links = new Map<Audience, Link>();
  for (const role of s.step.recipients) {
    const people = await resolver.resolve(tx, s.party, role);
    // Most trafficked children have no parent with PR here: that is no gap in the set-up.
    if (!people.length && role !== 'parents_with_pr') nobody.push(role.replace(/_/g, ' '));
    for (const person of people) {
      const audience = s.step.profileLink ? person.audience : null;
      if (audience && !links.has(audience)) links.set(audience, s.link(audience));
      const data = s.data(audience ? links.get(audience)! : null);
      for (const channel of channelsFor(person, s.step)) {
        const address = (channel === 'sms' ? person.mobile : person.email)!;
        const key = role === 'alerted' ? `${s.party.episodeId}:${s.step.key}:${channel}:${address}`
          : `${s.party.episodeId}:${runKey(s.step.key, s.repeat)}:${channel}:${address}`;
        const row = await outbox.enqueue(tx, {
          authorityId: s.party.authorityId, episodeId: s.party.episodeId, stepKey: runKey(s.step.key, s.repeat), dedupeKey: key,
          channel, recipient: { type: person.type, id: person.id, name: person.name, address }, template: s.step.template, data,
          needsAck: s.step.needsAck, fallbacks: fallbacksOf(person, channel),
        });
        if (!row) continue;
        sent.count += 1;
        sent.recipients.push({ role, name: person.name, channel });
        const visible = visibleRole[role];
        if (visible && !sent.audiences.includes(visible)) sent.audiences.push(visible);
      }
    }
  }
  const to = sent.recipients.map((r) => `${r.name} (${r.channel})`).join(', ');
  sent.summary = `${sent.count} message${sent.count === 1 ? '' : 's'}${to ? `: ${to}` : ''}.`
    + (nobody.length ? ` Nobody is set up as: ${nobody.join(', ')}.` : '');
  return sent;
}

function channelsFor(person: Reachable, step: EscalationStep): ('sms' | 'email')[] {
  if (person.only) return [person.only];
  const has = (c: 'sms' | 'email') => !!(c === 'sms' ? person.mobile : person.email);
  const wanted = step.channels.filter(has);
  return wanted.length ? wanted : (['sms', 'email'] as const).filter(has);
}

function fallbacksOf(person: Reachable, channel: 'sms' | 'email'): Fallback[] {
  const other = channel === 'sms' ? person.email : person.mobile;
  if (!other || person.only) return [];
  return [{ channel: channel === 'sms' ? 'email' : 'sms', address: other, recipientType: person.type, recipientId: person.id, recipientName: person.name }];
}
