// Every module's routes. A new domain adds one line here.
import { adminPages } from './admin/admin.pages';
import { arrivalsPages } from './arrivals/arrivals.pages';
import { arrivalsRoutes } from './arrivals/arrivals.routes';
import { auditPages } from './audit/audit.pages';
import { auditRoutes } from './audit/audit.routes';
import { authoritiesRoutes } from './authorities/authorities.routes';
import { authorityLanguagePages } from './authorities/authority-language.pages';
import { publishedContactsPages } from './authorities/published-contacts.pages';
import { childFormPages } from './children/child-forms.pages';
import { childRecordPages } from './children/child-records.pages';
import { childrenPages } from './children/children.pages';
import { childrenRoutes } from './children/children.routes';
import { contactsPages } from './contacts/contacts.pages';
import { contactsRoutes } from './contacts/contacts.routes';
import { homePages } from './dashboard/home.pages';
import { escalationRoutes } from './escalation/escalation.routes';
import { policyPages } from './escalation/policy.pages';
import { profileLinkRoutes } from './escalation/profile-link.routes';
import { figuresPages } from './figures/figures.pages';
import { figuresRoutes } from './figures/figures.routes';
import { guardiansRoutes } from './guardians/guardians.routes';
import { healthRoutes } from './health/health.routes';
import { helpPages } from './help/help.pages';
import { episodeAcknowledgePages } from './missing/episode-acknowledge.pages';
import { missingPages } from './missing/missing.pages';
import { missingRoutes } from './missing/missing.routes';
import { sightingPages } from './missing/sighting.pages';
import { missingProfilePages } from './missing-profiles/missing-profile.pages';
import { missingProfileRoutes } from './missing-profiles/missing-profile.routes';
import { missingProfilePhotoPages } from './missing-profiles/missing-profile-photo.pages';
import { notificationsRoutes } from './notifications/notifications.routes';
import { nrmReferralsRoutes } from './nrm/nrm-referrals.routes';
import { groupMembersPages } from './operational-group/group-members.pages';
import { meetingArrangementsPages } from './operational-group/meeting-arrangements.pages';
import { operationalGroupPages } from './operational-group/operational-group.pages';
import { operationalGroupRoutes } from './operational-group/operational-group.routes';
import { carersPages } from './placements/carers.pages';
import { placementEditPages } from './placements/placement-edit.pages';
import { placementForcePages } from './placements/placement-force.pages';
import { placementsRoutes } from './placements/placements.routes';
import type { AppRoute } from './platform/http/types';
import { retentionPages } from './retention/retention.pages';
import { retentionRoutes } from './retention/retention.routes';
import { returnsPages } from './returns/returns.pages';
import { returnsRoutes } from './returns/returns.routes';
import { safeguardingPlansRoutes } from './safeguarding/safeguarding-plans.routes';
import { smsRoutes } from './sms/sms.routes';
import { smsQueuePages } from './sms/sms-queue.pages';
import { correctionsPages } from './subject-access/corrections.pages';
import { subjectAccessPages } from './subject-access/subject-access.pages';
import { subjectAccessRoutes } from './subject-access/subject-access.routes';
import { traffickingAssessmentsRoutes } from './trafficking/trafficking-assessments.routes';
import { ownLanguagePages } from './users/own-language.pages';
import { signInPages } from './users/sign-in.pages';
import { usersPages } from './users/users.pages';
import { usersRoutes } from './users/users.routes';
import { voiceRoutes } from './voice/voice.routes';

export const routes: AppRoute[] = [
  ...healthRoutes,
  ...usersRoutes,
  ...authoritiesRoutes,
  ...childrenRoutes,
  ...placementsRoutes,
  ...auditRoutes,
  ...smsRoutes,
  ...voiceRoutes,
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
  ...retentionRoutes,
  ...subjectAccessRoutes,
  ...arrivalsRoutes,
  // pages
  ...signInPages,
  ...homePages,
  ...figuresPages,
  ...missingPages,
  ...episodeAcknowledgePages,
  ...helpPages,
  ...childrenPages,
  ...childFormPages,
  ...placementForcePages,
  ...placementEditPages,
  ...carersPages,
  ...correctionsPages,
  ...missingProfilePages,
  ...missingProfilePhotoPages,
  ...adminPages,
  ...usersPages,
  ...contactsPages,
  ...publishedContactsPages,
  ...authorityLanguagePages,
  ...ownLanguagePages,
  ...policyPages,
  ...smsQueuePages,
  ...auditPages,
  ...operationalGroupPages,
  ...groupMembersPages,
  ...meetingArrangementsPages,
  ...retentionPages,
  ...subjectAccessPages,
  ...arrivalsPages,
  ...returnsPages,
  ...childRecordPages,
  ...sightingPages,
];
