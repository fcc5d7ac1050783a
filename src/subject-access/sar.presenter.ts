// The words of a subject access request and its export: section titles, redaction reasons, the
// deadline as a sentence. The PDF and the pages both take them from here.
import { formatDate } from '../platform/views/format';
import type { Deadline } from './sar-deadline';
import type { SarRow } from './subject-access.repository';

export const sectionTitles: Record<string, string> = {
  child: 'Your record',
  corrections: 'Corrections made to your record',
  placements: 'Where you have lived (placements)',
  guardians: 'Guardians',
  plans: 'Safeguarding plans',
  profile: 'Missing profile',
  photographs: 'Photographs',
  assessments: 'Trafficking assessments',
  nrm: 'National Referral Mechanism',
  episodes: 'Times you were missing or away',
  timeline: 'What was recorded during those times',
  risk_grades: 'Risk grades',
  messages: 'Messages sent about you',
  inbound_texts: 'Texts received about you',
  bed_checks: 'Bed checks',
  meetings: 'Operational group reviews',
  meeting_actions: 'Operational group actions',
  audit: 'Who looked at or changed your record',
  carer_records: 'Your records as a carer',
};

export const redactionReasons = {
  other_child: 'Another child',
  carer_contact: 'Carer’s contact details',
  police_information: 'Police information',
  third_party: 'Another person',
} as const;

export const pdfWords = {
  title: 'Your records: subject access request',
  intro:
    'This is the information the local authority holds about you in the missing children service. ' +
    'Some parts are covered because they are about other people. If anything is wrong, you can ask for it ' +
    'to be corrected.',
  received: 'Request received',
  generated: 'Produced',
  photoNote: 'A photograph is held. It is included in the electronic copy of this record.',
  empty: 'Nothing is held.',
  police: 'Police information',
};

export function presentRequest(r: SarRow, deadline: Deadline, zone: string) {
  return {
    id: r.id,
    subjectKind: r.subjectKind,
    childId: r.childId,
    childReference: r.childReference,
    carerMobile: r.carerMobile,
    requester: r.requester,
    receivedOn: r.receivedOn,
    extensionMonths: r.extensionMonths,
    extensionReason: r.extensionReason,
    pauses: r.pauses,
    deadline: deadline.dueOn,
    daysPaused: deadline.daysPaused,
    paused: deadline.paused,
    pausedSince: deadline.pausedSince,
    status: r.completedAt ? 'completed' : deadline.paused ? 'paused' : 'open',
    completedAt: r.completedAt,
    deadlineText: deadline.paused
      ? `Paused since ${formatDate(deadline.pausedSince, zone)}: the deadline moves on each day it stays paused`
      : `Due by ${formatDate(deadline.dueOn, zone)}`,
  };
}
