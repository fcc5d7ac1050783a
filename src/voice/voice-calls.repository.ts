// The outbox rows a call's webhooks act on: the call named in the TwiML route (by notification id)
// or by Twilio's CallSid, locked for the change, and a line in the call's history.
import { MissingEpisode } from '../missing/missing-episode.entity';
import { Notification, NotificationEvent } from '../notifications/notification.entity';
import type { Tx } from '../platform/database/transaction';

export class VoiceCallsRepository {
  async lockById(tx: Tx, id: string): Promise<Notification | null> {
    return tx.findOne(Notification, { where: { id, channel: 'voice' }, lock: { mode: 'pessimistic_write' } });
  }

  async lockByCallSid(tx: Tx, callSid: string): Promise<Notification | null> {
    return tx.findOne(Notification, {
      where: { providerId: callSid, channel: 'voice' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** A line in the call's history (a key pressed, a voicemail) that does not change its status. */
  async note(tx: Tx, n: Notification, at: Date, what: string, detail: string): Promise<void> {
    await tx.insert(NotificationEvent, { notificationId: n.id, at, status: what, detail });
  }

  /** The episode's child, for the audit line of an acknowledgement. */
  async childOf(tx: Tx, episodeId: string): Promise<string | null> {
    const episode = await tx.findOne(MissingEpisode, { where: { id: episodeId }, select: { id: true, childId: true } });
    return episode?.childId ?? null;
  }
}
