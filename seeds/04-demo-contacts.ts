// Seed 04: the contacts each demo authority alerts (police control room, CEOP, group list, managers).
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { Contact } from '../src/contacts/contact.entity';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { demoContacts } from './demo-data';

export async function seedDemoContacts(tx: Tx, clock: Clock): Promise<void> {
  for (const [code, contacts] of Object.entries(demoContacts)) {
    const authority = await tx.findOneByOrFail(LocalAuthority, { code });
    for (const c of contacts) {
      const existing = await tx.findOneBy(Contact, { authorityId: authority.id, role: c.role, name: c.name });
      if (existing) {
        // Demo contacts seeded before calls existed gain their number to call (issue 26).
        const voiceNumber = 'voiceNumber' in c ? c.voiceNumber : null;
        if (voiceNumber && !existing.voiceNumber) await tx.update(Contact, { id: existing.id }, { voiceNumber });
        continue;
      }
      const now = clock.now();
      await tx.insert(Contact, { ...c, authorityId: authority.id, active: true, createdAt: now, updatedAt: now });
    }
  }
}
