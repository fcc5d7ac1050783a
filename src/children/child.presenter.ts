// The JSON shape of a child's record in the API.
import type { Child } from './child.entity';

export function presentChild(c: Child) {
  return {
    id: c.id,
    reference: c.reference,
    localId: c.localId,
    firstNames: c.firstNames,
    lastName: c.lastName,
    aliases: c.aliases,
    dateOfBirth: c.dateOfBirth,
    dobEstimated: c.dobEstimated,
    ageDisputed: c.ageDisputed,
    sex: c.sex,
    gender: c.gender,
    nationality: c.nationality,
    firstLanguage: c.firstLanguage,
    interpreterNeeded: c.interpreterNeeded,
    uasc: c.uasc,
    arrivalDate: c.arrivalDate,
    arrivalPort: c.arrivalPort,
    identifiedBy: c.identifiedBy,
    traffickingStatus: c.traffickingStatus,
    socialWorkerId: c.socialWorkerId,
    careStartedAt: c.careStartedAt,
    careEndedAt: c.careEndedAt,
    careEndReason: c.careEndReason,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
