// The shape of an escalation policy: settings plus ordered steps, stored as data per authority and
// copied onto each episode when it opens. Validated with Joi whenever an administrator saves one.
import { Joi } from '../platform/http/joi';

export const moments = ['discovered', 'reported', 'returned', 'risk_high'] as const;
export type Moment = (typeof moments)[number];
export const riskGrades = ['very_low', 'low', 'medium', 'high'] as const;
export type RiskGrade = (typeof riskGrades)[number];
export const channels = ['sms', 'email', 'voice'] as const;
export type StepChannel = (typeof channels)[number];

/** People of the child's team (users, guardians, carers) and contacts of the authority, by role. */
export const teamRecipients = [
  'social_worker',
  'team_manager',
  'senior_manager',
  'ictg',
  'parents_with_pr',
  'carer',
  'alerted',
] as const;
export const contactRecipients = [
  'police_control_room',
  'missing_persons_unit',
  'ceop',
  'duty_manager',
  'head_of_service',
  'director',
  'iro',
  'operational_group_list',
] as const;
/**
 * Out of area (issue 23): the control room of the force where the child lives, and the host's missing-children
 * coordinator.
 */
export const hostRecipients = ['host_police_control_room', 'host_authority_coordinator'] as const;
/** Host role names of versions saved before migration 1732300001510; episodes opened under them still run. */
const formerNames: Record<string, RecipientRole> = {
  host_police: 'host_police_control_room',
  host_coordinator: 'host_authority_coordinator',
};
export function withCurrentRoleNames(p: PolicySnapshot): PolicySnapshot {
  if (!p.steps.some((s) => s.recipients.some((r) => formerNames[r]))) return p;
  return { ...p, steps: p.steps.map((s) => ({ ...s, recipients: s.recipients.map((r) => formerNames[r] ?? r) })) };
}
export type RecipientRole =
  (typeof teamRecipients)[number] | (typeof contactRecipients)[number] | (typeof hostRecipients)[number];

export const episodeKinds = ['M', 'A'] as const;
export type EpisodeKind = (typeof episodeKinds)[number];

export interface StepCondition {
  /**
   * The kinds of episode the step is for: M (missing, whereabouts unknown) or A (away, whereabouts
   * known). A step for the other kind waits rather than being skipped, so an away episode changed to
   * missing runs the missing steps from that moment.
   */
  kind?: EpisodeKind[];
  /** The effective risk (high from the first minute for trafficked or newly placed children). */
  risk?: RiskGrade[];
  trafficking?: ('suspected' | 'confirmed' | 'not_trafficked' | 'unknown')[];
  /** The placement started within settings.newPlacementDays before discovery. */
  newPlacement?: boolean;
  repeatCountAtLeast?: number;
  /** No return interview held, declined or explained yet. */
  returnInterviewPending?: boolean;
  /** Nobody has acknowledged this step's alert: the alert moves on to the next contact. */
  notAcknowledged?: string;
}

export interface EscalationStep {
  key: string;
  /** Template name under templates/sms and templates/email. */
  template: string;
  from: Moment;
  delayMinutes?: number;
  delayWorkingDays?: number;
  when?: StepCondition;
  /** Stop once the child has returned (default: true unless measured from the return). */
  whileMissing?: boolean;
  recipients: RecipientRole[];
  /** voice: a phone call to the recipient's voice number (only on steps needing acknowledgement: press 1). */
  channels: StepChannel[];
  needsAck: boolean;
  /**
   * Which runs of the step call (voice) when it has the voice channel; without it, every run calls. From repeat
   * `fromRepeat` on (a repeat runs only while nobody has acknowledged), and from the first run when
   * `fromFirstWhen` holds.
   */
  call?: { fromRepeat: number; fromFirstWhen?: StepCondition };
  /** Messages carry a signed link to the missing profile. */
  profileLink?: boolean;
  repeat?: { everyMinutes: number; max: number };
}

export interface PolicySettings {
  /** A child placed within this many days is high risk from the first minute. */
  newPlacementDays: number;
  /** Episodes counted for "repeat missing". */
  repeatWindowDays: number;
}

export interface PolicyDocument {
  settings: PolicySettings;
  steps: EscalationStep[];
}
export interface PolicySnapshot extends PolicyDocument {
  version: number;
}

const condition = Joi.object({
  kind: Joi.array()
    .items(Joi.string().valid(...episodeKinds))
    .min(1)
    .unique(),
  risk: Joi.array()
    .items(Joi.string().valid(...riskGrades))
    .min(1)
    .unique(),
  trafficking: Joi.array()
    .items(Joi.string().valid('suspected', 'confirmed', 'not_trafficked', 'unknown'))
    .min(1)
    .unique(),
  newPlacement: Joi.boolean(),
  repeatCountAtLeast: Joi.number().integer().min(2).max(100),
  returnInterviewPending: Joi.boolean(),
  notAcknowledged: Joi.string().pattern(/^[a-z0-9_]{1,40}$/),
});

const step = Joi.object({
  key: Joi.string()
    .pattern(/^[a-z0-9_]{1,40}$/)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be lower-case letters, digits and underscores (at most 40)' }),
  template: Joi.string()
    .pattern(/^[a-z0-9-]{1,60}$/)
    .required(),
  from: Joi.string()
    .valid(...moments)
    .required(),
  delayMinutes: Joi.number()
    .integer()
    .min(0)
    .max(60 * 24 * 366),
  delayWorkingDays: Joi.number().integer().min(1).max(260),
  when: condition,
  whileMissing: Joi.boolean(),
  recipients: Joi.array()
    .items(Joi.string().valid(...teamRecipients, ...contactRecipients, ...hostRecipients))
    .min(1)
    .unique()
    .required(),
  channels: Joi.array()
    .items(Joi.string().valid(...channels))
    .min(1)
    .unique()
    .required(),
  // A call asks the person to press 1 to accept: a step that needs no acknowledgement has nothing to ask.
  needsAck: Joi.boolean()
    .required()
    .when('channels', { is: Joi.array().has('voice'), then: Joi.valid(true) })
    .messages({ 'any.only': 'a step with the voice channel must need acknowledgement (a call asks for a key press)' }),
  call: Joi.object({
    fromRepeat: Joi.number().integer().min(0).max(100).required(),
    fromFirstWhen: condition,
  }),
  profileLink: Joi.boolean(),
  repeat: Joi.object({
    everyMinutes: Joi.number().integer().min(5).required(),
    max: Joi.number().integer().min(1).max(100).required(),
  }),
})
  .xor('delayMinutes', 'delayWorkingDays')
  .messages({
    'object.xor': 'each step needs exactly one of delayMinutes and delayWorkingDays',
    'object.missing': 'each step needs exactly one of delayMinutes and delayWorkingDays',
  });

export const policyDocumentSchema = Joi.object({
  settings: Joi.object({
    newPlacementDays: Joi.number().integer().min(0).max(90).required(),
    repeatWindowDays: Joi.number().integer().min(1).max(365).required(),
  }).required(),
  steps: Joi.array()
    .items(step)
    .min(1)
    .max(50)
    .unique('key')
    .required()
    .messages({ 'array.unique': 'step keys must be unique: two steps share one' }),
}).label('policy');

/**
 * Police are told at the report of every missing child (domain guide, step 1): a policy without that
 * step would leave a child unreported, so it cannot be saved. Null when the policy has it.
 */
export function missingPoliceStep(doc: PolicyDocument): string | null {
  const hasIt = doc.steps.some(
    (s) =>
      s.from === 'reported' &&
      s.delayMinutes === 0 &&
      s.delayWorkingDays === undefined &&
      s.recipients.includes('police_control_room') &&
      (!s.when?.kind || s.when.kind.includes('M')) &&
      policeStepUnconditional(s.when),
  );
  return hasIt
    ? null
    : 'The policy must tell police at the report: add a step from "reported" with delayMinutes 0 ' +
        'whose recipients include police_control_room (for missing, M, episodes).';
}

/**
 * A police step that waits on risk, trafficking, placement or repeats would not reach police for every missing child.
 */
function policeStepUnconditional(when: StepCondition | undefined): boolean {
  return (
    !when ||
    (!when.risk &&
      !when.trafficking &&
      when.newPlacement === undefined &&
      !when.repeatCountAtLeast &&
      when.returnInterviewPending === undefined &&
      !when.notAcknowledged)
  );
}
