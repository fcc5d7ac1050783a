// One retention rule as the service uses it: the authority's own where it has set one, else the
// national default shipped by the migration.
import type { RetentionAction, RetentionKind } from './retention-kinds';

export interface RetentionRule {
  kind: RetentionKind;
  keepYears: number;
  anchor: string;
  action: RetentionAction;
  automatic: boolean;
  inquiryHold: boolean;
  source: string;
  changeReason: string | null;
  /** False for the national default; true once the authority's officer has changed it. */
  local: boolean;
  updatedAt: Date;
}

export interface RuleChange {
  kind: RetentionKind;
  keepYears?: number;
  automatic?: boolean;
  inquiryHold?: boolean;
  reason: string;
}

/** The calendar date `years` after an ISO date (29 February moves to 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The latest record date whose period has run out by `today`. */
export function cutoffFor(today: string, keepYears: number): string {
  return addYears(today, -keepYears);
}
