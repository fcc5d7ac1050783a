// Audit events as JSON and as CSV. CSV cells are quoted and formula-neutralised so an export
// opened in a spreadsheet cannot run anything.
import type { AuditEvent } from '../platform/audit/audit-event.entity';

export function presentAuditEvent(e: AuditEvent) {
  return { id: e.id, at: e.at, actorUserId: e.actorUserId, actorRole: e.actorRole, action: e.action,
    entityType: e.entityType, entityId: e.entityId, childId: e.childId, ip: e.ip, changes: e.changes };
}

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function auditCsv(events: AuditEvent[]): string {
  return toCsv(['id', 'at', 'actor_user_id', 'actor_role', 'action', 'entity_type', 'entity_id', 'child_id', 'ip', 'changes'],
    events.map((e) => [e.id, e.at, e.actorUserId, e.actorRole, e.action, e.entityType, e.entityId, e.childId, e.ip, e.changes]));
}
