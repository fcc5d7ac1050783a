// Which record a refused request named, read from the route and never from the raw URL.
import { refusedRecord } from '../../src/platform/audit/refused-record';

const ID = 'c9fce831-f21a-4af1-b090-1e3fb8c52fac';

it.each([
  ['/api/v1/children/{id}', { id: ID }, { entityType: 'child', entityId: ID, childId: ID }],
  ['/children/{id}/placements/new', { id: ID.toUpperCase() }, { entityType: 'child', entityId: ID, childId: ID }],
  ['/api/v1/episodes/{id}/close', { id: ID }, { entityType: 'missing_episode', entityId: ID, childId: null }],
  ['/admin/texts/{id}/handled', { id: ID }, { entityType: 'inbound_message', entityId: ID, childId: null }],
  ['/arrivals/{id}/recorded', { id: ID }, { entityType: 'child', entityId: ID, childId: ID }],
  [
    '/admin/subject-access/{id}/export.{format}',
    { id: ID, format: 'pdf' },
    { entityType: 'subject_access_request', entityId: ID, childId: null },
  ],
  ['/api/v1/legal-holds/{id}/release', { id: ID }, { entityType: 'legal_hold', entityId: ID, childId: null }],
  ['/admin/retention/reviews/{id}', { id: ID }, { entityType: 'retention_review', entityId: ID, childId: null }],
  ['/api/v1/children/{id}', { id: '<script>' }, { entityType: 'child', entityId: null, childId: null }],
  ['/api/v1/children/{id}', { id: `${ID}\u0000` }, { entityType: 'child', entityId: null, childId: null }],
  ['/api/v1/audit', {}, { entityType: 'audit_trail', entityId: null, childId: null }],
  ['/api/v1/escalation-policy', {}, { entityType: 'escalation_policy', entityId: null, childId: null }],
])('%s %j', (path, params, expected) => {
  expect(refusedRecord(path, params)).toEqual(expected);
});
