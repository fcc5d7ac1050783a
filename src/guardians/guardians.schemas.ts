// What a guardian accepts. Mobiles are normalised to E.164; date order is checked by the service.
import { Joi } from '../platform/http/joi';
import { email, id, isoDate, shortText } from '../platform/http/schemas';
import { phoneNumber } from '../platform/phone';
import { guardianKinds } from './guardian.entity';

const fields = {
  kind: Joi.string().valid(...guardianKinds),
  name: shortText,
  organisation: shortText.allow(null),
  mobile: phoneNumber.allow(null),
  email: email.allow(null),
  referredOn: isoDate.allow(null),
  allocatedOn: isoDate.allow(null),
  endedOn: isoDate.allow(null),
  /** The guardian's user account, so they see this child's episodes when signed in. */
  userId: id.allow(null),
};

export const createGuardianSchema = Joi.object({
  ...fields,
  kind: fields.kind.required(),
  name: fields.name.required(),
}).label('guardian');

export const updateGuardianSchema = Joi.object(fields).min(1).label('guardian');
