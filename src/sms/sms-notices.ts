// Who hears of a text that a person must read: a carer's update on an open episode goes to the
// child's social worker and the duty managers; an urgent-sounding text nobody could act on goes to
// the duty managers at once. The message says only that there is something to read and where
// (behind sign-in): never the text itself, which may name the child or a place.
import type { Tx } from '../platform/database/transaction';
import type { RecipientType } from '../notifications/notification.entity';
import type { NotificationOutbox, OutboxMessage } from '../notifications/outbox';
import { activeDutyManagers } from '../notifications/duty-managers.query';
import { ChildrenRepository } from '../children/children.repository';

const QUARTER_HOUR = 15 * 60_000;

interface Person { id: string; name: string; mobile: string | null; email: string | null }
type Message = Pick<OutboxMessage, 'authorityId' | 'episodeId' | 'dedupeKey' | 'template' | 'data'>;

/** By SMS where there is a mobile, by email otherwise; email is the fallback of a failed SMS. */
function toPerson(person: Person, type: RecipientType, m: Message): OutboxMessage | null {
  const address = person.mobile ?? person.email;
  if (!address) return null;
  const fallbacks = person.mobile && person.email
    ? [{ channel: 'email' as const, address: person.email, recipientType: type, recipientId: person.id, recipientName: person.name }] : [];
  return { ...m, dedupeKey: `${m.dedupeKey}:${person.id}`, channel: person.mobile ? 'sms' : 'email',
    recipient: { type, id: person.id, name: person.name, address }, fallbacks };
}

export class SmsNotices {
  constructor(private readonly outbox: NotificationOutbox, private readonly publicBaseUrl: string, private readonly children = new ChildrenRepository()) {}

  /**
   * "New update on E-XXXX" to the child's social worker and the duty managers: one notice a quarter
   * of an hour for an episode, however many texts the carer sends in it (each is on the timeline).
   */
  async carerUpdate(tx: Tx, e: { authorityId: string; episodeId: string; episodeRef: string; childId: string; childRef: string; at: Date }): Promise<void> {
    const quarter = Math.floor(e.at.getTime() / QUARTER_HOUR);
    const message: Message = { authorityId: e.authorityId, episodeId: e.episodeId, dedupeKey: `carer-update:${e.episodeId}:${quarter}`, template: 'carer-update',
      data: { episodeRef: e.episodeRef, childRef: e.childRef, link: `${this.publicBaseUrl}/episodes/${e.episodeId}` } };
    const worker = await this.children.socialWorker(tx, e.childId);
    const people = [...(worker ? [toPerson(worker, 'user', message)] : []),
      ...(await activeDutyManagers(tx, e.authorityId)).map((m) => toPerson(m, 'duty', message))];
    await this.outbox.enqueueMany(tx, people.filter((m): m is OutboxMessage => m !== null));
  }

  /** An urgent-sounding text waits in the duty queue: the duty managers are told to read it now. */
  async urgentText(tx: Tx, authorityId: string, messageSid: string, receivedAt: string): Promise<void> {
    const message: Message = { authorityId, dedupeKey: `urgent-text:${messageSid}`, template: 'urgent-text',
      data: { receivedAt, link: `${this.publicBaseUrl}/admin/texts` } };
    const managers = await activeDutyManagers(tx, authorityId);
    await this.outbox.enqueueMany(tx, managers.map((m) => toPerson(m, 'duty', message)).filter((m): m is OutboxMessage => m !== null));
  }
}
