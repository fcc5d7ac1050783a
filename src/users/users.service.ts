// Users of one authority: listed and created by administrators (and by the demo seed).
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { Actor, RequestContext } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Conflict, invalidFields } from '../platform/errors';
import type { Language } from '../platform/i18n/language';
import { newPasswordProblem } from './password-rules';
import { hashPassword } from './passwords';
import type { TokensService } from './tokens.service';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  mobile?: string | null;
  /** A number to call for alerts needing acknowledgement (E.164). */
  voiceNumber?: string | null;
}

export class UsersService {
  private readonly repo = new UsersRepository();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tokens: Pick<TokensService, 'userChanged'>,
  ) {}

  async list(ctx: RequestContext): Promise<User[]> {
    return this.repo.listInAuthority(this.db.manager, ctx.actor.authorityId);
  }

  /** A person's own language for pages (and, where they get them, texts and emails). */
  async setOwnLanguage(actor: Actor, language: Language): Promise<void> {
    await this.repo.setLanguage(this.db.manager, actor.authorityId, actor.userId, language);
    this.tokens.userChanged(actor.userId);
  }

  async create(ctx: RequestContext, input: NewUser): Promise<User> {
    return this.db.transaction(async (tx) => {
      const user = await this.insert(tx, ctx.actor.authorityId, input);
      await this.audit.record(tx, ctx, { action: 'create', entityType: 'user', entityId: user.id });
      return user;
    });
  }

  /** Inserts a user without an acting user (the seed, and create()). Every new password comes through here. */
  async insert(tx: Tx, authorityId: string, input: NewUser): Promise<User> {
    const weak = newPasswordProblem(input.password);
    if (weak) throw invalidFields([{ field: 'password', message: weak }]);
    const taken = await this.repo.emailTaken(tx, input.email);
    if (taken) throw new Conflict('A user with that email address already exists.');
    return this.repo.save(tx, {
      authorityId,
      email: input.email,
      name: input.name,
      role: input.role,
      mobile: input.mobile ?? null,
      voiceNumber: input.voiceNumber ?? null,
      passwordHash: await hashPassword(input.password),
      failedAttempts: 0,
      createdAt: this.clock.now(),
    });
  }
}

export function presentUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    mobile: u.mobile,
    voiceNumber: u.voiceNumber,
    locked: !!u.lockedUntil,
    disabled: !!u.disabledAt,
  };
}
