// Seed 03: each demo child's safeguarding file: an ICTG guardian, a current safeguarding plan
// (M4RT has two versions; H9PX's review date has passed), a missing profile, a trafficking
// assessment and an NRM referral (K7Q2's reasonable-grounds decision is pending and due soon).
// K7Q2, the newest placement, has bed checks on its plan: 23:00, 02:00 and 06:00, and one a minute
// before the seed ran, so that the first minute's round texts its carer and a newcomer can answer it.
import { IsNull } from 'typeorm';

import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { BED_CHECK_ZONE } from '../src/bed-checks/bed-check-schedule';
import { Child } from '../src/children/child.entity';
import { Guardian } from '../src/guardians/guardian.entity';
import { MissingProfile } from '../src/missing-profiles/missing-profile.entity';
import { DecisionMaker, rgDueOn } from '../src/nrm/nrm-deadlines';
import { NrmReferral } from '../src/nrm/nrm-referral.entity';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { addDays, today } from '../src/platform/dates';
import { wallClock } from '../src/platform/wall-clock';
import { defaultBedChecks, PlanMeasure, RiskOfMissing } from '../src/safeguarding/plan-measures';
import { SafeguardingPlan } from '../src/safeguarding/safeguarding-plan.entity';
import { TraffickingAssessment } from '../src/trafficking/trafficking-assessment.entity';
import type { TraffickingIndicator } from '../src/trafficking/trafficking-indicators';
import { User } from '../src/users/user.entity';
import {
  DEMO_GUARDIAN_ORGANISATION,
  demoChildren,
  demoGuardians,
  otherBoroughChild,
  welshAuthorityChild,
} from './demo-data';

interface RecordsSpec {
  /** Oldest first; the last is in force. Days are relative to today (negative = past). */
  plans: { risk: RiskOfMissing; agreed: number; review: number; bedChecks?: boolean }[];
  indicators: TraffickingIndicator[];
  nrm: { referred: number; maker: DecisionMaker; rg?: number; cg?: number };
  description: string;
}

const measures: PlanMeasure[] = [
  'supervision_level',
  'placement_address_restricted',
  'phone_retained_or_checked',
  'photograph_on_file',
  'missing_profile_complete',
  'not_placed_in_hostel_or_bnb',
  'leaflet_in_own_language',
];

const specs: Record<string, RecordsSpec> = {
  K7Q2: {
    plans: [{ risk: 'high', agreed: -2, review: 12, bedChecks: true }],
    indicators: ['no_adult_with_pr', 'phone_number_sewn_into_clothing'],
    nrm: { referred: -1, maker: 'single_competent_authority' },
    description: 'Slight build, about 150 cm, long dark hair usually plaited.',
  },
  M4RT: {
    plans: [
      { risk: 'medium', agreed: -38, review: -10 },
      { risk: 'high', agreed: -10, review: 32 },
    ],
    indicators: ['debt_bondage', 'unrelated_children_at_one_address', 'false_or_altered_documents'],
    nrm: { referred: -38, maker: 'single_competent_authority', rg: -35 },
    description: 'Medium build, about 165 cm, short black hair.',
  },
  H9PX: {
    plans: [{ risk: 'high', agreed: -60, review: -7 }],
    indicators: ['contact_with_unknown_adults', 'repeat_missing', 'no_adult_with_pr'],
    nrm: { referred: -85, maker: 'single_competent_authority', rg: -80, cg: -40 },
    description: 'Tall, about 180 cm, athletic build, short brown hair.',
  },
  W3FC: {
    plans: [{ risk: 'high', agreed: -9, review: 19 }],
    indicators: ['no_adult_with_pr', 'false_or_altered_documents'],
    nrm: { referred: -8, maker: 'devolved_panel' },
    description: 'Slim, about 155 cm, short braided hair.',
  },
  C5YM: {
    plans: [{ risk: 'high', agreed: -11, review: 17 }],
    indicators: ['no_adult_with_pr', 'phone_number_sewn_into_clothing'],
    nrm: { referred: -10, maker: 'devolved_panel' },
    description: 'Slight build, about 150 cm, shoulder-length black hair.',
  },
};

const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The usual three checks, and one a minute ago (within the round's 15 minutes' grace), sent at the first round. */
function demoBedChecks(now: Date) {
  const w = wallClock(new Date(now.getTime() - MINUTE), BED_CHECK_ZONE);
  const demoTime = `${pad(w.hour)}:${pad(w.minute)}`;
  const times = [...new Set([...defaultBedChecks.times, demoTime])];
  return {
    bedChecks: { times, days: defaultBedChecks.days },
    notes:
      `Bed checks at 23:00, 02:00 and 06:00 for the first three nights. The demo added one at ${demoTime} ` +
      'so that a check is waiting for the carer as soon as the service starts.',
  };
}

/** The demo guardian user guards this one child, so signing in as them shows only its episodes. */
const GUARDED_BY_DEMO_GUARDIAN = 'K7Q2';

async function linkDemoGuardian(tx: Tx, child: Child): Promise<void> {
  const user = await tx.findOneBy(User, { authorityId: child.authorityId, role: 'guardian' });
  if (user) await tx.update(Guardian, { childId: child.id, userId: IsNull() }, { userId: user.id });
}

export async function seedDemoRecords(tx: Tx, clock: Clock): Promise<void> {
  for (const c of [...demoChildren, otherBoroughChild, welshAuthorityChild]) {
    const child = await tx.findOneByOrFail(Child, { reference: c.reference, localId: c.localId });
    const authority = await tx.findOneByOrFail(LocalAuthority, { id: child.authorityId });
    const spec = specs[c.reference];
    const day = (offset: number) => addDays(today(clock), offset);
    const base = { authorityId: child.authorityId, childId: child.id };
    const now = clock.now();

    if (!(await tx.existsBy(Guardian, { childId: child.id }))) {
      const g = demoGuardians[c.reference];
      await tx.insert(Guardian, {
        ...base,
        ...g,
        kind: 'ictg_direct_worker',
        organisation: DEMO_GUARDIAN_ORGANISATION,
        referredOn: day(spec.plans[0].agreed),
        allocatedOn: day(spec.plans[0].agreed + 1),
        endedOn: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (c.reference === GUARDED_BY_DEMO_GUARDIAN) await linkDemoGuardian(tx, child);
    if (!(await tx.existsBy(SafeguardingPlan, { childId: child.id }))) {
      for (const [i, p] of spec.plans.entries()) {
        await tx.insert(SafeguardingPlan, {
          ...base,
          version: i + 1,
          riskOfMissing: p.risk,
          measures: p.risk === 'high' ? measures : measures.slice(0, 3),
          agenciesToNotify: ['Police', 'Border Force', 'ICTG service'],
          agreedBy: 'Strategy meeting',
          agreedOn: day(p.agreed),
          reviewOn: day(p.review),
          ...(p.bedChecks ? demoBedChecks(now) : { bedChecks: null, notes: null }),
          createdBy: null,
          // Saved just before the demo check's time, so that the check falls in the plan's window.
          createdAt: p.bedChecks ? new Date(now.getTime() - 2 * MINUTE) : now,
        });
      }
    }
    if (!(await tx.existsBy(MissingProfile, { childId: child.id }))) {
      await tx.insert(MissingProfile, {
        ...base,
        physicalDescription: spec.description,
        distinguishingMarks: 'Small scar above the left eyebrow.',
        photoTakenOn: day(spec.plans[0].agreed),
        phones: [],
        socialMedia: [{ platform: 'Instagram', username: `demo_${c.reference.toLowerCase()}` }],
        languages: [c.firstLanguage, 'Basic English'],
        medicalNeeds: null,
        medication: null,
        associates: [{ name: 'Unknown adult known as "Uncle"', relationship: 'Suspected trafficker', phone: null }],
        places: [{ description: 'Car wash near the high street', risk: 'Suspected place of exploitation' }],
        travelCards: 'Oyster card (number on file)',
        missingHistory: null,
        updatedAt: now,
        updatedBy: null,
      });
    }
    if (!(await tx.existsBy(TraffickingAssessment, { childId: child.id }))) {
      await tx.insert(TraffickingAssessment, {
        ...base,
        indicators: spec.indicators,
        outcome: 'indicators_present',
        assessor: 'Sam Social-Worker',
        assessedOn: day(spec.plans[0].agreed),
        notes: null,
        createdAt: now,
      });
    }
    if (!(await tx.existsBy(NrmReferral, { childId: child.id }))) {
      const { referred, maker, rg, cg } = spec.nrm;
      await tx.insert(NrmReferral, {
        ...base,
        referredOn: day(referred),
        firstResponder: `${authority.name} children's services`,
        reference: `NRM-DEMO-${c.reference}`,
        decisionMaker: maker,
        rgDueOn: rgDueOn(day(referred), maker),
        rgDecision: rg ? 'positive' : 'pending',
        rgDecidedOn: rg ? day(rg) : null,
        cgDecision: cg ? 'positive' : 'pending',
        cgDecidedOn: cg ? day(cg) : null,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}
