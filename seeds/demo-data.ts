// The demo data's fixed values. Fictional people only; phone numbers from Ofcom's drama range and
// emails at example.org. Acceptance tests and the README rely on these, so change them together.
import type { Role } from '../src/platform/auth/roles';

export const DEMO_PASSWORD = 'safeguarding-demo';

export const demoAuthorities = [
  { code: 'DEMO', name: 'Demo Borough', domain: 'demo-borough.example.org', smsNumber: '+447700900000' },
  { code: 'OTHER', name: 'Other Borough', domain: 'other-borough.example.org', smsNumber: '+447700900001' },
] as const;

export const demoRoles: { role: Role; local: string; name: string }[] = [
  { role: 'administrator', local: 'admin', name: 'Ada Administrator' },
  { role: 'social_worker', local: 'social.worker', name: 'Sam Social-Worker' },
  { role: 'team_manager', local: 'team.manager', name: 'Tara Team-Manager' },
  { role: 'senior_manager', local: 'head.of.service', name: 'Hari Head-of-Service' },
  { role: 'carer', local: 'carer', name: 'Cora Carer' },
  { role: 'police', local: 'police', name: 'PC Pat Police' },
  { role: 'ceop', local: 'ceop', name: 'Cam CEOP-Officer' },
  { role: 'group_member', local: 'group.member', name: 'Gil Group-Member' },
  { role: 'guardian', local: 'guardian', name: 'Gwen Guardian' },
];

export const demoEmail = (local: string, domain: string) => `${local}@${domain}`;

/** Carers: 0101 cares for exactly one child (K7Q2); 0102 for two (M4RT, H9PX). */
export const CARER_ONE_CHILD = '+447700900101';
export const CARER_TWO_CHILDREN = '+447700900102';

export const demoChildren = [
  { reference: 'K7Q2', localId: 'DB1001', firstNames: 'Amira', lastName: 'Example', dateOfBirth: '2010-05-14', sex: 2 as const,
    nationality: 'Eritrean', firstLanguage: 'Tigrinya', trafficking: 'suspected' as const, arrivalPort: 'Heathrow', carer: CARER_ONE_CHILD, daysPlaced: 3 },
  { reference: 'M4RT', localId: 'DB1002', firstNames: 'Bao', lastName: 'Sample', dateOfBirth: '2009-11-02', sex: 1 as const,
    nationality: 'Vietnamese', firstLanguage: 'Vietnamese', trafficking: 'confirmed' as const, arrivalPort: 'Gatwick', carer: CARER_TWO_CHILDREN, daysPlaced: 40 },
  { reference: 'H9PX', localId: 'DB1003', firstNames: 'Dritan', lastName: 'Placeholder', dateOfBirth: '2008-02-20', sex: 1 as const,
    nationality: 'Albanian', firstLanguage: 'Albanian', trafficking: 'suspected' as const, arrivalPort: 'Dover', carer: CARER_TWO_CHILDREN, daysPlaced: 90 },
];

export const otherBoroughChild = { reference: 'W3FC', localId: 'OB2001', firstNames: 'Efe', lastName: 'Fictional', dateOfBirth: '2011-07-09',
  sex: 2 as const, nationality: 'Nigerian', firstLanguage: 'Edo', trafficking: 'suspected' as const, arrivalPort: 'Heathrow', carer: '+447700900301', daysPlaced: 10 };
