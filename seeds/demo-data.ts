// The demo data's fixed values. Fictional people only; phone numbers from Ofcom's drama ranges
// (mobiles 07700 900xxx; numbers to call 020 7946 0xxx and 0113 496 0xxx) and emails at
// example.org. Acceptance tests and the README rely on these, so change them together.
import type { Role } from '../src/platform/auth/roles';
import type { AuthorityLanguage } from '../src/platform/i18n/language';

export const DEMO_PASSWORD = 'safeguarding-demo';

// CYMRU is Welsh-first: its people see the pages in Welsh until they choose, and its carer texts in Welsh.
export const demoAuthorities: readonly {
  code: 'DEMO' | 'OTHER' | 'CYMRU';
  name: string;
  domain: string;
  smsNumber: string;
  language: AuthorityLanguage;
}[] = [
  {
    code: 'DEMO',
    name: 'Demo Borough',
    domain: 'demo-borough.example.org',
    smsNumber: '+447700900000',
    language: 'english_only',
  },
  {
    code: 'OTHER',
    name: 'Other Borough',
    domain: 'other-borough.example.org',
    smsNumber: '+447700900001',
    language: 'english_only',
  },
  {
    code: 'CYMRU',
    name: 'Cyngor Sir Demo / Demo County Council',
    domain: 'demo-cyngor.example.org',
    smsNumber: '+447700900002',
    language: 'welsh_first',
  },
];

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
  { role: 'data_protection_officer', local: 'dpo', name: 'Dana Data-Protection-Officer' },
];

export const demoEmail = (local: string, domain: string) => `${local}@${domain}`;

/** Carers: 0101 cares for exactly one child (K7Q2); 0102 for two (M4RT, H9PX). */
export const CARER_ONE_CHILD = '+447700900101';
export const CARER_TWO_CHILDREN = '+447700900102';

export const demoChildren = [
  {
    reference: 'K7Q2',
    localId: 'DB1001',
    firstNames: 'Amira',
    lastName: 'Example',
    dateOfBirth: '2010-05-14',
    sex: 2 as const,
    nationality: 'Eritrean',
    firstLanguage: 'Tigrinya',
    trafficking: 'suspected' as const,
    arrivalPort: 'Heathrow',
    carer: CARER_ONE_CHILD,
    daysPlaced: 3,
  },
  {
    reference: 'M4RT',
    localId: 'DB1002',
    firstNames: 'Bao',
    lastName: 'Sample',
    dateOfBirth: '2009-11-02',
    sex: 1 as const,
    nationality: 'Vietnamese',
    firstLanguage: 'Vietnamese',
    trafficking: 'confirmed' as const,
    arrivalPort: 'Gatwick',
    carer: CARER_TWO_CHILDREN,
    daysPlaced: 40,
  },
  {
    reference: 'H9PX',
    localId: 'DB1003',
    firstNames: 'Dritan',
    lastName: 'Placeholder',
    dateOfBirth: '2008-02-20',
    sex: 1 as const,
    nationality: 'Albanian',
    firstLanguage: 'Albanian',
    trafficking: 'suspected' as const,
    arrivalPort: 'Dover',
    carer: CARER_TWO_CHILDREN,
    daysPlaced: 90,
  },
];

/**
 * The demo child placed out of area: Demo Borough places H9PX in Other Borough, policed by a force whose control room
 * the demo fills in.
 */
export const outOfAreaDemo = {
  reference: 'H9PX',
  hostCode: 'OTHER',
  policeForceCode: 'essex',
  controlRoom: { mobile: '+447700900221', email: 'control.room.host@example.org' },
} as const;

/** Cyngor Sir Demo's carer, who speaks Welsh (placement_carers.language 'cy') and cares for one child, C5YM. */
export const CARER_CYMRAEG = '+447700900501';

export const welshAuthorityChild = {
  reference: 'C5YM',
  localId: 'CS3001',
  firstNames: 'Lan',
  lastName: 'Enghraifft',
  dateOfBirth: '2010-09-23',
  sex: 2 as const,
  nationality: 'Vietnamese',
  firstLanguage: 'Vietnamese',
  trafficking: 'suspected' as const,
  arrivalPort: 'Holyhead',
  carer: CARER_CYMRAEG,
  daysPlaced: 12,
};

export const otherBoroughChild = {
  reference: 'W3FC',
  localId: 'OB2001',
  firstNames: 'Efe',
  lastName: 'Fictional',
  dateOfBirth: '2011-07-09',
  sex: 2 as const,
  nationality: 'Nigerian',
  firstLanguage: 'Edo',
  trafficking: 'suspected' as const,
  arrivalPort: 'Heathrow',
  carer: '+447700900301',
  daysPlaced: 10,
};

/** Each demo child's ICTG (fictional guardian service); mobiles 07700 9004NN, emails at example.org. */
export const DEMO_GUARDIAN_ORGANISATION = 'Safe Passage Guardians (fictional ICTG service)';
export const demoGuardians: Record<string, { name: string; mobile: string; email: string }> = {
  K7Q2: { name: 'Gita Guardian-Example', mobile: '+447700900401', email: 'gita.guardian@example.org' },
  M4RT: { name: 'Hamid Guardian-Sample', mobile: '+447700900402', email: 'hamid.guardian@example.org' },
  H9PX: { name: 'Ines Guardian-Placeholder', mobile: '+447700900403', email: 'ines.guardian@example.org' },
  W3FC: { name: 'Jude Guardian-Fictional', mobile: '+447700900404', email: 'jude.guardian@example.org' },
  C5YM: { name: 'Kai Guardian-Enghraifft', mobile: '+447700900405', email: 'kai.guardian@example.org' },
};

/** The contacts the escalation ladder alerts in each demo authority. */
export const demoContacts = {
  DEMO: [
    {
      role: 'police_control_room',
      name: 'Force control room',
      organisation: 'Demo Constabulary',
      mobile: '+447700900201',
      email: 'police@example.org',
      voiceNumber: '+442079460201',
    },
    {
      role: 'ceop',
      name: 'CEOP duty desk',
      organisation: 'National Crime Agency (CEOP)',
      mobile: '+447700900202',
      email: 'ceop@example.org',
      voiceNumber: '+442079460202',
    },
    {
      role: 'operational_group_list',
      name: 'Operational group distribution list',
      organisation: 'Demo Borough',
      mobile: null,
      email: 'group@example.org',
    },
    {
      role: 'duty_manager',
      name: 'Duty manager',
      organisation: "Demo Borough children's services",
      mobile: '+447700900203',
      email: 'duty@example.org',
      voiceNumber: '+442079460203',
    },
    {
      role: 'head_of_service',
      name: 'Head of service',
      organisation: "Demo Borough children's services",
      mobile: '+447700900204',
      email: 'hos@example.org',
    },
    {
      // Told of each port arrival (reference, port and date only), so an arrival in the demo reaches someone.
      role: 'guardian_service',
      name: 'Guardian service duty line',
      organisation: 'Independent Child Trafficking Guardian service',
      mobile: '+447700900206',
      email: 'ictg.duty@example.org',
    },
  ],
  OTHER: [
    {
      role: 'police_control_room',
      name: 'Force control room',
      organisation: 'Other Constabulary',
      mobile: '+447700900211',
      email: 'police.other@example.org',
      voiceNumber: '+441134960211',
    },
    {
      role: 'ceop',
      name: 'CEOP duty desk',
      organisation: 'National Crime Agency (CEOP)',
      mobile: '+447700900212',
      email: 'ceop.other@example.org',
      voiceNumber: '+441134960212',
    },
    {
      role: 'missing_coordinator',
      name: 'Missing-children coordinator',
      organisation: 'Other Borough',
      mobile: '+447700900213',
      email: 'missing.other@example.org',
    },
  ],
  // Numbers to call from Ofcom's Cardiff drama range (029 2018 0xxx). The control room's language is not
  // recorded, so its calls and texts are in both languages, Welsh first; the duty manager chose Welsh.
  CYMRU: [
    {
      role: 'police_control_room',
      name: "Ystafell reoli'r heddlu / Force control room",
      organisation: 'Heddlu Demo / Demo Police',
      mobile: '+447700900231',
      email: 'heddlu@example.org',
      voiceNumber: '+442920180231',
      language: null,
    },
    {
      role: 'ceop',
      name: 'CEOP duty desk',
      organisation: 'National Crime Agency (CEOP)',
      mobile: '+447700900232',
      email: 'ceop.cymru@example.org',
      voiceNumber: '+442920180232',
      language: 'en',
    },
    {
      role: 'duty_manager',
      name: 'Rheolwr ar ddyletswydd / Duty manager',
      organisation: 'Gwasanaethau plant Cyngor Sir Demo',
      mobile: '+447700900233',
      email: 'dyletswydd@example.org',
      voiceNumber: '+442920180233',
      language: 'cy',
    },
  ],
} as const;

/** The past demo episode (seeds/08) and its delivery history (seeds/06). */
export const DEMO_DELIVERY_EPISODE_ID = '5f0c6a52-3d1e-4c7a-9b21-6e0d2f4a8c11';
export const DEMO_EPISODE_REFERENCE = 'E-H7KQ';
