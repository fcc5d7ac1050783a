// The embedded PostgreSQL's login role for the service: the superuser `postgres` migrates and owns the
// tables, the service connects as this role, as it would to a real server. Its password is kept
// beside the cluster's own (mode 0600) and set afresh at each start, so the two never disagree.
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';

import { Client } from 'pg';

import type { EmbeddedPostgres } from './embedded-postgres';
import { ensureLoginRole } from './service-role';

export const EMBEDDED_SERVICE_ROLE = 'missing_children_app';

/** Creates the service's role in the embedded cluster if need be; returns the URL the service connects with. */
export async function embeddedServiceUrl(embedded: EmbeddedPostgres): Promise<string> {
  const passwordFile = `${embedded.dataDir}.app-password`;
  if (!existsSync(passwordFile))
    await fs.writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const admin = new Client({ connectionString: embedded.url });
  await admin.connect();
  try {
    await ensureLoginRole(admin, EMBEDDED_SERVICE_ROLE, password);
  } finally {
    await admin.end();
  }
  const url = new URL(embedded.url);
  url.username = EMBEDDED_SERVICE_ROLE;
  url.password = password;
  return url.toString();
}
