// An authority's language setting (Welsh Language Standards): Welsh first, English first or English only.
// Only an administrator changes it, and each change is audited like other administration.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import { NotFound } from '../platform/errors';
import type { AuthorityLanguage } from '../platform/i18n/language';
import { AuthoritiesRepository } from './authorities.repository';

export class AuthorityLanguageService {
  private readonly repo = new AuthoritiesRepository();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(ctx: RequestContext): Promise<AuthorityLanguage> {
    const authority = await this.repo.findById(this.db.manager, ctx.actor.authorityId);
    if (!authority) throw new NotFound('No such local authority.');
    return authority.language;
  }

  async set(ctx: RequestContext, language: AuthorityLanguage): Promise<void> {
    await this.db.transaction(async (tx) => {
      const authority = await this.repo.findById(tx, ctx.actor.authorityId);
      if (!authority) throw new NotFound('No such local authority.');
      if (authority.language === language) return;
      await this.repo.setLanguage(tx, authority.id, language);
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'local_authority',
        entityId: authority.id,
        changes: { language: { from: authority.language, to: language } },
      });
    });
  }
}
