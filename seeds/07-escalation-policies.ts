// Seed 03: the default escalation policy (version 1) for both demo authorities. Idempotent.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import type { Tx } from '../src/platform/database/transaction';
import type { Services } from '../src/services';
import { demoAuthorities } from './demo-data';

export async function seedEscalationPolicies(tx: Tx, services: Services): Promise<void> {
  for (const a of demoAuthorities) {
    const authority = await tx.findOneByOrFail(LocalAuthority, { code: a.code });
    await services.escalationPolicies.ensureDefault(tx, authority.id);
  }
}
