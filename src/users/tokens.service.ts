// API sign-in: exchanges email and password for a bearer token (credentials.service.ts checks them,
// with the lockout), looks tokens up and revokes them.
import { createHash, randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../platform/auth/actor';
import { TokenCache } from '../platform/auth/token-cache';
import type { Clock } from '../platform/clock';
import { ApiToken } from './api-token.entity';
import { CredentialsService, LockoutPolicy } from './credentials.service';
import { User } from './user.entity';

export interface TokenPolicy extends LockoutPolicy {
  ttlHours: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class TokensService {
  private readonly credentials: CredentialsService;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly policy: TokenPolicy,
    readonly cache = new TokenCache(db, clock),
  ) {
    this.credentials = new CredentialsService(db, clock, audit, policy);
  }

  async signIn(
    email: string,
    password: string,
    ip: string | null,
  ): Promise<{ token: string; expiresAt: Date; user: User }> {
    const user = await this.verifyCredentials(email, password, ip);
    const now = this.clock.now();
    const token = `mct_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(now.getTime() + this.policy.ttlHours * 3600_000);
    await this.db.manager.insert(ApiToken, { userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt });
    await this.audit.record(
      null,
      { actor: actorOf(user), ip },
      { action: 'sign_in', entityType: 'user', entityId: user.id },
    );
    return { token, expiresAt, user };
  }

  /** Checks email and password, applying the lockout; shared by API tokens and page sessions. */
  verifyCredentials(email: string, password: string, ip: string | null): Promise<User> {
    return this.credentials.verify(email, password, ip);
  }

  async authenticate(token: string): Promise<Actor | null> {
    const hash = sha256(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const stamp = this.cache.stamp();
    const now = this.clock.now();
    const row = (await this.db
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .innerJoinAndMapOne('t.user', User, 'u', 'u.id = t.user_id')
      .where('t.token_hash = :hash', { hash })
      .andWhere('t.revoked_at IS NULL AND t.expires_at > :now AND u.disabled_at IS NULL', { now })
      .getOne()) as (ApiToken & { user: User }) | null;
    if (!row) return null;
    const actor = actorOf(row.user);
    this.cache.set(hash, stamp, actor, row.expiresAt);
    return actor;
  }

  async revoke(token: string): Promise<void> {
    const hash = sha256(token);
    await this.db.manager.update(ApiToken, { tokenHash: hash }, { revokedAt: this.clock.now() });
    this.cache.forgetToken(hash); // this instance at once; the others when the trigger's notice reaches them
  }
}

export function actorOf(user: User): Actor {
  return { userId: user.id, authorityId: user.authorityId, role: user.role, name: user.name };
}
