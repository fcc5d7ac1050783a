// Builds the service-layer RequestContext from an authenticated hapi request.
import type { ReqRef, Request } from '@hapi/hapi';

import type { RequestContext } from '../auth/actor';
import { clientAddress } from './client-address';

export function contextOf<R extends ReqRef>(request: Request<R>): RequestContext {
  const actor = request.auth.credentials.actor;
  if (!actor) throw new Error('Route used contextOf without authentication');
  return { actor, ip: clientAddress(request) };
}
