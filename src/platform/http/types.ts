// Typed hapi: the services and the action a route needs are declared once here for every route.
import type { Lifecycle, MergeType, ReqRef, Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';

import type { Config } from '../../config';
import type { Actor } from '../auth/actor';
import type { Action } from '../auth/permissions';

declare module '@hapi/hapi' {
  interface RouteOptionsApp {
    /** The permission this route needs; routes with auth must name one. */
    action?: Action;
  }
  // src/server.ts adds `services`, so platform/ imports nothing from the domain.
  interface ServerApplicationState {
    config: Config;
  }
  interface AuthCredentials {
    actor?: Actor;
  }
}

/** Request shapes a route without its own declaration sees (see `route` for typed shapes). */
export interface AppRefs {
  Params: Record<string, string>;
  Query: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  Payload: object;
  Headers: Record<string, string | undefined>;
}
export type AppRoute = ServerRoute<AppRefs>;

/** A route whose handler reads the shapes its Joi schemas produce, e.g. `TypedRoute<{ Payload: ChildInput }>`. */
export type TypedRoute<R extends ReqRef> = ServerRoute<RefsWith<R>>;
/** AppRefs with the shapes one route declares, e.g. `RefsWith<{ Query: EpisodeFilter }>`. */
export type RefsWith<R extends ReqRef> = MergeType<AppRefs, R>;

/**
 * Declares a typed route for a list of `AppRoute`s. hapi's handler type is contravariant in its
 * request, so a route with narrower shapes joins the list only by this one assertion; the route's
 * own Joi validation is what makes the narrower shapes true.
 */
export function route<R extends ReqRef>(definition: TypedRoute<R>): AppRoute {
  return definition as unknown as AppRoute;
}

/**
 * A validation failAction that re-renders a page with the app's request shapes. hapi types every
 * failAction with its defaults; AppRefs claims only what holds before validation too (params and
 * query as parsed strings, the payload an object), so the page's renderer can take the request.
 */
export function pageFailAction(
  action: (request: Request<AppRefs>, h: ResponseToolkit<AppRefs>, err?: Error) => Promise<Lifecycle.ReturnValue>,
): Lifecycle.FailAction {
  return action as unknown as Lifecycle.FailAction;
}
