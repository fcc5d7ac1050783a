// node-cron run coordinator backed by Postgres, for every scheduled job that must run once per slot
// across instances: the first instance to insert a slot's key runs that slot; the others see the
// conflict and skip it.
import type { DataSource } from 'typeorm';

import type { Clock } from '../clock';
import { RunSlotsRepository } from './run-slots.repository';

export class PostgresRunCoordinator {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly slots = new RunSlotsRepository(),
  ) {}

  async shouldRun(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    return this.slots.claim(this.db, key, now, new Date(now.getTime() + Math.max(ttlMs, 3_600_000)));
  }
}
