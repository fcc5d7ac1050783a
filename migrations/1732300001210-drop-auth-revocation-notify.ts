// Bearer tokens are looked up in the database on every request, so nothing caches them and nothing
// needs telling when one is revoked: the triggers that announced revocations go.
import { MigrationInterface, QueryRunner } from 'typeorm';

import { AuthRevocationNotify1732300000730 } from './1732300000730-auth-revocation-notify';

export class DropAuthRevocationNotify1732300001210 implements MigrationInterface {
  name = 'DropAuthRevocationNotify1732300001210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER users_notify_revocation ON users;
      DROP TRIGGER api_tokens_notify_revocation ON api_tokens;
      DROP FUNCTION notify_auth_revocation();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await new AuthRevocationNotify1732300000730().up(q);
  }
}
