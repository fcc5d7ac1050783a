// Users of one authority: listed and created by administrators (and by the demo seed).
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { RequestContext } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import type { AuditService } from '../platform/audit/audit.service';
import { Conflict } from '../platform/errors';
import type { Tx } from '../platform/database/transaction';
import { User } from './user.entity';
import { hashPassword } from './passwords';

export interface NewUser { email: string; name: string; role: Role; password: string; mobile?: string | null }

export class UsersService {
  constructor(private readonly db: DataSource, private readonly clock: Clock, private readonly audit: AuditService) {}

  async list(ctx: RequestContext): Promise<User[]> {
    return this.db.getRepository(User).find({ where: { authorityId: ctx.actor.authorityId }, order: { name: 'ASC' } });
  }

  async create(ctx: RequestContext, input: NewUser): Promise<User> {
    return this.db.transaction(async (tx) => {
      const user = await this.insert(tx, ctx.actor.authorityId, input);
      await this.audit.record(tx, ctx, { action: 'create', entityType: 'user', entityId: user.id });
      return user;
    });
  }

  /** Inserts a user without an acting user: used by the seed and by create(). */
  async insert(tx: Tx, authorityId: string, input: NewUser): Promise<User> {
    const taken = await tx.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: input.email }).getExists();
    if (taken) throw new Conflict('A user with that email address already exists.');
    return tx.save(User, tx.create(User, {
      authorityId, email: input.email, name: input.name, role: input.role, mobile: input.mobile ?? null,
      passwordHash: await hashPassword(input.password), failedAttempts: 0, createdAt: this.clock.now(),
    }));
  }
}

export function presentUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, mobile: u.mobile, locked: !!u.lockedUntil, disabled: !!u.disabledAt };
}
