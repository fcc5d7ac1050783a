// The default ladder of the domain guide, given to every authority until its administrators change
// it. Trafficked children and children placed within 7 days are high risk from the first minute,
// so nothing here waits at the start: the report itself fires the police alert, and for them the
// head of service's high-risk alert too. The missing ladder is for M episodes (whereabouts unknown).
// Calls (voice) go to those with a voice number: the police control room at the report for a
// high-risk child and, for every child, with each repeat (the alert unacknowledged after 15 minutes);
// CEOP and the duty manager at their steps. Pressing 1 on the call acknowledges the step.
import type { EscalationStep, PolicyDocument, RecipientRole, StepChannel } from './escalation-policy';

const HOUR = 60;
// An alert that needs acknowledgement is repeated, then moves on to the next contact, until someone acknowledges it.
const REPEAT = { everyMinutes: 30, max: 2 };
const MOVE_ON = 60;

type Contacts = Pick<EscalationStep, 'recipients' | 'channels'>;
const to = (recipients: RecipientRole[], channels: StepChannel[] = ['sms', 'email']): Contacts => ({
  recipients,
  channels,
});

/**
 * An alert on a missing (M) episode that needs acknowledgement, repeated, and its `_next` step: the alert moved on to
 * the next contacts when nobody has acknowledged it `moveOn` minutes later.
 */
function acknowledgedAlert(
  first: Contacts & Pick<EscalationStep, 'key' | 'template' | 'from' | 'repeat' | 'call'> & { delayMinutes: number },
  next: Contacts & { moveOn?: number },
): EscalationStep[] {
  const { key, template, from, delayMinutes, repeat = REPEAT, call } = first;
  return [
    {
      key,
      template,
      from,
      delayMinutes,
      when: { kind: ['M'] },
      recipients: first.recipients,
      channels: first.channels,
      needsAck: true,
      profileLink: true,
      repeat,
      ...(call && { call }),
    },
    {
      key: `${key}_next`,
      template,
      from,
      delayMinutes: delayMinutes + (next.moveOn ?? MOVE_ON),
      when: { kind: ['M'], notAcknowledged: key },
      recipients: next.recipients,
      channels: next.channels,
      needsAck: true,
      profileLink: true,
    },
  ];
}

export const defaultPolicy: PolicyDocument = {
  settings: { newPlacementDays: 7, repeatWindowDays: 30 },
  steps: [
    // A child placed out of area: the force where the child lives is alerted with the placing authority's own.
    ...acknowledgedAlert(
      {
        key: 'report_police',
        template: 'missing-alert',
        from: 'reported',
        delayMinutes: 0,
        ...to(['police_control_room', 'host_police_control_room'], ['sms', 'email', 'voice']),
        repeat: { everyMinutes: 15, max: 3 },
        call: { fromRepeat: 1, fromFirstWhen: { risk: ['high'] } },
      },
      { ...to(['missing_persons_unit']), moveOn: 30 },
    ),
    {
      key: 'report_team',
      template: 'missing-alert',
      from: 'reported',
      delayMinutes: 0,
      when: { kind: ['M'] },
      recipients: ['social_worker', 'duty_manager', 'ictg', 'host_authority_coordinator'],
      channels: ['sms', 'email'],
      needsAck: false,
      profileLink: true,
    },
    // Away (A: whereabouts known, the carer concerned) tells the social worker and the duty manager,
    // not police; changed to missing (M), the steps above run from that moment.
    {
      key: 'away_team',
      template: 'away-notice',
      from: 'reported',
      delayMinutes: 0,
      when: { kind: ['A'] },
      recipients: ['social_worker', 'duty_manager'],
      channels: ['sms', 'email'],
      needsAck: false,
      profileLink: true,
    },
    {
      key: 'carer_confirmation',
      template: 'carer-confirmation',
      from: 'reported',
      delayMinutes: 0,
      whileMissing: false,
      when: { kind: ['M'] },
      recipients: ['carer'],
      channels: ['sms'],
      needsAck: false,
    },
    ...acknowledgedAlert(
      { key: 'risk_high', template: 'high-risk', from: 'risk_high', delayMinutes: 0, ...to(['head_of_service']) },
      to(['director']),
    ),
    {
      key: 'same_day',
      template: 'same-day-notice',
      from: 'reported',
      delayMinutes: 1 * HOUR,
      when: { kind: ['M'] },
      recipients: ['iro', 'parents_with_pr'],
      channels: ['email'],
      needsAck: false,
    },
    ...acknowledgedAlert(
      {
        key: 'plus_24h',
        template: 'escalation-24h',
        from: 'discovered',
        delayMinutes: 24 * HOUR,
        ...to(['head_of_service']),
      },
      to(['director']),
    ),
    ...acknowledgedAlert(
      {
        key: 'plus_48h',
        template: 'escalation-48h',
        from: 'discovered',
        delayMinutes: 48 * HOUR,
        ...to(['ceop', 'senior_manager'], ['sms', 'email', 'voice']),
      },
      to(['senior_manager', 'duty_manager'], ['sms', 'email', 'voice']),
    ),
    ...acknowledgedAlert(
      {
        key: 'plus_72h',
        template: 'escalation-72h',
        from: 'discovered',
        delayMinutes: 72 * HOUR,
        ...to(['director', 'team_manager']),
      },
      to(['duty_manager'], ['sms', 'email', 'voice']),
    ),
    {
      key: 'plus_5_working_days',
      template: 'strategy-meeting',
      from: 'discovered',
      delayWorkingDays: 5,
      when: { kind: ['M'] },
      recipients: ['head_of_service', 'team_manager'],
      channels: ['email'],
      needsAck: false,
    },
    {
      key: 'weekly_review',
      template: 'weekly-review',
      from: 'discovered',
      delayMinutes: 7 * 24 * HOUR,
      when: { kind: ['M'] },
      recipients: ['social_worker'],
      channels: ['email'],
      needsAck: false,
      repeat: { everyMinutes: 7 * 24 * HOUR, max: 52 },
    },
    {
      key: 'found',
      template: 'found-notice',
      from: 'returned',
      delayMinutes: 0,
      recipients: ['alerted'],
      channels: ['sms', 'email'],
      needsAck: false,
    },
    {
      key: 'return_interview_overdue',
      template: 'return-interview-overdue',
      from: 'returned',
      delayMinutes: 72 * HOUR,
      when: { returnInterviewPending: true },
      recipients: ['team_manager'],
      channels: ['email'],
      needsAck: false,
    },
    {
      key: 'repeat_missing',
      template: 'repeat-missing',
      from: 'reported',
      delayMinutes: 0,
      whileMissing: false,
      when: { repeatCountAtLeast: 3 },
      recipients: ['team_manager', 'operational_group_list'],
      channels: ['email'],
      needsAck: false,
    },
    {
      key: 'operational_group',
      template: 'operational-group-notice',
      from: 'reported',
      delayMinutes: 0,
      whileMissing: false,
      recipients: ['operational_group_list'],
      channels: ['email'],
      needsAck: false,
    },
  ],
};
