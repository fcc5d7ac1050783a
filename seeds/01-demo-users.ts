// Seed 01: the two demo authorities and one user of each role in each.
import type { Tx } from '../src/platform/database/transaction';
import type { Services } from '../src/services';
import { User } from '../src/users/user.entity';
import { CARER_ONE_CHILD, DEMO_PASSWORD, demoAuthorities, demoEmail, demoRoles, otherBoroughChild } from './demo-data';

export async function seedDemoUsers(tx: Tx, services: Services): Promise<void> {
  for (const a of demoAuthorities) {
    const authority = await services.authorities.ensure(tx, a.code, a.name, a.smsNumber);
    for (const r of demoRoles) {
      const email = demoEmail(r.local, a.domain);
      if (await tx.existsBy(User, { email })) continue;
      await services.users.insert(tx, authority.id, {
        email,
        name: r.name,
        role: r.role,
        password: DEMO_PASSWORD,
        // The demo carer user is the carer who texts from this number, so the pages show them their child.
        mobile: r.role === 'carer' ? (a.code === 'DEMO' ? CARER_ONE_CHILD : otherBoroughChild.carer) : null,
      });
    }
  }
}
