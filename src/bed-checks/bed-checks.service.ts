// Bed checks as people see them: the checks that reached the duty manager, for the dashboard, and
// today's checks (done, missed, due) for the child's record, the dashboard and the carer's page.
// Callers read the children themselves (and so audit the read); this reads only the checks.
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import { BedChecksRepository, MissedCheck } from './bed-checks.repository';
import { TODAY_AHEAD_MS, TODAY_BACK_MS, TodaysCheck, todaysChecks } from './todays-checks';

const DAY = 86_400_000;

export class BedChecksService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly repo = new BedChecksRepository(),
  ) {}

  /** Checks in the authority that went unanswered for 30 minutes in the last day, newest first. */
  async missedToday(authorityId: string): Promise<MissedCheck[]> {
    return this.repo.missed(this.db.manager, authorityId, new Date(this.clock.now().getTime() - DAY));
  }

  /** Today's checks of these children, or of every child in the authority (null), in time order. */
  async today(authorityId: string, childIds: string[] | null): Promise<TodaysCheck[]> {
    if (childIds && !childIds.length) return [];
    const now = this.clock.now();
    const tx = this.db.manager;
    const [schedules, sent] = await Promise.all([
      this.repo.schedules(tx, authorityId, childIds),
      this.repo.sentBetween(
        tx,
        authorityId,
        childIds,
        new Date(now.getTime() - TODAY_BACK_MS),
        new Date(now.getTime() + TODAY_AHEAD_MS),
      ),
    ]);
    return todaysChecks(schedules, sent, now);
  }
}
