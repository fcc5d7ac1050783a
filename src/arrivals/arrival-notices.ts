// Tells the police and the guardian service of a child identified at a port, through the outbox in
// the arrival's transaction: the child's reference, the port and the date, never a name (Newbridge
// and Paladin need to know who landed, and an SMS can be read over a shoulder). The referred ICTG
// service is told too when the referral names its mobile or email.
import type { NotificationOutbox, OutboxMessage, Recipient } from '../notifications/outbox';
import type { Tx } from '../platform/database/transaction';
import { isoDate } from '../platform/wall-clock';
import { ArrivalNoticesRepository } from './arrival-notices.repository';

export const ARRIVAL_TEMPLATE = 'arrival-notice';

export interface ArrivalFacts {
  authorityId: string;
  childId: string;
  childRef: string;
  port: string;
  arrivedAt: Date;
  identifiedBy: string;
  guardian: { id: string; name: string; mobile: string | null; email: string | null };
}

const identifiedByLabels: Record<string, string> = {
  border_referral: 'Border Force',
  police: 'police',
  self_presented: 'self-presented',
  other: 'other',
};

export class ArrivalNotices {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly displayTimeZone: string,
    private readonly repo = new ArrivalNoticesRepository(),
  ) {}

  /** Queues an SMS and an email to each contact as they can be reached; returns how many messages. */
  async tell(tx: Tx, facts: ArrivalFacts): Promise<number> {
    const [y, m, d] = isoDate(facts.arrivedAt, this.displayTimeZone).split('-');
    const data = {
      childRef: facts.childRef,
      port: facts.port,
      on: `${d}/${m}/${y}`,
      identifiedBy: identifiedByLabels[facts.identifiedBy] ?? facts.identifiedBy,
      authority: await this.repo.authorityName(tx, facts.authorityId),
    };
    const recipients: {
      type: Recipient['type'];
      id: string;
      name: string;
      mobile: string | null;
      email: string | null;
    }[] = (await this.repo.contacts(tx, facts.authorityId)).map((c) => ({ ...c, type: 'contact' as const }));
    recipients.push({ ...facts.guardian, type: 'guardian' });
    const messages: OutboxMessage[] = [];
    for (const r of recipients) {
      for (const [channel, address] of [
        ['sms', r.mobile],
        ['email', r.email],
      ] as const) {
        if (!address) continue;
        messages.push({
          authorityId: facts.authorityId,
          channel,
          template: ARRIVAL_TEMPLATE,
          data,
          dedupeKey: `arrival:${facts.childId}:${r.type}:${r.id}:${channel}`,
          recipient: { type: r.type, id: r.id, name: r.name, address },
        });
      }
    }
    return (await this.outbox.enqueueMany(tx, messages)).filter(Boolean).length;
  }
}
