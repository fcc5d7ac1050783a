// Seeds, numbered and safe to run twice. Demo data only when asked for (never in production).
import type { DataSource } from 'typeorm';
import type { Logger } from '../src/platform/logger';
import type { Services } from '../src/services';
import { systemClock } from '../src/platform/clock';
import { seedDemoUsers } from './01-demo-users';
import { seedDemoChildren } from './02-demo-children';
import { seedEscalationPolicies } from './03-escalation-policies';

export interface SeedOptions { demo: boolean; logger: Logger }

export async function runSeeds(db: DataSource, services: Services, { demo, logger }: SeedOptions): Promise<void> {
  if (!demo) return;
  await db.transaction(async (tx) => {
    // One seeder at a time, even with several instances starting together.
    await tx.query('SELECT pg_advisory_xact_lock(7301)');
    await seedDemoUsers(tx, services);
    await seedDemoChildren(tx, systemClock);
    await seedEscalationPolicies(tx, services);
  });
  logger.info('demo data present (DEMO_DATA=false to start without it)');
}
