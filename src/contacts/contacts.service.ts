// Contacts of an authority: list, add, change (changes audited). activeByRole is how the
// escalation engine finds who to alert for a step.
import type { DataSource } from 'typeorm';

import { AuditService, changedFields } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { invalidFields, NotFound } from '../platform/errors';
import type { Language } from '../platform/i18n/language';
import { Contact, ContactRole } from './contact.entity';
import { ContactFilter, ContactsRepository } from './contacts.repository';

export interface ContactInput {
  name: string;
  organisation: string;
  role: ContactRole;
  mobile?: string | null;
  email?: string | null;
  voiceNumber?: string | null;
  active?: boolean;
  language?: Language | null;
}

export class ContactsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    readonly repo = new ContactsRepository(),
  ) {}

  async list(ctx: RequestContext, filter: ContactFilter): Promise<Contact[]> {
    return this.repo.list(this.db.manager, ctx.actor.authorityId, filter);
  }

  async create(ctx: RequestContext, input: ContactInput): Promise<Contact> {
    requireReachable(input);
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const contact = await this.repo.save(tx, {
        active: true,
        ...input,
        authorityId: ctx.actor.authorityId,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(tx, ctx, { action: 'create', entityType: 'contact', entityId: contact.id });
      return contact;
    });
  }

  async change(ctx: RequestContext, id: string, changes: Partial<ContactInput>): Promise<Contact> {
    return this.db.transaction(async (tx) => {
      const contact = await this.repo.findById(tx, ctx.actor.authorityId, id);
      if (!contact) throw new NotFound('No contact with that id was found.');
      const merged = { ...contact, ...changes };
      requireReachable(merged);
      const diff = changedFields(contact, changes);
      const saved = await this.repo.save(tx, { ...merged, updatedAt: this.clock.now() });
      await this.audit.record(tx, ctx, { action: 'update', entityType: 'contact', entityId: id, changes: diff });
      return saved;
    });
  }

  /** Active contacts of one role, in the caller's transaction (the escalation runner's). */
  async activeByRole(tx: Tx, authorityId: string, role: ContactRole): Promise<Contact[]> {
    return this.repo.list(tx, authorityId, { role, active: true });
  }
}

function requireReachable(c: Partial<ContactInput>): void {
  if (!c.mobile && !c.email)
    throw invalidFields([
      { field: 'mobile', message: 'a contact needs at least one of mobile or email, so it can be reached' },
    ]);
}
