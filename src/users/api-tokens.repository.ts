// Bearer tokens, kept as SHA-256 hashes: issued at sign-in, looked up by hash on every API request
// (one indexed read joined to the user, so a revoked token or a disabled user counts at once), revoked.
import type { DataSource } from 'typeorm';

import type { Actor } from '../platform/auth/actor';
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import { ApiToken } from './api-token.entity';
import type { LiveActor } from './recent-actors';

export class ApiTokensRepository {
  async issue(tx: Tx, token: Pick<ApiToken, 'userId' | 'tokenHash' | 'createdAt' | 'expiresAt'>): Promise<void> {
    await tx.insert(ApiToken, token);
  }

  /** Whose a live token is (not revoked or expired, user not disabled), and its expiry: prepared, on the pool. */
  async liveActor(db: DataSource, tokenHash: string, now: Date): Promise<LiveActor | null> {
    const [row] = await queryPrepared<Actor & { expiresAt: Date }>(
      db,
      `SELECT u.id AS "userId", u.authority_id AS "authorityId", u.role, u.name, u.language,
        a.language AS "authorityLanguage", t.expires_at AS "expiresAt"
      FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN local_authorities a ON a.id = u.authority_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND u.disabled_at IS NULL`,
      [tokenHash, now],
    );
    if (!row) return null;
    const { expiresAt, ...actor } = row;
    return { actor, expiresAt };
  }

  async revoke(tx: Tx, tokenHash: string, at: Date): Promise<void> {
    await tx.update(ApiToken, { tokenHash }, { revokedAt: at });
  }
}
