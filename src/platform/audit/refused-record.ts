// Which record a refused request named, read from the route: the record type from the path segment
// before its {id}, the id only when it is a well-formed UUID (a role refusal comes before the
// parameters are validated, so the raw value may be anything), and the child when the route names one.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path segments as the audit trail names their records elsewhere. */
const ENTITY_TYPES: Record<string, string> = {
  children: 'child',
  episodes: 'missing_episode',
  guardians: 'guardian',
  placements: 'placement',
  'nrm-referrals': 'nrm_referral',
  contacts: 'contact',
  texts: 'inbound_message',
  inbound: 'inbound_message',
  actions: 'group_action',
  meetings: 'group_meeting',
  audit: 'audit_trail',
  users: 'user',
  carers: 'placement_carer',
  members: 'group_member',
  'subject-access': 'subject_access_request',
  'subject-access-requests': 'subject_access_request',
  'legal-holds': 'legal_hold',
  reviews: 'retention_review',
  // The page showing a recorded arrival is named by the child's id.
  arrivals: 'child',
};

export interface RefusedRecord {
  entityType: string;
  entityId: string | null;
  childId: string | null;
}

export function refusedRecord(routePath: string, params: Record<string, unknown>): RefusedRecord {
  const segments = routePath.split('/').filter(Boolean);
  const at = segments.indexOf('{id}');
  const named = at > 0 ? segments[at - 1] : (segments.filter((s) => !s.startsWith('{')).pop() ?? 'route');
  const raw = typeof params.id === 'string' ? params.id : '';
  const entityId = at > 0 && UUID.test(raw) ? raw.toLowerCase() : null;
  const entityType = ENTITY_TYPES[named] ?? named.replace(/[^a-z0-9]+/gi, '_');
  return { entityType, entityId, childId: entityType === 'child' ? entityId : null };
}
