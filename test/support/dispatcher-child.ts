// One dispatcher in its own process, for the crash test: it drains the outbox with the system
// clock until the test kills it with SIGKILL part-way through sending.
import { loadConfig } from '../../src/config';
import { entities } from '../../src/entities';
import { systemClock } from '../../src/platform/clock';
import { createDataSource } from '../../src/platform/database/data-source';
import { createServices } from '../../src/services';
import { testLogger } from './quiet-logger';

async function run(): Promise<void> {
  const db = createDataSource(process.env.CHILD_DATABASE_URL!, entities, 4);
  await db.initialize();
  const services = createServices({
    db,
    clock: systemClock,
    config: loadConfig({ ...process.env, NODE_ENV: 'test' }),
    logger: testLogger(),
  });
  await services.dispatcher.drain();
  await db.destroy();
}

run().catch((err: Error) => {
  process.stderr.write(`dispatcher child failed: ${err.stack}\n`);
  process.exit(1);
});
