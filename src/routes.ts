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
import { guardiansRoutes } from './guardians/guardians.routes';
import { safeguardingPlansRoutes } from './safeguarding/safeguarding-plans.routes';
import { missingProfileRoutes } from './missing-profiles/missing-profile.routes';
import { traffickingAssessmentsRoutes } from './trafficking/trafficking-assessments.routes';
import { nrmReferralsRoutes } from './nrm/nrm-referrals.routes';
import { contactsRoutes } from './contacts/contacts.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { missingRoutes } from './missing/missing.routes';
import { escalationRoutes } from './escalation/escalation.routes';
import { profileLinkRoutes } from './escalation/profile-link.routes';
import { operationalGroupRoutes } from './operational-group/operational-group.routes';
import { returnsRoutes } from './returns/returns.routes';
import { figuresRoutes } from './figures/figures.routes';
import { figuresPages } from './figures/figures.pages';
import { missingPages } from './missing/missing.pages';
import { episodeAcknowledgePages } from './missing/episode-acknowledge.pages';
import { helpPages } from './help/help.pages';
import { childrenPages } from './children/children.pages';
import { childFormPages } from './children/child-forms.pages';
import { missingProfilePages } from './missing-profiles/missing-profile.pages';
import { missingProfilePhotoPages } from './missing-profiles/missing-profile-photo.pages';
import { adminPages } from './admin/admin.pages';
import { usersPages } from './users/users.pages';
import { contactsPages } from './contacts/contacts.pages';
import { policyPages } from './escalation/policy.pages';
import { smsQueuePages } from './sms/sms-queue.pages';
import { auditPages } from './audit/audit.pages';
import { operationalGroupPages } from './operational-group/operational-group.pages';

export const routes: AppRoute[] = [
  ...healthRoutes,
  ...usersRoutes,
  ...authoritiesRoutes,
  ...childrenRoutes,
  ...placementsRoutes,
  ...auditRoutes,
  ...smsRoutes,
  ...guardiansRoutes,
  ...safeguardingPlansRoutes,
  ...missingProfileRoutes,
  ...traffickingAssessmentsRoutes,
  ...nrmReferralsRoutes,
  ...contactsRoutes,
  ...missingRoutes,
  ...escalationRoutes,
  ...profileLinkRoutes,
  ...operationalGroupRoutes,
  ...notificationsRoutes,
  ...returnsRoutes,
  ...figuresRoutes,
  // pages
  ...signInPages,
  ...homePages,
  ...figuresPages,
  ...missingPages,
  ...episodeAcknowledgePages,
  ...helpPages,
  ...childrenPages,
  ...childFormPages,
  ...missingProfilePages,
  ...missingProfilePhotoPages,
  ...adminPages,
  ...usersPages,
  ...contactsPages,
  ...policyPages,
  ...smsQueuePages,
  ...auditPages,
  ...operationalGroupPages,
];
