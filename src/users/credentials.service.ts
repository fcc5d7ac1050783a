// Checks an email and password for API tokens and page sessions alike, with the lockout. Every
// refusal gives the same sentence after the same work (one argon2 verification, one audit line),
// so neither the answer nor its timing tells an unknown, disabled or locked account from a wrong
// password. Failures are counted by one UPDATE each, so parallel guesses lock as surely as serial ones.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { Clock } from '../platform/clock';
import { Unauthorized } from '../platform/errors';
import { burnVerification, verifyPassword } from './passwords';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

export interface LockoutPolicy {
  lockoutAttempts: number;
  lockoutMinutes: number;
}

/** Why a sign-in was refused: kept in the audit trail for administrators, never told to the caller. */
type Refusal = 'unknown_account' | 'disabled' | 'locked' | 'wrong_password';

export class CredentialsService {
  private readonly repo = new UsersRepository();
  private readonly refused: string;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly policy: LockoutPolicy,
  ) {
    const { lockoutAttempts, lockoutMinutes } = policy;
    this.refused =
      'We could not sign you in. Check your email address and password. ' +
      `After ${lockoutAttempts} wrong passwords in a row an account is locked for ${lockoutMinutes} minutes; ` +
      'if you still cannot sign in, ask your administrator.';
  }

  async verify(email: string, password: string, ip: string | null): Promise<User> {
    const now = this.clock.now();
    const manager = this.db.manager;
    const user = await this.repo.findByEmail(manager, email);
    if (!user || user.disabledAt || (user.lockedUntil && user.lockedUntil > now)) {
      await burnVerification(password); // the same cost as a real check
      return this.refuse(user, !user ? 'unknown_account' : user.disabledAt ? 'disabled' : 'locked', ip);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const until = new Date(now.getTime() + this.policy.lockoutMinutes * 60_000);
      const attempts = this.policy.lockoutAttempts;
      const outcome = await this.repo.recordFailure(manager, user.id, now, { attempts, until });
      if (outcome === 'locked') {
        const changes = { lockedUntil: until.toISOString(), afterFailedAttempts: attempts };
        await this.audit.record(null, null, {
          action: 'account_locked',
          entityType: 'user',
          entityId: user.id,
          authorityId: user.authorityId,
          ip,
          changes,
        });
      }
      return this.refuse(user, outcome === 'already-locked' ? 'locked' : 'wrong_password', ip);
    }
    // A lock set by a parallel guess since the read above holds: the right password waits it out too.
    if (!(await this.repo.clearFailuresUnlessLocked(manager, user.id, now))) return this.refuse(user, 'locked', ip);
    return user;
  }

  /** The audit line of a refusal; for an unknown account neither the email typed nor any id is kept. */
  private async refuse(user: User | null, reason: Refusal, ip: string | null): Promise<never> {
    await this.audit.record(null, null, {
      action: 'sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      authorityId: user?.authorityId ?? null,
      ip,
      changes: { reason },
    });
    throw new Unauthorized(this.refused);
  }
}
