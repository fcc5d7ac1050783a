// Audit events as JSON, as CSV (every cell quoted, formulas neutralised by the shared writer) and as
// the administration page's rows.
import { roleName } from '../admin/admin-words';
import type { AuditLine } from '../platform/audit/audit-trail.repository';
import { toCsv } from '../platform/http/csv';
import type { Translator } from '../platform/i18n/catalogue';
import { formatDateTime } from '../platform/views/format';

export function presentAuditEvent(e: AuditLine) {
  return {
    id: e.id,
    at: e.at,
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    actorEmail: e.actorEmail,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    childId: e.childId,
    ip: e.ip,
    changes: e.changes,
  };
}

export function auditCsv(events: AuditLine[]): string {
  return toCsv(
    [
      'id',
      'at',
      'actor_user_id',
      'actor_role',
      'action',
      'entity_type',
      'entity_id',
      'child_id',
      'ip',
      'changes',
      'actor_name',
      'actor_email',
    ],
    events.map((e) => [
      e.id,
      e.at,
      e.actorUserId,
      e.actorRole,
      e.action,
      e.entityType,
      e.entityId,
      e.childId,
      e.ip,
      e.changes,
      e.actorName,
      e.actorEmail,
    ]),
    { quoteAll: true },
  );
}

/** Who acted, as a person reads it: the user's name, email and role; a link or a text has no user. */
export function actorText(e: AuditLine, tr: Translator): string {
  const role = e.actorRole ? roleName(e.actorRole, tr) : null;
  if (!e.actorUserId) return tr.t('admin.audit.noUser');
  return [e.actorName ?? tr.t('admin.audit.unknownUser'), e.actorEmail && `<${e.actorEmail}>`, role && `(${role})`]
    .filter(Boolean)
    .join(' ');
}

/** A row of the administration page; the child column links to that child's filtered trail. */
export function auditPageRow(e: AuditLine, timeZone: string, tr: Translator) {
  const shown = Array.isArray((e.changes as { childIds?: unknown } | null)?.childIds)
    ? (e.changes as { childIds: string[] }).childIds.length
    : null;
  return {
    at: formatDateTime(e.at, timeZone, tr.lang),
    who: actorText(e, tr),
    action: e.action,
    what: e.entityType,
    entityId: e.entityId ?? '',
    ip: e.ip ?? '',
    reason:
      typeof (e.changes as { reason?: unknown } | null)?.reason === 'string'
        ? (e.changes as { reason: string }).reason
        : '',
    childHref: e.childId ? `/admin/audit?childId=${e.childId}` : null,
    childId: e.childId ?? '',
    shown: shown === null ? '' : tr.t('admin.audit.childrenShown', { count: shown }),
  };
}
