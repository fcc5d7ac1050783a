// What a call's webhooks do, each in one transaction on the call's locked outbox row. Answered by a
// person: the alert and the choice. Answered by a machine: a short message with no details, never an
// acknowledgement. 1 pressed: the step is acknowledged for that contact (audited; on the timeline).
// 2 or another key: read again. No key, no answer, busy, failed or voicemail: the call has failed,
// and its fallback and the duty manager's alert follow as for a failed text. A CallSid that is not
// this call's, or a callback replayed, changes nothing.
import type { DataSource } from 'typeorm';

import type { EscalationService } from '../escalation/escalation.service';
import { acknowledgedByPhoneLine } from '../missing/timeline-lines';
import type { DeliveryFailureService } from '../notifications/delivery-failure.service';
import { type Notification, statusRank } from '../notifications/notification.entity';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { voiceParts } from '../notifications/templates';
import { alertTwiml, callKeysPath, closingTwiml, type Spoken } from '../notifications/voice/call-twiml';
import { alertWords, callWords } from '../notifications/voice/call-words';
import type { AuditService } from '../platform/audit/audit.service';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { VoiceCallsRepository } from './voice-calls.repository';

/** Twilio's call statuses that end a call without an acknowledgement, and what each means. */
const unanswered: Record<string, string> = {
  busy: 'the line was busy',
  'no-answer': 'there was no answer',
  failed: 'the call could not be placed',
  canceled: 'the call was cancelled',
};
const isMachine = (answeredBy: string | undefined) => !!answeredBy && answeredBy.startsWith('machine');

export class VoiceCallsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly failures: DeliveryFailureService,
    private readonly escalation: EscalationService,
    private readonly publicBaseUrl: string,
    private readonly calls = new VoiceCallsRepository(),
    private readonly notifications = new NotificationsRepository(),
  ) {}

  /** The TwiML Twilio fetches when the call is answered. */
  async answer(id: string, callSid: string, answeredBy?: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const n = await this.callOf(tx, id, callSid);
      if (!n) return closingTwiml(voiceParts('call-unknown', {}));
      if (isMachine(answeredBy)) {
        await this.calls.note(tx, n, this.clock.now(), 'voicemail', `answered by a machine (${answeredBy})`);
        return closingTwiml(callWords(n, 'call-voicemail', this.dataOf(n)));
      }
      return this.alert(n);
    });
  }

  /** The key pressed in answer to the alert ('' when none was pressed in time). */
  async pressed(id: string, callSid: string, digits: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const n = await this.callOf(tx, id, callSid);
      if (!n) return closingTwiml(voiceParts('call-unknown', {}));
      const now = this.clock.now();
      if (digits === '1') {
        await this.accept(tx, n, now);
        return closingTwiml(callWords(n, 'call-accepted', this.dataOf(n)));
      }
      if (digits === '') {
        await this.fail(tx, n, 'the call was answered but no key was pressed');
        return closingTwiml(callWords(n, 'call-no-key', this.dataOf(n)));
      }
      await this.calls.note(tx, n, now, 'key', `${digits} pressed: the alert was read again`);
      const before = digits === '2' ? 'call-repeat' : 'call-other-key';
      return this.alert(n, callWords(n, before, { ...this.dataOf(n), digits: digits.split('').join(' ') }));
    });
  }

  /** Twilio's status callback for a call; only a status that ranks above the current one is applied. */
  async status(callSid: string, callStatus: string, answeredBy?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const n = await this.calls.lockByCallSid(tx, callSid);
      if (!n) return;
      const at = this.clock.now();
      if (callStatus === 'in-progress' || callStatus === 'answered') {
        if (statusRank.delivered > statusRank[n.status])
          await this.notifications.setStatus(
            tx,
            n,
            { status: 'delivered', deliveredAt: at },
            { at, detail: 'the call was answered' },
          );
        return;
      }
      const reason =
        callStatus === 'completed'
          ? isMachine(answeredBy)
            ? 'the call went to voicemail, which is not an acknowledgement'
            : 'the call ended without 1 being pressed'
          : unanswered[callStatus];
      if (reason) await this.fail(tx, n, reason);
    });
  }

  /** The call named by the route, if this CallSid is its own (or the send is not recorded yet). */
  private async callOf(tx: Tx, id: string, callSid: string): Promise<Notification | null> {
    const n = await this.calls.lockById(tx, id);
    if (!n) return null;
    const own = n.providerId === callSid || (n.providerId === null && n.status === 'sending');
    return own ? n : null;
  }

  private async accept(tx: Tx, n: Notification, at: Date): Promise<void> {
    if (n.acknowledgedAt || n.status === 'acknowledged' || n.status === 'cancelled') return; // a replay: done already
    await this.notifications.setStatus(
      tx,
      n,
      { status: 'acknowledged', acknowledgedAt: at },
      { at, detail: '1 pressed: accepted on the call' },
    );
    if (!n.episodeId || !n.stepKey) return;
    const step = n.stepKey.split('#')[0];
    // The repeats of the step stop, and the timeline says who accepted it and how.
    await this.escalation
      .acknowledge(
        tx,
        n.episodeId,
        step,
        { userId: null, name: n.recipientName },
        acknowledgedByPhoneLine(n.recipientName, step),
      )
      .catch(() => false);
    await this.audit.record(tx, null, {
      action: 'acknowledge',
      entityType: 'missing_episode',
      entityId: n.episodeId,
      childId: await this.calls.childOf(tx, n.episodeId),
      authorityId: n.authorityId,
      changes: { steps: [step], via: 'phone', contact: n.recipientName, notificationId: n.id },
    });
  }

  /** Not acknowledged: failed like an undelivered text (its fallback and the duty manager's alert follow). */
  private async fail(tx: Tx, n: Notification, reason: string): Promise<void> {
    if (statusRank.failed <= statusRank[n.status]) return;
    const at = this.clock.now();
    const failed = await this.notifications.setStatus(
      tx,
      n,
      { status: 'failed', lastError: reason },
      { at, detail: reason },
    );
    await this.failures.handle(tx, failed, reason);
  }

  private alert(n: Notification, before?: Spoken[]): string {
    const data = this.dataOf(n);
    const keys = this.publicBaseUrl + callKeysPath(n.id);
    return alertTwiml(alertWords(n, data), callWords(n, 'call-prompt', data), keys, before);
  }

  private dataOf(n: Notification): object {
    return { ...n.data, ackCode: n.ackCode };
  }
}
