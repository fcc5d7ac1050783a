// Bearer tokens, kept as SHA-256 hashes: issued at sign-in, looked up by hash on every API request
// (one indexed read joined to the user, so a revoked token or a disabled user counts at once), revoked.
import type { Tx } from '../platform/database/transaction';
import { ApiToken } from './api-token.entity';
import { User } from './user.entity';

export class ApiTokensRepository {
  async issue(tx: Tx, token: Pick<ApiToken, 'userId' | 'tokenHash' | 'createdAt' | 'expiresAt'>): Promise<void> {
    await tx.insert(ApiToken, token);
  }

  /** The user a live token (not revoked, not expired, user not disabled) belongs to. */
  async liveUser(tx: Tx, tokenHash: string, now: Date): Promise<User | null> {
    return tx
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(ApiToken, 't', 't.user_id = u.id')
      .where('t.token_hash = :tokenHash AND t.revoked_at IS NULL AND t.expires_at > :now', { tokenHash, now })
      .andWhere('u.disabled_at IS NULL')
      .getOne();
  }

  async revoke(tx: Tx, tokenHash: string, at: Date): Promise<void> {
    await tx.update(ApiToken, { tokenHash }, { revokedAt: at });
  }
}
