// Retention rules, review items, holds and tombstones as the API returns them.
import type { LegalHold } from './legal-holds.repository';
import { actionLabels, anchorLabels, kindLabels, type RetentionKind, retentionKinds } from './retention-kinds';
import type { ReviewItem } from './retention-reviews.repository';
import type { RetentionRule } from './retention-rule';

export const presentRule = (r: RetentionRule) => ({
  kind: r.kind,
  label: kindLabels[r.kind],
  keepYears: r.keepYears,
  anchor: r.anchor,
  period: `${r.keepYears} years ${anchorLabels[r.anchor] ?? r.anchor}`,
  action: r.action,
  actionLabel: actionLabels[r.action],
  automatic: r.automatic,
  inquiryHold: r.inquiryHold,
  source: r.source,
  changeReason: r.changeReason,
  local: r.local,
  updatedAt: r.updatedAt,
});

export const inKindOrder = (rules: RetentionRule[]) =>
  [...rules].sort(
    (a, b) => retentionKinds.indexOf(a.kind as RetentionKind) - retentionKinds.indexOf(b.kind as RetentionKind),
  );

export const presentReview = (i: ReviewItem) => ({
  id: i.id,
  kind: i.kind,
  label: kindLabels[i.kind as RetentionKind] ?? i.kind,
  recordId: i.recordId,
  childId: i.childId,
  childReference: i.childReference,
  action: i.action,
  recordDate: i.recordDate,
  dueOn: i.dueOn,
  status: i.status,
  askedBy: i.askedBy,
  askedAt: i.askedAt,
  askReason: i.askReason,
  decidedBy: i.decidedBy,
  decidedAt: i.decidedAt,
  keepReason: i.keepReason,
});

export const presentHold = (h: LegalHold) => ({ ...h, standing: !h.releasedAt });
