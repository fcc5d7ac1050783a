// Every module's routes. A new domain adds one line here.
import type { AppRoute } from './platform/http/types';
import { authoritiesRoutes } from './authorities/authorities.routes';
import { childrenRoutes } from './children/children.routes';
import { healthRoutes } from './health/health.routes';
import { placementsRoutes } from './placements/placements.routes';
import { usersRoutes } from './users/users.routes';
import { guardiansRoutes } from './guardians/guardians.routes';
import { safeguardingPlansRoutes } from './safeguarding/safeguarding-plans.routes';
import { missingProfileRoutes } from './missing-profiles/missing-profile.routes';
import { traffickingAssessmentsRoutes } from './trafficking/trafficking-assessments.routes';
import { nrmReferralsRoutes } from './nrm/nrm-referrals.routes';
import { contactsRoutes } from './contacts/contacts.routes';

export const routes: AppRoute[] = [
  ...healthRoutes,
  ...usersRoutes,
  ...authoritiesRoutes,
  ...childrenRoutes,
  ...placementsRoutes,
  ...guardiansRoutes,
  ...safeguardingPlansRoutes,
  ...missingProfileRoutes,
  ...traffickingAssessmentsRoutes,
  ...nrmReferralsRoutes,
  ...contactsRoutes,
];
