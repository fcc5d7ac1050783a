// Nightly at 02:30: list what has passed its retention date (review items for people to decide),
// and shorten message bodies and texts where the rule says to do so without a second person. One
// instance runs each night's slot (the Postgres run key the other jobs use); an item is unique per
// record while open, so even an overlapping run adds nothing twice. Never crashes the process.
import type { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';

import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import { scheduleCoordinated } from '../src/platform/scheduler/coordinated-job';
import type { RetentionReviewService } from '../src/retention/retention-review.service';

export function scheduleRetentionReview(
  db: DataSource,
  clock: Clock,
  review: RetentionReviewService,
  logger: Logger,
): ScheduledTask {
  return scheduleCoordinated(db, clock, logger, {
    name: 'retention-review',
    cron: '30 2 * * *',
    run: () => review.scan(),
    didSomething: (c) => Boolean(c.found || c.shortened),
    done: 'retention review',
    failed: 'retention review failed; tomorrow night retries',
  });
}
