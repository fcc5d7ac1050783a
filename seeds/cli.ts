// `npm run seed`: loads the demo data into the configured database.
import path from 'node:path';

import { loadConfig } from '../src/config';
import { entities } from '../src/entities';
import { systemClock } from '../src/platform/clock';
import { openDatabase } from '../src/platform/database/database';
import { createLogger } from '../src/platform/logger';
import { Shutdown } from '../src/platform/shutdown';
import { createServices } from '../src/services';
import { runSeeds } from '.';

async function run() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const shutdown = new Shutdown(logger);
  try {
    const database = await openDatabase(config, logger, path.resolve(__dirname, '..', '..'), shutdown, entities);
    await runSeeds(
      database.dataSource,
      createServices({ db: database.dataSource, clock: systemClock, config, logger }),
      { demo: true, logger, clock: systemClock },
    );
  } finally {
    await shutdown.run();
  }
}
run().catch((err) => {
  process.stderr.write(`Seeding failed: ${err.message}\n`);
  process.exit(1);
});
