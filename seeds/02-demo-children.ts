// Seed 02: demo children with fixed references and current placements with registered carers.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { Child } from '../src/children/child.entity';
import { Placement, PlacementCarer } from '../src/placements/placement.entity';
import { PoliceForce } from '../src/placements/police-force.entity';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { User } from '../src/users/user.entity';
import { demoChildren, otherBoroughChild, outOfAreaDemo, welshAuthorityChild } from './demo-data';

type DemoChild = (typeof demoChildren)[number] | typeof otherBoroughChild | typeof welshAuthorityChild;
const DAY = 86_400_000;

export async function seedDemoChildren(tx: Tx, clock: Clock): Promise<void> {
  const demo = await tx.findOneByOrFail(LocalAuthority, { code: 'DEMO' });
  const other = await tx.findOneByOrFail(LocalAuthority, { code: 'OTHER' });
  for (const c of demoChildren) await seedChild(tx, clock, demo, c);
  await seedChild(tx, clock, other, otherBoroughChild);
  const cymru = await tx.findOneByOrFail(LocalAuthority, { code: 'CYMRU' });
  await seedChild(tx, clock, cymru, welshAuthorityChild, { name: 'Carys Gofalwr', language: 'cy' });
  await placeOutOfArea(tx, clock, demo);
}

/** H9PX lives in Other Borough: its placement names the host and the force, whose control room the demo fills in. */
async function placeOutOfArea(tx: Tx, clock: Clock, demo: LocalAuthority): Promise<void> {
  const host = await tx.findOneByOrFail(LocalAuthority, { code: outOfAreaDemo.hostCode });
  const child = await tx.findOneByOrFail(Child, { authorityId: demo.id, reference: outOfAreaDemo.reference });
  await tx.update(
    Placement,
    { childId: child.id, authorityId: demo.id },
    { hostAuthorityId: host.id, policeForceCode: outOfAreaDemo.policeForceCode },
  );
  // Other Borough publishes its area's force and that force's control room (Administration, Published contacts).
  await tx.update(LocalAuthority, { id: host.id }, { policeForceCode: outOfAreaDemo.policeForceCode });
  await tx.update(
    PoliceForce,
    { code: outOfAreaDemo.policeForceCode },
    {
      controlRoomMobile: outOfAreaDemo.controlRoom.mobile,
      controlRoomEmail: outOfAreaDemo.controlRoom.email,
      publishedBy: host.id,
      publishedAt: clock.now(),
    },
  );
}

async function seedChild(
  tx: Tx,
  clock: Clock,
  authority: LocalAuthority,
  c: DemoChild,
  carer: Pick<PlacementCarer, 'name' | 'language'> = { name: 'Demo Carer', language: null },
): Promise<Child> {
  const existing = await tx.findOneBy(Child, { authorityId: authority.id, reference: c.reference });
  if (existing) return existing;
  const now = clock.now();
  const socialWorker = await tx.findOneBy(User, { authorityId: authority.id, role: 'social_worker' });
  const placedAt = new Date(now.getTime() - c.daysPlaced * DAY);
  const child = await tx.save(
    Child,
    tx.create(Child, {
      authorityId: authority.id,
      reference: c.reference,
      localId: c.localId,
      firstNames: c.firstNames,
      lastName: c.lastName,
      aliases: [],
      dateOfBirth: c.dateOfBirth,
      dobEstimated: true,
      ageDisputed: false,
      sex: c.sex,
      gender: null,
      nationality: c.nationality,
      firstLanguage: c.firstLanguage,
      interpreterNeeded: true,
      uasc: true,
      arrivalDate: placedAt.toISOString().slice(0, 10),
      arrivalPort: c.arrivalPort,
      identifiedBy: 'border_referral',
      traffickingStatus: c.trafficking,
      socialWorkerId: socialWorker?.id ?? null,
      careStartedAt: placedAt,
      createdAt: now,
      updatedAt: now,
    }),
  );
  const placement = await tx.save(
    Placement,
    tx.create(Placement, {
      authorityId: authority.id,
      childId: child.id,
      type: 'foster',
      provider: `${authority.name} fostering service`,
      address: '1 Example Street, Demo Town, ZZ1 1ZZ',
      startedAt: placedAt,
      createdAt: now,
    }),
  );
  const sameCarer = await tx.findOne(PlacementCarer, { where: { mobile: c.carer } });
  await tx.save(
    PlacementCarer,
    tx.create(PlacementCarer, {
      authorityId: authority.id,
      placementId: placement.id,
      name: sameCarer?.name ?? carer.name,
      mobile: c.carer,
      email: null,
      language: carer.language,
    }),
  );
  return child;
}
