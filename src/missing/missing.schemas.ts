// What the missing-episode endpoints accept. Times are ISO date-times; free text is bounded.
import { riskGrades } from '../escalation/escalation-policy';
import { Joi } from '../platform/http/joi';
import { id, longText, paging, shortText, timestamp } from '../platform/http/schemas';
import { episodeKinds, reportedVia } from './missing-episode.entity';

const text = Joi.string().multiline().trim().max(500);

export const reportSchema = Joi.object({
  kind: Joi.string()
    .valid(...episodeKinds)
    .required()
    .messages({ 'any.only': 'kind must be M (missing: whereabouts unknown) or A (away without authorisation)' }),
  discoveredAt: timestamp.required(),
  lastSeen: Joi.object({ at: timestamp, where: text, by: shortText, clothing: text }),
  reportedVia: Joi.string()
    .valid(...reportedVia)
    .default('web'),
  reportedBy: shortText,
  suppressParentNotice: text.description('Recorded reason for not telling parents with parental responsibility'),
  returnedAt: timestamp.description('The episode is over: recorded after the fact, and no alerts are sent'),
  returnedWhere: text,
  returnedBy: shortText,
  stillMissing: Joi.boolean().description('Confirms that a child found missing more than 7 days ago is still missing'),
}).label('report');

export const policeSchema = Joi.object({
  reportedToPoliceAt: timestamp,
  policeReference: Joi.string().trim().max(50),
  riskGrade: Joi.string().valid(...riskGrades),
  reason: text,
})
  .min(1)
  .label('police');

export const sightingSchema = Joi.object({
  at: timestamp.required(),
  where: text.required(),
  by: shortText,
  details: longText,
}).label('sighting');

export const returnSchema = Joi.object({
  returnedAt: timestamp.required(),
  where: text,
  by: shortText,
  preventionInterviewAt: timestamp,
  preventionInterviewBy: shortText,
}).label('return');

export const returnInterviewSchema = Joi.object({
  offeredAt: timestamp,
  heldAt: timestamp,
  by: shortText,
  declined: Joi.boolean().valid(true),
  reasonNotHeld: text,
})
  .or('offeredAt', 'heldAt', 'declined', 'reasonNotHeld')
  .label('returnInterview');

export const changeToMissingSchema = Joi.object({ reason: text.required() }).label('changeToMissing');
export const closeSchema = Joi.object({
  reason: text.required().messages({ 'any.required': 'reason is required: say why the episode is being closed' }),
}).label('close');
export const undoReturnSchema = Joi.object({
  reason: text
    .required()
    .messages({ 'any.required': 'reason is required: say why the return was recorded by mistake' }),
}).label('undoReturn');
export const acknowledgeSchema = Joi.object({
  stepKey: Joi.string()
    .pattern(/^[a-z0-9_]{1,40}$/)
    .required(),
}).label('acknowledgement');

export const listEpisodesQuery = Joi.object({ open: Joi.boolean(), childId: id, ...paging });
