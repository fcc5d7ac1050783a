// The JSON shape of an NRM referral, with its computed RG due date and CG earliest date.
import { cgEarliestOn } from './nrm-deadlines';
import type { NrmReferral } from './nrm-referral.entity';

export function presentReferral(r: NrmReferral) {
  return {
    id: r.id,
    childId: r.childId,
    referredOn: r.referredOn,
    firstResponder: r.firstResponder,
    reference: r.reference,
    decisionMaker: r.decisionMaker,
    rgDecision: r.rgDecision,
    rgDecidedOn: r.rgDecidedOn,
    rgDueOn: r.rgDueOn,
    cgDecision: r.cgDecision,
    cgDecidedOn: r.cgDecidedOn,
    cgEarliestOn: cgEarliestOn(r.rgDecidedOn),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
