// Every minute: send the bed checks that have come due, the second texts and the duty managers'
// alerts. One instance runs each minute's slot (the Postgres run key the other jobs use); the unique
// (child, time) row and the claimed follow-ups make even an overlapping run harmless. Logs duration
// and counts; never crashes the process.
import type { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';

import type { BedCheckRound } from '../src/bed-checks/bed-check-round.service';
import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import { scheduleCoordinated } from '../src/platform/scheduler/coordinated-job';

export function scheduleBedChecks(db: DataSource, clock: Clock, round: BedCheckRound, logger: Logger): ScheduledTask {
  return scheduleCoordinated(db, clock, logger, {
    name: 'bed-checks',
    cron: '* * * * *',
    run: () => round.run(),
    didSomething: (c) => Boolean(c.sent || c.reminded || c.escalated),
    done: 'bed checks',
    failed: 'bed checks failed; the next minute retries',
  });
}
