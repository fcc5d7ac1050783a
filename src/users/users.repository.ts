// Users, and the sign-in failure counter. Each counter change is one UPDATE so that parallel
// guesses are counted one by one by PostgreSQL's row lock, never lost in a read-then-write race.
// The UPDATEs sit in a CTE so the driver hands back the RETURNING rows as a plain SELECT's.
import type { Tx } from '../platform/database/transaction';
import type { Language } from '../platform/i18n/language';
import { User } from './user.entity';

export interface LockoutRule {
  attempts: number;
  until: Date;
}

/** What one failed sign-in did: 'counted', 'locked' (this failure locked the account), or 'already-locked'. */
export type FailureOutcome = 'counted' | 'locked' | 'already-locked';

export class UsersRepository {
  async findByEmail(tx: Tx, email: string): Promise<User | null> {
    return this.byEmail(tx, email).getOne();
  }

  async emailTaken(tx: Tx, email: string): Promise<boolean> {
    return this.byEmail(tx, email).getExists();
  }

  private byEmail(tx: Tx, email: string) {
    return tx.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email });
  }

  async listInAuthority(tx: Tx, authorityId: string): Promise<User[]> {
    return tx.find(User, { where: { authorityId }, order: { name: 'ASC' } });
  }

  async setLanguage(tx: Tx, authorityId: string, userId: string, language: Language): Promise<void> {
    await tx.update(User, { id: userId, authorityId }, { language });
  }

  async save(tx: Tx, user: Partial<User>): Promise<User> {
    return tx.save(User, tx.create(User, user));
  }

  /**
   * Counts one failure, and locks the account when this failure reaches the threshold (the count
   * starts again from 0 under the lock). A row already locked is left alone: under READ COMMITTED
   * a concurrent UPDATE re-checks the WHERE against the row the lock-setting UPDATE committed.
   */
  async recordFailure(tx: Tx, userId: string, now: Date, rule: LockoutRule): Promise<FailureOutcome> {
    const rows: { locked: boolean }[] = await tx.query(
      `WITH counted AS (
         UPDATE users SET
           failed_attempts = CASE WHEN failed_attempts + 1 >= $3 THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN failed_attempts + 1 >= $3 THEN $4::timestamptz ELSE locked_until END
         WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
         RETURNING locked_until > $2 AS locked)
       SELECT locked FROM counted`,
      [userId, now, rule.attempts, rule.until],
    );
    if (!rows.length) return 'already-locked';
    return rows[0].locked ? 'locked' : 'counted';
  }

  /**
   * Clears the counter after a right password, only if the account is not locked at `now`: a lock
   * set by a concurrent failure since the user was read stays, and the sign-in is refused.
   */
  async clearFailuresUnlessLocked(tx: Tx, userId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH cleared AS (
         UPDATE users SET failed_attempts = 0, locked_until = NULL
         WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
         RETURNING id)
       SELECT id FROM cleared`,
      [userId, now],
    );
    return rows.length > 0;
  }
}
