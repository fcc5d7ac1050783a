// Each authority's escalation policy, versioned: reading the one in force (creating the default
// on first use), and saving a new version. Episodes copy the version in force when they open.
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { TEMPLATES_DIR } from '../notifications/templates';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Invalid } from '../platform/errors';
import { defaultPolicy } from './default-policy';
import { EscalationGapsRepository } from './escalation-gaps.repository';
import { EscalationPoliciesRepository } from './escalation-policies.repository';
import { missingPoliceStep, type PolicyDocument, type PolicySnapshot, type RecipientRole } from './escalation-policy';
import type { EscalationPolicy } from './escalation-policy.entity';

export class EscalationPoliciesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly gaps = new EscalationGapsRepository(),
    private readonly repo = new EscalationPoliciesRepository(),
  ) {}

  async get(ctx: RequestContext): Promise<EscalationPolicy> {
    return this.db.transaction((tx) => this.inForce(tx, ctx.actor.authorityId));
  }

  /** The policy in force and the recipient roles it uses that no active contact or user of the authority holds. */
  async withGaps(ctx: RequestContext): Promise<{ policy: EscalationPolicy; rolesWithNobody: RecipientRole[] }> {
    return this.db.transaction(async (tx) => {
      const policy = await this.inForce(tx, ctx.actor.authorityId);
      return {
        policy,
        rolesWithNobody: await this.gaps.rolesWithNobody(
          tx,
          ctx.actor.authorityId,
          policy.steps.flatMap((s) => s.recipients),
        ),
      };
    });
  }

  /** Saves the document as the next version; running episodes keep the version they copied. */
  async replace(ctx: RequestContext, doc: PolicyDocument): Promise<EscalationPolicy> {
    const missing = [...new Set(doc.steps.map((s) => s.template))].filter((t) => !templateExists(t));
    if (missing.length)
      throw new Invalid(
        `There is no message template named ${missing.join(', ')}; use one under templates/sms and templates/email.`,
      );
    const noPolice = missingPoliceStep(doc);
    if (noPolice) throw new Invalid(noPolice);
    return this.db.transaction(async (tx) => {
      const current = await this.inForce(tx, ctx.actor.authorityId);
      const saved = await this.repo.insert(tx, {
        authorityId: ctx.actor.authorityId,
        version: current.version + 1,
        settings: doc.settings,
        steps: doc.steps,
        createdBy: ctx.actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'escalation_policy',
        entityId: saved.id,
        changes: { version: saved.version, steps: doc.steps.map((s) => s.key) },
      });
      return saved;
    });
  }

  /** The latest version, creating version 1 from the default ladder if the authority has none. */
  async inForce(tx: Tx, authorityId: string): Promise<EscalationPolicy> {
    const latest = await this.latest(tx, authorityId);
    if (latest) return latest;
    await this.ensureDefault(tx, authorityId);
    return (await this.latest(tx, authorityId))!;
  }

  /** Idempotent: safe when several instances (or the seed) race to create version 1. */
  async ensureDefault(tx: Tx, authorityId: string): Promise<void> {
    await this.repo.insertFirst(tx, authorityId, defaultPolicy, this.clock.now());
  }

  private latest(tx: Tx, authorityId: string): Promise<EscalationPolicy | null> {
    return this.repo.latest(tx, authorityId);
  }
}

export function snapshotOf(policy: EscalationPolicy): PolicySnapshot {
  return { version: policy.version, settings: policy.settings, steps: policy.steps };
}

function templateExists(name: string): boolean {
  return (
    existsSync(path.join(TEMPLATES_DIR, 'sms', `${name}.njk`)) &&
    existsSync(path.join(TEMPLATES_DIR, 'email', `${name}.subject.njk`))
  );
}
