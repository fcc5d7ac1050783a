// The rules an NRM referral's dates and decisions must keep, as a list of problems naming fields.
import { dateProblems } from '../platform/dates';
import type { FieldProblem } from '../platform/errors';
import { CG_MIN_DAYS_AFTER_RG, cgEarliestOn, NrmDecision } from './nrm-deadlines';

export interface ReferralState {
  referredOn: string;
  rgDecision: NrmDecision;
  rgDecidedOn: string | null;
  cgDecision: NrmDecision;
  cgDecidedOn: string | null;
}

export function referralProblems(r: ReferralState, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [decision, date, name] of [
    [r.rgDecision, r.rgDecidedOn, 'rg'],
    [r.cgDecision, r.cgDecidedOn, 'cg'],
  ] as const) {
    if (decision === 'pending' && date)
      problems.push({
        field: `${name}DecidedOn`,
        message: `${name}DecidedOn must be empty while ${name}Decision is pending`,
      });
    if (decision !== 'pending' && !date)
      problems.push({
        field: `${name}DecidedOn`,
        message: `${name}DecidedOn is required once ${name}Decision is ${decision}`,
      });
  }
  if (r.cgDecision !== 'pending' && r.cgDecision !== 'withdrawn' && r.rgDecision !== 'positive') {
    problems.push({
      field: 'cgDecision',
      message: 'a conclusive grounds decision can only follow a positive reasonable grounds decision',
    });
  }
  const earliest = cgEarliestOn(r.rgDecidedOn);
  return problems.concat(
    dateProblems([
      { field: 'referredOn', value: r.referredOn, max: today, message: 'referredOn cannot be in the future' },
      {
        field: 'rgDecidedOn',
        value: r.rgDecidedOn,
        min: r.referredOn,
        max: today,
        message: 'rgDecidedOn must be between the referral date and today',
      },
      { field: 'cgDecidedOn', value: r.cgDecidedOn, max: today, message: 'cgDecidedOn cannot be in the future' },
      {
        field: 'cgDecidedOn',
        value: r.cgDecidedOn,
        min: earliest,
        message: `cgDecidedOn cannot be before ${earliest}: a conclusive grounds decision comes no earlier than ${CG_MIN_DAYS_AFTER_RG} days after the reasonable grounds decision (${r.rgDecidedOn})`,
      },
    ]),
  );
}
