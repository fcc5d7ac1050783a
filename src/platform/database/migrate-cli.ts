// `npm run migration:run`: migrates (as MIGRATION_DATABASE_URL's owner when given), grants the
// service's role its privileges and checks them, exactly as a start would, then exits. It maps no entities.
import path from 'node:path';

import { loadConfig } from '../../config';
import { createLogger } from '../logger';
import { Shutdown } from '../shutdown';
import { openDatabase } from './database';

async function run(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const shutdown = new Shutdown(logger);
  try {
    await openDatabase(config, logger, path.resolve(__dirname, '..', '..', '..', '..'), shutdown, []);
  } finally {
    await shutdown.run();
  }
}
run().catch((err: Error) => {
  process.stderr.write(`Migrating failed: ${err.message}\n`);
  process.exit(1);
});
