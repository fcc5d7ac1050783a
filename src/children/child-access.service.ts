// Asks permissions.ts whether the caller may act on one child, reading their tie to the child only
// when their role needs one. Pages and the API call this alike, so they cannot disagree.
import type { RequestContext } from '../platform/auth/actor';
import { type Action, allows, needsTie } from '../platform/auth/permissions';
import type { Tx } from '../platform/database/transaction';
import { Forbidden } from '../platform/errors';
import { ChildTiesRepository } from './child-ties.repository';

const refusals: Partial<Record<Action, string>> = {
  'episodes.report':
    "You can report only a child placed with you: you are not a carer of this child's current placement.",
};

export class ChildAccess {
  constructor(readonly ties = new ChildTiesRepository()) {}

  /** Refuses with a sentence (403, audited as refused) unless role and tie allow the action on this child. */
  async require(tx: Tx, ctx: RequestContext, childId: string, action: Action): Promise<void> {
    const { role } = ctx.actor;
    const ties = needsTie(role, action) ? await this.ties.tiesOf(tx, ctx.actor, childId) : new Set<never>();
    if (!allows(role, action, ties))
      throw new Forbidden(refusals[action] ?? 'You are not tied to this child, so you cannot do this.');
  }
}
