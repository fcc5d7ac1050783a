// The roles a user can hold. Police and CEOP users see only what was escalated to them.
export const roles = [
  'administrator',
  'social_worker',
  'team_manager',
  'senior_manager',
  'carer',
  'police',
  'ceop',
  'group_member',
  'guardian',
  'data_protection_officer',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  administrator: 'Administrator',
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  senior_manager: 'Senior manager (head of service / director)',
  carer: 'Foster carer or key worker',
  police: 'Police',
  ceop: 'CEOP (National Crime Agency)',
  group_member: 'Operational group member',
  guardian: 'Independent Child Trafficking Guardian',
  data_protection_officer: 'Data protection officer',
};
