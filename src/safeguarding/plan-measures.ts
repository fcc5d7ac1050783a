// The protective measures a safeguarding plan chooses from, with the words people see. The codes
// are stored; change a label freely, never a code.
export const planMeasures = {
  supervision_level: 'Supervision level agreed',
  placement_address_restricted: 'Placement address restricted',
  phone_retained_or_checked: 'Phone retained or checked',
  contact_restrictions: 'Contact restrictions',
  escort_required: 'Escort required',
  photograph_on_file: 'Photograph on file',
  missing_profile_complete: 'Missing profile complete',
  biometrics_taken_at_port: 'Biometrics taken at the port',
  not_placed_in_hostel_or_bnb: 'Not placed in a hostel or B&B',
  leaflet_in_own_language: 'Leaflet given in own language',
  contingency_contacts_listed: 'Contingency contacts listed',
} as const;

export type PlanMeasure = keyof typeof planMeasures;
export const planMeasureCodes = Object.keys(planMeasures) as PlanMeasure[];

export const risksOfMissing = ['low', 'medium', 'high'] as const;
export type RiskOfMissing = (typeof risksOfMissing)[number];

/**
 * Bed checks: local England times ("23:00") and how many days they run (from the later of the plan's and the
 * placement's start).
 */
export interface BedCheckSchedule {
  times: string[];
  days: number;
}
/** Proposed for a suspected or confirmed trafficked child in a new placement (domain guide: the first 72 hours). */
export const defaultBedChecks: BedCheckSchedule = { times: ['23:00', '02:00', '06:00'], days: 3 };
export const bedCheckTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
