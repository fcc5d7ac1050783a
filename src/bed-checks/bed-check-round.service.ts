// What the bed-check job does each minute: text the carers of each check that has come due (once per
// child and time, however many instances run; a check missed by a restart of under 15 minutes still
// goes), text again at 15 minutes without an answer, and at 30 tell the duty managers to phone the
// carer. Police are not told: a NO, or a carer's MISSING, is what opens an episode.
import type { DataSource } from 'typeorm';

import { activeDutyManagers } from '../notifications/duty-managers.repository';
import type { NotificationOutbox, OutboxMessage } from '../notifications/outbox';
import { messageToPerson, reachable } from '../notifications/person-message';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { wallClock } from '../platform/wall-clock';
import { BED_CHECK_ZONE, dueChecks } from './bed-check-schedule';
import { BedChecksRepository, SentCheck } from './bed-checks.repository';

const MINUTE = 60_000;
export const REMIND_AFTER_MINUTES = 15;
export const ESCALATE_AFTER_MINUTES = 30;
/** A check whose time passed while no instance ran is still sent if it is less than this late. */
const GRACE_MS = 15 * MINUTE;
/** The longest window a plan can set (14 days), and a day more. */
const LONGEST_WINDOW_MS = 15 * 24 * 60 * MINUTE;

export interface RoundCounts {
  sent: number;
  reminded: number;
  escalated: number;
}

const hhmm = (at: Date) => {
  const w = wallClock(at, BED_CHECK_ZONE);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

export class BedCheckRound {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly publicBaseUrl: string,
    private readonly repo = new BedChecksRepository(),
  ) {}

  async run(): Promise<RoundCounts> {
    const now = this.clock.now();
    const counts: RoundCounts = { sent: 0, reminded: 0, escalated: 0 };
    for (const plan of await this.repo.plansWithChecks(this.db.manager, new Date(now.getTime() - LONGEST_WINDOW_MS))) {
      if (!plan.carerNumbers.length) continue;
      for (const { dueAt, expiresAt } of dueChecks(plan.schedule, new Date(plan.windowStart), now, GRACE_MS)) {
        const sent = await this.db.transaction(async (tx) => {
          const id = await this.repo.insert(tx, { ...plan, dueAt, expiresAt, at: now });
          if (id) await this.textCarers(tx, { ...plan, id, dueAt }, 'bed-check', 'sent');
          return !!id;
        });
        if (sent) counts.sent += 1;
      }
    }
    await this.db.transaction(async (tx) => {
      const late = await this.repo.claim(
        tx,
        'reminded_at',
        new Date(now.getTime() - REMIND_AFTER_MINUTES * MINUTE),
        now,
      );
      for (const check of late) await this.textCarers(tx, check, 'bed-check-reminder', 'reminder');
      counts.reminded = late.length;
    });
    await this.db.transaction(async (tx) => {
      const missed = await this.repo.claim(
        tx,
        'escalated_at',
        new Date(now.getTime() - ESCALATE_AFTER_MINUTES * MINUTE),
        now,
      );
      for (const check of missed) await this.tellDutyManagers(tx, check);
      counts.escalated = missed.length;
    });
    return counts;
  }

  private async textCarers(tx: Tx, check: SentCheck, template: string, kind: string): Promise<void> {
    await this.outbox.enqueueMany(
      tx,
      check.carerNumbers.map((address): OutboxMessage => ({
        authorityId: check.authorityId,
        dedupeKey: `bed-check:${check.id}:${kind}:${address}`,
        channel: 'sms',
        template,
        data: { childRef: check.childRef },
        recipient: { type: 'carer', id: null, name: 'Carer', address },
      })),
    );
  }

  /** By SMS where the duty manager has a mobile (email if that fails), by email otherwise. */
  private async tellDutyManagers(tx: Tx, check: SentCheck): Promise<void> {
    const data = {
      childRef: check.childRef,
      dueAt: hhmm(new Date(check.dueAt)),
      link: `${this.publicBaseUrl}/children/${check.childId}`,
    };
    const messages = (await activeDutyManagers(tx, check.authorityId)).map((m) =>
      messageToPerson(m, 'duty', {
        authorityId: check.authorityId,
        dedupeKey: `bed-check:${check.id}:missed:${m.id}`,
        template: 'bed-check-missed',
        data,
      }),
    );
    await this.outbox.enqueueMany(tx, reachable(messages));
  }
}
