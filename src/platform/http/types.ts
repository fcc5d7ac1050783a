// Typed hapi: the services and the action a route needs are declared once here for every route.
import type { ServerRoute } from '@hapi/hapi';

import type { Config } from '../../config';
import type { Services } from '../../services';
import type { Actor } from '../auth/actor';
import type { Action } from '../auth/permissions';

declare module '@hapi/hapi' {
  interface RouteOptionsApp {
    /** The permission this route needs; routes with auth must name one. */
    action?: Action;
  }
  interface ServerApplicationState {
    services: Services;
    config: Config;
  }
  interface AuthCredentials {
    actor?: Actor;
  }
}

/** Request shapes after Joi validation: handlers cast payloads to their service's input type. */
export interface AppRefs {
  Params: Record<string, string>;
  Query: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  Payload: object;
  Headers: Record<string, string | undefined>;
}
export type AppRoute = ServerRoute<AppRefs>;
