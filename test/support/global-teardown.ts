// Stops the throwaway PostgreSQL and removes its files.
import type { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as EmbeddedPostgres | undefined;
  await pg?.stop();
}
