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
};

/** Which table holds the record a path's {id} names, judged by the segment before it. */
export const idTables: Record<string, string> = {
  children: 'children',
  placements: 'placements',
  inbound: 'inbound_messages',
};
