// What the retention routes accept.
import { Joi } from '../platform/http/joi';
import { retentionKinds } from './retention-kinds';

const reason = Joi.string().multiline().trim().min(3).max(1000).required();

export const changeRuleSchema = Joi.object({
  kind: Joi.string()
    .valid(...retentionKinds)
    .required(),
  keepYears: Joi.number().integer().min(1).max(120),
  automatic: Joi.boolean(),
  inquiryHold: Joi.boolean(),
  reason: reason.description('Why the rule changes (recorded with it)'),
}).label('retentionRuleChange');

export const reviewsQuery = Joi.object({
  status: Joi.string().valid('open', 'done', 'kept').default('open'),
});

export const reasonSchema = Joi.object({ reason }).label('reason');
export const approveSchema = Joi.object({}).label('approval');
export const placeHoldSchema = Joi.object({ reason: reason.description('Why the records must be kept') }).label('hold');
