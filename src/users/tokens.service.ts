// API sign-in: exchanges email and password for a bearer token, with lockout after repeated
// failures. The same message for an unknown email and a wrong password, so accounts cannot be probed.
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import type { AuditService } from '../platform/audit/audit.service';
import { TokenCache } from '../platform/auth/token-cache';
import { TooManyRequests, Unauthorized } from '../platform/errors';
import { ApiToken } from './api-token.entity';
import { User } from './user.entity';
import { burnVerification, verifyPassword } from './passwords';

export interface TokenPolicy { ttlHours: number; lockoutAttempts: number; lockoutMinutes: number }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const WRONG = 'The email address or password is not right.';

export class TokensService {
  constructor(private readonly db: DataSource, private readonly clock: Clock, private readonly audit: AuditService,
    private readonly policy: TokenPolicy, readonly cache = new TokenCache(db, clock)) {}

  async signIn(email: string, password: string, ip: string | null): Promise<{ token: string; expiresAt: Date; user: User }> {
    const user = await this.verifyCredentials(email, password);
    const now = this.clock.now();
    const token = `mct_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(now.getTime() + this.policy.ttlHours * 3600_000);
    await this.db.manager.insert(ApiToken, { userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt });
    await this.audit.record(null, { actor: actorOf(user), ip }, { action: 'sign_in', entityType: 'user', entityId: user.id });
    return { token, expiresAt, user };
  }

  /** Checks email and password, applying the lockout; shared by API tokens and page sessions. */
  async verifyCredentials(email: string, password: string): Promise<User> {
    const now = this.clock.now();
    const user = await this.db.getRepository(User).createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email }).getOne();
    if (!user || user.disabledAt) {
      await burnVerification(password);
      throw new Unauthorized(WRONG);
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new TooManyRequests('This account is locked after too many failed sign-in attempts. Try again later or ask an administrator.');
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const attempts = user.failedAttempts + 1;
      const lock = attempts >= this.policy.lockoutAttempts;
      await this.db.manager.update(User, { id: user.id }, {
        failedAttempts: lock ? 0 : attempts,
        lockedUntil: lock ? new Date(now.getTime() + this.policy.lockoutMinutes * 60_000) : user.lockedUntil,
      });
      throw new Unauthorized(WRONG);
    }
    if (user.failedAttempts > 0 || user.lockedUntil) {
      await this.db.manager.update(User, { id: user.id }, { failedAttempts: 0, lockedUntil: null });
    }
    return user;
  }

  async authenticate(token: string): Promise<Actor | null> {
    const hash = sha256(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const stamp = this.cache.stamp();
    const now = this.clock.now();
    const row = await this.db.getRepository(ApiToken).createQueryBuilder('t')
      .innerJoinAndMapOne('t.user', User, 'u', 'u.id = t.user_id')
      .where('t.token_hash = :hash', { hash })
      .andWhere('t.revoked_at IS NULL AND t.expires_at > :now AND u.disabled_at IS NULL', { now })
      .getOne() as (ApiToken & { user: User }) | null;
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
