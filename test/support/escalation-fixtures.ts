// Fixtures for escalation tests: the authority's contacts (police control room, CEOP, duty
// manager, ...), a child with a placement started when asked and an ICTG, and a readable list of
// the notification rows an episode has produced.
import type { TestApp } from './app';
import { bearer } from './app';

export const contacts = [
  {
    role: 'police_control_room',
    name: 'Police control room',
    mobile: '+447700900201',
    email: 'control.room@police.example.org',
  },
  { role: 'missing_persons_unit', name: 'Missing persons unit', mobile: null, email: 'mpu@police.example.org' },
  { role: 'ceop', name: 'CEOP duty desk', mobile: '+447700900202', email: 'duty@ceop.example.org' },
  {
    role: 'duty_manager',
    name: 'Duty team manager',
    mobile: '+447700900203',
    email: 'duty.manager@demo-borough.example.org',
  },
  {
    role: 'head_of_service',
    name: 'Head of service',
    mobile: '+447700900204',
    email: 'head.of.service@demo-borough.example.org',
  },
  {
    role: 'director',
    name: 'Director of children services',
    mobile: '+447700900205',
    email: 'director@demo-borough.example.org',
  },
  { role: 'iro', name: 'Independent reviewing officer', mobile: null, email: 'iro@demo-borough.example.org' },
  { role: 'operational_group_list', name: 'Operational group', mobile: null, email: 'group@demo-borough.example.org' },
];

export async function authorityId(app: TestApp, code: 'DEMO' | 'OTHER' = 'DEMO'): Promise<string> {
  const [row] = await app.db.dataSource.query('SELECT id FROM local_authorities WHERE code = $1', [code]);
  return row.id;
}

/** Stands down every contact of the demo borough (as if none were set up yet). */
export async function clearContacts(app: TestApp): Promise<void> {
  await app.db.dataSource.query('UPDATE contacts SET active = false WHERE authority_id = $1', [await authorityId(app)]);
}

/** Replaces the demo borough's active contacts with the list above, so tests know every recipient. */
export async function addContacts(app: TestApp): Promise<void> {
  const authority = await authorityId(app);
  await clearContacts(app);
  for (const c of contacts) {
    await app.db.dataSource.query(
      `INSERT INTO contacts (authority_id, name, organisation, role, mobile, email, created_at, updated_at)
      VALUES ($1, $2, 'Test', $3, $4, $5, now(), now())`,
      [authority, c.name, c.role, c.mobile, c.email],
    );
  }
}

let seq = 0;
export interface TestChild {
  id: string;
  reference: string;
  placementId: string;
}

/** A child of the demo borough with the demo social worker, an ICTG and a placement started daysAgo. */
export async function childPlaced(
  app: TestApp,
  opts: { trafficking: string; daysAgo: number; carer?: string },
): Promise<TestChild> {
  const token = await app.tokenFor('social_worker');
  const [sw] = await app.db.dataSource.query(
    `SELECT id FROM users WHERE email = 'social.worker@demo-borough.example.org'`,
  );
  seq += 1;
  const child = await app.server.inject({
    method: 'POST',
    url: '/api/v1/children',
    headers: bearer(token),
    payload: {
      localId: `ESC${seq}${Math.floor(Math.random() * 1e5)}`,
      firstNames: 'Secret',
      lastName: 'Name',
      dateOfBirth: '2010-01-02',
      sex: 1,
      traffickingStatus: opts.trafficking,
      socialWorkerId: sw.id,
      careStartedAt: new Date(app.clock.now().getTime() - 90 * 86_400_000).toISOString(),
    },
  });
  if (child.statusCode !== 201) throw new Error(child.payload);
  const { id, reference } = child.result as { id: string; reference: string };
  const placement = await app.server.inject({
    method: 'POST',
    url: `/api/v1/children/${id}/placements`,
    headers: bearer(token),
    payload: {
      type: 'foster',
      provider: 'Test fostering',
      address: '9 Secret Road, Hidden Town',
      startedAt: new Date(app.clock.now().getTime() - opts.daysAgo * 86_400_000).toISOString(),
      carers: [{ name: 'Carla Carer', mobile: opts.carer ?? `+4477009004${String(seq).padStart(2, '0')}` }],
    },
  });
  if (placement.statusCode !== 201) throw new Error(placement.payload);
  await app.db.dataSource.query(
    `INSERT INTO guardians (authority_id, child_id, kind, name, organisation, mobile, email, created_at, updated_at)
    VALUES ((SELECT authority_id FROM children WHERE id = $1), $1, 'ictg_direct_worker', 'Ivy ICTG', 'Guardian service', '+447700900299', 'ivy@guardians.example.org', now(), now())`,
    [id],
  );
  return { id, reference, placementId: (placement.result as { id: string }).id };
}

/** Reports a child missing through the API at the clock's now; returns the episode body. */
export async function reportMissing(app: TestApp, childId: string, extra: object = {}) {
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/children/${childId}/episodes`,
    headers: bearer(await app.tokenFor('social_worker')),
    payload: {
      kind: 'M',
      discoveredAt: app.clock.now().toISOString(),
      lastSeen: { where: 'Bus station', clothing: 'Red coat' },
      ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.payload);
  return res.result as { id: string; reference: string; state: string };
}

export async function post(
  app: TestApp,
  url: string,
  payload: object,
  role: Parameters<TestApp['tokenFor']>[0] = 'social_worker',
) {
  return app.server.inject({ method: 'POST', url, payload, headers: bearer(await app.tokenFor(role)) });
}

/** "step#repeat channel recipient template" for every notification of the episode, sorted. */
export async function rowsOf(app: TestApp, episodeId: string, stepPrefix?: string): Promise<string[]> {
  const rows: { step_key: string; channel: string; recipient_name: string; template: string }[] =
    await app.db.dataSource.query(
      'SELECT step_key, channel, recipient_name, template FROM notifications WHERE episode_id = $1',
      [episodeId],
    );
  return rows
    .filter((r) => !stepPrefix || r.step_key.startsWith(stepPrefix))
    .map((r) => `${r.step_key} ${r.channel} ${r.recipient_name} ${r.template}`)
    .sort();
}
