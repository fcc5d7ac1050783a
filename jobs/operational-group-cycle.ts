// Every ten minutes: keep each operational group's next meeting scheduled, send agenda packs that
// are due (7 days ahead by default) and chase overdue actions. One instance runs each slot (the
// same Postgres run key as the escalation sweep); row locks and dedupe keys make even an overlap
// harmless. Logs duration and counts; never crashes the process.
import type { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';

import type { OperationalGroupCycle } from '../src/operational-group/operational-group-cycle.service';
import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import { scheduleCoordinated } from '../src/platform/scheduler/coordinated-job';

export function scheduleOperationalGroupCycle(
  db: DataSource,
  clock: Clock,
  cycle: OperationalGroupCycle,
  logger: Logger,
): ScheduledTask {
  return scheduleCoordinated(db, clock, logger, {
    name: 'operational-group-cycle',
    cron: '*/10 * * * *',
    run: () => cycle.run(),
    didSomething: (c) => Boolean(c.scheduled || c.packsSent || c.actionsChased),
    done: 'operational group cycle',
    failed: 'operational group cycle failed; the next run retries',
  });
}
