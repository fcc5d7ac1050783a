// Bed checks as people see them: the checks that reached the duty manager, for the dashboard.
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import { BedChecksRepository, MissedCheck } from './bed-checks.repository';

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
}
