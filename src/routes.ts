// Every module's routes. A new domain adds one line here.
import type { AppRoute } from './platform/http/types';
import { authoritiesRoutes } from './authorities/authorities.routes';
import { childrenRoutes } from './children/children.routes';
import { healthRoutes } from './health/health.routes';
import { placementsRoutes } from './placements/placements.routes';
import { usersRoutes } from './users/users.routes';
import { missingRoutes } from './missing/missing.routes';
import { escalationRoutes } from './escalation/escalation.routes';

export const routes: AppRoute[] = [
  ...healthRoutes,
  ...usersRoutes,
  ...authoritiesRoutes,
  ...childrenRoutes,
  ...placementsRoutes,
  ...missingRoutes,
  ...escalationRoutes,
];
