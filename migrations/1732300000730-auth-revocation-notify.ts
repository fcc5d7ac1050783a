// Announces every change that can end a bearer token's validity (revoked, expiry moved, user
// disabled, role or authority changed, row deleted) on the auth_revocations channel, whatever path
// made it, so each instance's token cache forgets it the moment the change commits.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthRevocationNotify1732300000730 implements MigrationInterface {
  name = 'AuthRevocationNotify1732300000730';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_auth_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'api_tokens' THEN
          PERFORM pg_notify('auth_revocations', 'token:' || OLD.token_hash);
        ELSE
          PERFORM pg_notify('auth_revocations', 'user:' || OLD.id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER api_tokens_notify_revocation AFTER UPDATE OF revoked_at, expires_at, user_id, token_hash OR DELETE ON api_tokens
        FOR EACH ROW EXECUTE FUNCTION notify_auth_revocation();
      CREATE TRIGGER users_notify_revocation AFTER UPDATE OF disabled_at, role, authority_id, name OR DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION notify_auth_revocation();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER users_notify_revocation ON users;
      DROP TRIGGER api_tokens_notify_revocation ON api_tokens;
      DROP FUNCTION notify_auth_revocation();
    `);
  }
}
