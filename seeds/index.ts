// Seeds, numbered and safe to run twice. Demo data only when asked for (never in production).
import type { DataSource } from 'typeorm';

import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import type { Services } from '../src/services';
import { seedDemoUsers } from './01-demo-users';
import { seedDemoChildren } from './02-demo-children';
import { seedDemoRecords } from './03-demo-records';
import { seedDemoContacts } from './04-demo-contacts';
import { seedDemoInboundTexts } from './05-demo-inbound-texts';
import { seedDemoDeliveries } from './06-demo-deliveries';
import { seedEscalationPolicies } from './07-escalation-policies';
import { seedDemoEpisodes } from './08-demo-episodes';
import { seedDemoOperationalGroup } from './09-demo-operational-group';
import { seedDemoPhotos } from './10-demo-photos';
import { seedDemoRecordsRetention } from './11-demo-records-retention';

/** clock: the clock the service runs on, so demo data is recent as the service sees time (tests move it). */
export interface SeedOptions {
  demo: boolean;
  logger: Logger;
  clock: Clock;
}

export async function runSeeds(
  db: DataSource,
  services: Services,
  { demo, logger, clock }: SeedOptions,
): Promise<void> {
  if (!demo) return;
  await db.transaction(async (tx) => {
    // One seeder at a time, even with several instances starting together.
    await tx.query('SELECT pg_advisory_xact_lock(7301)');
    await seedDemoUsers(tx, services);
    await seedDemoChildren(tx, clock);
    await seedDemoInboundTexts(tx, clock);
    await seedDemoRecords(tx, clock);
    await seedDemoContacts(tx, clock);
    await seedDemoDeliveries(tx, clock);
    await seedEscalationPolicies(tx, services);
    await seedDemoEpisodes(tx, clock);
    await seedDemoOperationalGroup(tx, clock, services);
    await seedDemoPhotos(tx, clock);
    await seedDemoRecordsRetention(tx, clock);
  });
  logger.info('demo data present (DEMO_DATA=false to start without it)');
}
