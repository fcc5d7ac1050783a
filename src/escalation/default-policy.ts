// The default ladder of the domain guide, given to every authority until its administrators change
// it. Trafficked children and children placed within 7 days are high risk from the first minute,
// so nothing here waits at the start: the report itself fires the police alert, and for them the
// head of service's high-risk alert too. The missing ladder is for M episodes (whereabouts unknown).
import type { PolicyDocument } from './escalation-policy';

const HOUR = 60;
// An alert that needs acknowledgement is repeated, then moves on to the next contact, until someone acknowledges it.
const REPEAT = { everyMinutes: 30, max: 2 };
const MOVE_ON = 60;

export const defaultPolicy: PolicyDocument = {
  settings: { newPlacementDays: 7, repeatWindowDays: 30 },
  steps: [
    // A child placed out of area: the force where the child lives is alerted with the placing authority's own.
    { key: 'report_police', template: 'missing-alert', from: 'reported', delayMinutes: 0, when: { kind: ['M'] }, recipients: ['police_control_room', 'host_police'],
      channels: ['sms', 'email'], needsAck: true, profileLink: true, repeat: { everyMinutes: 15, max: 3 } },
    { key: 'report_police_next', template: 'missing-alert', from: 'reported', delayMinutes: 30, when: { kind: ['M'], notAcknowledged: 'report_police' },
      recipients: ['missing_persons_unit'], channels: ['sms', 'email'], needsAck: true, profileLink: true },
    { key: 'report_team', template: 'missing-alert', from: 'reported', delayMinutes: 0, when: { kind: ['M'] }, 
      recipients: ['social_worker', 'duty_manager', 'ictg', 'host_coordinator'], channels: ['sms', 'email'], needsAck: false, profileLink: true },
    // Away (A: whereabouts known, the carer concerned) tells the social worker and the duty manager,
    // not police; changed to missing (M), the steps above run from that moment.
    { key: 'away_team', template: 'away-notice', from: 'reported', delayMinutes: 0, when: { kind: ['A'] },
      recipients: ['social_worker', 'duty_manager'], channels: ['sms', 'email'], needsAck: false, profileLink: true },
    { key: 'carer_confirmation', template: 'carer-confirmation', from: 'reported', delayMinutes: 0, whileMissing: false, when: { kind: ['M'] },
      recipients: ['carer'], channels: ['sms'], needsAck: false },
    { key: 'risk_high', template: 'high-risk', from: 'risk_high', delayMinutes: 0, when: { kind: ['M'] }, recipients: ['head_of_service'],
      channels: ['sms', 'email'], needsAck: true, profileLink: true, repeat: REPEAT },
    { key: 'risk_high_next', template: 'high-risk', from: 'risk_high', delayMinutes: MOVE_ON, when: { kind: ['M'], notAcknowledged: 'risk_high' },
      recipients: ['director'], channels: ['sms', 'email'], needsAck: true, profileLink: true },
    { key: 'same_day', template: 'same-day-notice', from: 'reported', delayMinutes: 1 * HOUR, when: { kind: ['M'] }, recipients: ['iro', 'parents_with_pr'],
      channels: ['email'], needsAck: false },
    { key: 'plus_24h', template: 'escalation-24h', from: 'discovered', delayMinutes: 24 * HOUR, when: { kind: ['M'] }, recipients: ['head_of_service'],
      channels: ['sms', 'email'], needsAck: true, profileLink: true, repeat: REPEAT },
    { key: 'plus_24h_next', template: 'escalation-24h', from: 'discovered', delayMinutes: 24 * HOUR + MOVE_ON, when: { kind: ['M'], notAcknowledged: 'plus_24h' },
      recipients: ['director'], channels: ['sms', 'email'], needsAck: true, profileLink: true },
    { key: 'plus_48h', template: 'escalation-48h', from: 'discovered', delayMinutes: 48 * HOUR, when: { kind: ['M'] }, recipients: ['ceop', 'senior_manager'],
      channels: ['sms', 'email'], needsAck: true, profileLink: true, repeat: REPEAT },
    // CEOP's duty desk silent: the senior manager on call and the duty manager take it up.
    { key: 'plus_48h_next', template: 'escalation-48h', from: 'discovered', delayMinutes: 48 * HOUR + MOVE_ON, when: { kind: ['M'], notAcknowledged: 'plus_48h' },
      recipients: ['senior_manager', 'duty_manager'], channels: ['sms', 'email'], needsAck: true, profileLink: true },
    { key: 'plus_72h', template: 'escalation-72h', from: 'discovered', delayMinutes: 72 * HOUR, when: { kind: ['M'] }, recipients: ['director', 'team_manager'],
      channels: ['sms', 'email'], needsAck: true, profileLink: true, repeat: REPEAT },
    { key: 'plus_72h_next', template: 'escalation-72h', from: 'discovered', delayMinutes: 72 * HOUR + MOVE_ON, when: { kind: ['M'], notAcknowledged: 'plus_72h' },
      recipients: ['duty_manager'], channels: ['sms', 'email'], needsAck: true, profileLink: true },
    { key: 'plus_5_working_days', template: 'strategy-meeting', from: 'discovered', delayWorkingDays: 5, when: { kind: ['M'] }, 
      recipients: ['head_of_service', 'team_manager'], channels: ['email'], needsAck: false },
    { key: 'weekly_review', template: 'weekly-review', from: 'discovered', delayMinutes: 7 * 24 * HOUR, when: { kind: ['M'] }, recipients: ['social_worker'],
      channels: ['email'], needsAck: false, repeat: { everyMinutes: 7 * 24 * HOUR, max: 52 } },
    { key: 'found', template: 'found-notice', from: 'returned', delayMinutes: 0, recipients: ['alerted'],
      channels: ['sms', 'email'], needsAck: false },
    { key: 'return_interview_overdue', template: 'return-interview-overdue', from: 'returned', delayMinutes: 72 * HOUR,
      when: { returnInterviewPending: true }, recipients: ['team_manager'], channels: ['email'], needsAck: false },
    { key: 'repeat_missing', template: 'repeat-missing', from: 'reported', delayMinutes: 0, whileMissing: false,
      when: { repeatCountAtLeast: 3 }, recipients: ['team_manager', 'operational_group_list'], channels: ['email'], needsAck: false },
    { key: 'operational_group', template: 'operational-group-notice', from: 'reported', delayMinutes: 0, whileMissing: false,
      recipients: ['operational_group_list'], channels: ['email'], needsAck: false },
  ],
};
