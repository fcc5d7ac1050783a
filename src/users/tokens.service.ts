// API sign-in: exchanges email and password for a bearer token (credentials.service.ts checks them,
// with the lockout), looks tokens up and revokes them.
import { createHash, randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { ApiTokensRepository } from './api-tokens.repository';
import { CredentialsService, LockoutPolicy } from './credentials.service';
import { RecentActors } from './recent-actors';
import { User } from './user.entity';

export interface TokenPolicy extends LockoutPolicy {
  ttlHours: number;
  /** How long a token's actor is used before the database is asked again (0: every request). */
  recheckMs: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class TokensService {
  private readonly credentials: CredentialsService;
  private readonly recent: RecentActors;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly policy: TokenPolicy,
    private readonly tokens = new ApiTokensRepository(),
  ) {
    this.credentials = new CredentialsService(db, clock, audit, policy);
    this.recent = new RecentActors(clock, policy.recheckMs);
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
    await this.tokens.issue(this.db.manager, { userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt });
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

  /** The actor a bearer token belongs to: looked up, or as looked up less than policy.recheckMs ago. */
  async authenticate(token: string): Promise<Actor | null> {
    const hash = sha256(token);
    return this.recent.actorOf(hash, (at) => this.tokens.liveActor(this.db, hash, at));
  }

  async revoke(token: string): Promise<void> {
    const hash = sha256(token);
    await this.tokens.revoke(this.db.manager, hash, this.clock.now());
    this.recent.forgetToken(hash);
  }

  /** A change to the user this instance made (their language): their next request sees it. */
  userChanged(userId: string): void {
    this.recent.forgetUser(userId);
  }
}

export function actorOf(user: User): Actor {
  return { userId: user.id, authorityId: user.authorityId, role: user.role, name: user.name };
}
