// The kinds of record a retention rule covers, what each rule does when a record's time is up, and
// the words the API and pages use for them.
export const retentionKinds = [
  'child_record',
  'placements',
  'plans',
  'profiles_photos',
  'episodes',
  'messages',
  'message_bodies',
  'inbound_texts',
  'audit_trail',
  'users',
  'carers',
  'contacts',
] as const;
export type RetentionKind = (typeof retentionKinds)[number];

/** Kinds the nightly review looks for; the others are kept with the child's record (anchor 'child_record'). */
export const reviewedKinds = [
  'child_record',
  'message_bodies',
  'inbound_texts',
  'users',
  'carers',
  'contacts',
] as const;
export type ReviewedKind = (typeof reviewedKinds)[number];

export const retentionActions = ['anonymise', 'shorten', 'keep'] as const;
export type RetentionAction = (typeof retentionActions)[number];

export const kindLabels: Record<RetentionKind, string> = {
  child_record: 'Child’s case record',
  placements: 'Placements',
  plans: 'Safeguarding plans',
  profiles_photos: 'Missing profiles and photographs',
  episodes: 'Missing episodes and timelines',
  messages: 'Messages (delivery records)',
  message_bodies: 'Message bodies',
  inbound_texts: 'Texts received',
  audit_trail: 'Audit trail',
  users: 'User accounts',
  carers: 'Carers’ details',
  contacts: 'Contacts',
};

export const anchorLabels: Record<string, string> = {
  date_of_birth: 'from the date of birth (care ended)',
  child_record: 'kept with the child’s record',
  sent: 'after the message was created',
  received: 'after the text was received',
  disabled: 'after the account was disabled',
  placement_end: 'after the placement ended',
  deactivated: 'after the contact was made inactive',
};

export const actionLabels: Record<RetentionAction, string> = {
  anonymise: 'Anonymise',
  shorten: 'Remove the body, keep the delivery record',
  keep: 'Keep (no disposal by the service)',
};
