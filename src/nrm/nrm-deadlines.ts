// NRM time limits. The reasonable-grounds (RG) decision is due within 5 working days of referral
// (45 calendar days where a devolved local panel decides, in the pilot areas); the
// conclusive-grounds (CG) decision may not be made earlier than 30 days after the RG decision.
import { addDays } from '../platform/dates';
import { addWorkingDays } from '../platform/working-days';

export const decisionMakers = ['single_competent_authority', 'devolved_panel'] as const;
export type DecisionMaker = (typeof decisionMakers)[number];
export const nrmDecisions = ['pending', 'positive', 'negative', 'withdrawn'] as const;
export type NrmDecision = (typeof nrmDecisions)[number];

export const RG_WORKING_DAYS = 5;
export const DEVOLVED_PANEL_RG_DAYS = 45;
export const CG_MIN_DAYS_AFTER_RG = 30;

export function rgDueOn(referredOn: string, decisionMaker: DecisionMaker): string {
  return decisionMaker === 'devolved_panel'
    ? addDays(referredOn, DEVOLVED_PANEL_RG_DAYS)
    : addWorkingDays(referredOn, RG_WORKING_DAYS);
}

export function cgEarliestOn(rgDecidedOn: string | null): string | null {
  return rgDecidedOn ? addDays(rgDecidedOn, CG_MIN_DAYS_AFTER_RG) : null;
}
