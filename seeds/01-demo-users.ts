// Seed 01: the demo authorities (Cyngor Sir Demo Welsh-first) and one user of each role in each.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import type { Tx } from '../src/platform/database/transaction';
import type { Services } from '../src/services';
import { User } from '../src/users/user.entity';
import {
  CARER_CYMRAEG,
  CARER_ONE_CHILD,
  DEMO_PASSWORD,
  demoAuthorities,
  demoEmail,
  demoRoles,
  otherBoroughChild,
} from './demo-data';

/** The demo carer user is the carer who texts from this number, so the pages show them their child. */
const carerMobile = { DEMO: CARER_ONE_CHILD, OTHER: otherBoroughChild.carer, CYMRU: CARER_CYMRAEG } as const;

export async function seedDemoUsers(tx: Tx, services: Services): Promise<void> {
  for (const a of demoAuthorities) {
    const isNew = !(await tx.existsBy(LocalAuthority, { code: a.code }));
    const authority = await services.authorities.ensure(tx, a.code, a.name, a.smsNumber);
    // Set once, when the demo creates it: an administrator may change it on the language page.
    if (isNew && a.language !== 'english_only')
      await tx.update(LocalAuthority, { id: authority.id }, { language: a.language });
    for (const r of demoRoles) {
      const email = demoEmail(r.local, a.domain);
      if (await tx.existsBy(User, { email })) continue;
      const user = await services.users.insert(tx, authority.id, {
        email,
        name: r.name,
        role: r.role,
        password: DEMO_PASSWORD,
        mobile: r.role === 'carer' ? carerMobile[a.code] : null,
      });
      // Cyngor Sir Demo's carer chose Welsh; its other people have not chosen, so the authority's Welsh-first
      // setting shows them Welsh pages (each can switch on any page).
      if (a.code === 'CYMRU' && r.role === 'carer') await tx.update(User, { id: user.id }, { language: 'cy' });
    }
  }
}
