// Every module's routes. A new domain adds one line here.
import type { AppRoute } from './platform/http/types';
import { auditRoutes } from './audit/audit.routes';
import { homePages } from './dashboard/home.pages';
import { signInPages } from './users/sign-in.pages';
import { authoritiesRoutes } from './authorities/authorities.routes';
import { childrenRoutes } from './children/children.routes';
import { healthRoutes } from './health/health.routes';
import { placementsRoutes } from './placements/placements.routes';
import { usersRoutes } from './users/users.routes';
import { smsRoutes } from './sms/sms.routes';

export const routes: AppRoute[] = [
  ...healthRoutes,
  ...usersRoutes,
  ...authoritiesRoutes,
  ...childrenRoutes,
  ...placementsRoutes,
  ...auditRoutes,
  ...smsRoutes,
  // pages
  ...signInPages,
  ...homePages,
];
