// Who hears of a text that a person must read: a carer's update on an open episode goes to the
// child's social worker and the duty managers; an urgent-sounding text nobody could act on goes to
// the duty managers at once. The message says only that there is something to read and where
// (behind sign-in): never the text itself, which may name the child or a place.
import { ChildrenRepository } from '../children/children.repository';
import { activeDutyManagers } from '../notifications/duty-managers.repository';
import type { NotificationOutbox } from '../notifications/outbox';
import { messageToPerson, PersonMessage, reachable } from '../notifications/person-message';
import type { Tx } from '../platform/database/transaction';

const QUARTER_HOUR = 15 * 60_000;

export class SmsNotices {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly publicBaseUrl: string,
    private readonly children = new ChildrenRepository(),
  ) {}

  /**
   * "New update on E-XXXX" to the child's social worker and the duty managers: one notice a quarter
   * of an hour for an episode, however many texts the carer sends in it (each is on the timeline).
   */
  async carerUpdate(
    tx: Tx,
    e: { authorityId: string; episodeId: string; episodeRef: string; childId: string; childRef: string; at: Date },
  ): Promise<void> {
    const quarter = Math.floor(e.at.getTime() / QUARTER_HOUR);
    const message: PersonMessage = {
      authorityId: e.authorityId,
      episodeId: e.episodeId,
      dedupeKey: `carer-update:${e.episodeId}:${quarter}`,
      template: 'carer-update',
      data: { episodeRef: e.episodeRef, childRef: e.childRef, link: `${this.publicBaseUrl}/episodes/${e.episodeId}` },
    };
    const worker = await this.children.socialWorker(tx, e.childId);
    const people = [
      ...(worker
        ? [messageToPerson(worker, 'user', { ...message, dedupeKey: `${message.dedupeKey}:${worker.id}` })]
        : []),
      ...(await activeDutyManagers(tx, e.authorityId)).map((m) =>
        messageToPerson(m, 'duty', { ...message, dedupeKey: `${message.dedupeKey}:${m.id}` }),
      ),
    ];
    await this.outbox.enqueueMany(tx, reachable(people));
  }

  /** An urgent-sounding text waits in the duty queue: the duty managers are told to read it now. */
  async urgentText(tx: Tx, authorityId: string, messageSid: string, receivedAt: string): Promise<void> {
    const message: PersonMessage = {
      authorityId,
      dedupeKey: `urgent-text:${messageSid}`,
      template: 'urgent-text',
      data: { receivedAt, link: `${this.publicBaseUrl}/admin/texts` },
    };
    const managers = await activeDutyManagers(tx, authorityId);
    await this.outbox.enqueueMany(
      tx,
      reachable(
        managers.map((m) => messageToPerson(m, 'duty', { ...message, dedupeKey: `${message.dedupeKey}:${m.id}` })),
      ),
    );
  }
}
