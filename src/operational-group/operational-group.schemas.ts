// What the operational group's API accepts.
import { Joi } from '../platform/http/joi';
import { email, id, isoDate, longText, shortText, timestamp } from '../platform/http/schemas';
import { traffickingIndicatorCodes } from '../trafficking/trafficking-indicators';
import { attendanceKinds } from './meeting-record.entity';
import { meetingStatuses } from './operational-group.entity';

export const configureGroupSchema = Joi.object({
  name: shortText,
  cadenceDays: Joi.number().integer().min(7).max(365),
  packDaysBefore: Joi.number().integer().min(1).max(28),
  firstMeetingAt: timestamp,
  durationMinutes: Joi.number().integer().min(15).max(600),
  location: shortText.allow(null),
})
  .min(1)
  .label('group');

export const addMemberSchema = Joi.object({ userId: id, contactId: id })
  .xor('userId', 'contactId')
  .messages({ 'object.missing': 'give userId or contactId', 'object.xor': 'give userId or contactId, not both' })
  .label('member');

export const updateMeetingSchema = Joi.object({
  startsAt: timestamp,
  durationMinutes: Joi.number().integer().min(15).max(600),
  location: shortText.allow(null),
  status: Joi.string().valid(...meetingStatuses),
  minutes: Joi.string().trim().max(50_000).allow(null),
})
  .min(1)
  .label('meeting');

const attendanceEntry = Joi.object({
  memberId: id,
  name: shortText,
  organisation: shortText.allow(null),
  attendance: Joi.string()
    .valid(...attendanceKinds)
    .required(),
})
  .or('memberId', 'name')
  .messages({ 'object.missing': 'each attendance entry needs a memberId or a name' });

export const attendanceSchema = Joi.object({
  attendance: Joi.array().items(attendanceEntry).max(100).required(),
}).label('attendance');

export const reviewSchema = Joi.object({
  childId: id.required(),
  episodeIds: Joi.array().items(id).max(50).unique(),
  indicatorsConsidered: Joi.array()
    .items(Joi.string().valid(...traffickingIndicatorCodes))
    .unique()
    .required(),
  decision: longText.required(),
  planChanges: longText.allow(null),
  debriefArranged: Joi.boolean().required(),
  debriefWith: shortText.allow(null).when('debriefArranged', { is: true, then: Joi.required() }),
}).label('review');

export const actionSchema = Joi.object({
  description: longText.required(),
  dueOn: isoDate.required(),
  childId: id.allow(null),
  ownerMemberId: id,
  ownerName: shortText,
  ownerEmail: email.allow(null),
})
  .or('ownerMemberId', 'ownerName')
  .messages({ 'object.missing': 'give the owner: ownerMemberId, or ownerName (and ownerEmail so they can be chased)' })
  .label('action');

export const completeActionSchema = Joi.object({ note: longText.allow(null) })
  .allow(null)
  .label('completion');

export const listActionsQuery = Joi.object({ open: Joi.boolean() });
