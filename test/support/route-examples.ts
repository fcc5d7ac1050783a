// A valid example request body for every route that takes one, keyed by "METHOD path". The
// access tests send these so a request passes validation and reaches the tenancy check; a new
// route without an example fails those tests until one is added here.
export const examplePayloads: Record<string, object> = {
  'POST /api/v1/auth/tokens': { email: 'nobody@example.org', password: 'not-the-password' },
  'POST /api/v1/users': { email: 'new.user@example.org', name: 'New User', role: 'social_worker', password: 'a-long-enough-password' },
  'POST /api/v1/children': { localId: 'EX0001', firstNames: 'Example', lastName: 'Child', dateOfBirth: '2012-01-01', sex: 1, traffickingStatus: 'suspected' },
  'PATCH /api/v1/children/{id}': { gender: 'male' },
  'POST /api/v1/children/{id}/placements': { type: 'foster', provider: 'Example fostering', address: '2 Example Road', carers: [{ name: 'Example Carer', mobile: '07700 900999' }] },
  'PATCH /api/v1/placements/{id}': { provider: 'Changed provider' },
  'POST /api/v1/placements/{id}/end': { reason: 'Moved on' },
  'POST /api/v1/sms/inbound/{id}/handled': { note: 'Rang the carer back' },
  'POST /api/v1/children/{id}/guardians': { kind: 'legal_representative', name: 'Lena Lawyer', organisation: 'Example Law LLP', referredOn: '2026-01-05' },
  'PATCH /api/v1/guardians/{id}': { organisation: 'Changed LLP' },
  'POST /api/v1/children/{id}/plans': { riskOfMissing: 'high', measures: ['escort_required'], agenciesToNotify: ['Police'], agreedBy: 'Strategy meeting', agreedOn: '2026-01-01', reviewOn: '2026-03-01' },
  'PUT /api/v1/children/{id}/missing-profile': { physicalDescription: 'Small, long dark hair' },
  'POST /api/v1/children/{id}/trafficking-assessments': { outcome: 'inconclusive', assessor: 'A Assessor', assessedOn: '2026-01-01' },
  'POST /api/v1/children/{id}/nrm-referrals': { referredOn: '2026-01-05', firstResponder: 'Demo Borough', decisionMaker: 'single_competent_authority' },
  'PATCH /api/v1/nrm-referrals/{id}': { reference: 'NRM-2' },
  'POST /api/v1/contacts': { name: 'MPU', organisation: 'Demo Constabulary', role: 'missing_persons_unit', mobile: '07700 900 470' },
  'PATCH /api/v1/contacts/{id}': { name: 'Renamed' },
  'POST /api/v1/children/{id}/episodes': { kind: 'M', discoveredAt: '2026-01-01T02:00:00Z' },
  'POST /api/v1/episodes/{id}/police': { policeReference: 'CAD-1' },
  'POST /api/v1/episodes/{id}/sightings': { at: '2026-01-01T03:00:00Z', where: 'High street' },
  'POST /api/v1/episodes/{id}/return': { returnedAt: '2026-01-02T03:00:00Z' },
  'POST /api/v1/episodes/{id}/change-to-missing': { reason: 'Not at her friend\'s any more; nobody knows where she is' },
  'POST /api/v1/episodes/{id}/return-interview': { offeredAt: '2026-01-02T04:00:00Z' },
  'POST /api/v1/episodes/{id}/close': { reason: 'Test' },
  'POST /api/v1/episodes/{id}/acknowledge': { stepKey: 'report_police' },
  // The signed link's button posts an empty form: the token in the path is all it needs.
  'POST /p/{token}/acknowledge': {},
  'PUT /api/v1/escalation-policy': { settings: {}, steps: [] },
  'PUT /api/v1/operational-group': { cadenceDays: 42 },
  'POST /api/v1/operational-group/members': { contactId: '00000000-0000-4000-8000-000000000000' },
  'PATCH /api/v1/operational-group/meetings/{id}': { minutes: 'Example minutes' },
  'PUT /api/v1/operational-group/meetings/{id}/attendance': { attendance: [{ name: 'Example Officer', attendance: 'present' }] },
  'POST /api/v1/operational-group/meetings/{id}/reviews': { childId: '00000000-0000-4000-8000-000000000000', indicatorsConsidered: [], decision: 'Keep the plan', debriefArranged: false },
  'POST /api/v1/operational-group/meetings/{id}/actions': { description: 'Example action', dueOn: '2026-01-01', ownerName: 'Example Owner' },
  'POST /api/v1/operational-group/actions/{id}/complete': { note: 'Done' },
};

/** Which table holds the record a path's {id} names, judged by the segment before it. */
export const idTables: Record<string, string> = {
  children: 'children',
  placements: 'placements',
  inbound: 'inbound_messages',
  guardians: 'guardians',
  'nrm-referrals': 'nrm_referrals',
  contacts: 'contacts',
  episodes: 'missing_episodes',
  members: 'group_members',
  meetings: 'group_meetings',
  actions: 'group_actions',
};
