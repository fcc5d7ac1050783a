// What an arrival records, as the service takes it (the API's body, and the draft's sections read by
// draftToArrival). A draft section that is missing or no longer valid is named, so the page can send
// the person back to it.
import type { Child } from '../children/child.entity';
import type { DecisionMaker } from '../nrm/nrm-deadlines';
import type { NewPlacement } from '../placements/placements.service';
import { type FieldProblem, invalidFields } from '../platform/errors';
import { toE164 } from '../platform/phone';
import { isoDateOf as formDate, toInstant, valuesOf } from '../platform/views/date-time-fields';
import { isoDate } from '../platform/wall-clock';
import { bedChecksFromForm } from '../safeguarding/bed-check-form';
import type { BedCheckSchedule, PlanMeasure } from '../safeguarding/plan-measures';
import type { TraffickingIndicator } from '../trafficking/trafficking-indicators';
import type { DraftSections } from './arrival-drafts.repository';
import { sectionOrder, type TaskKey } from './arrival-sections';

export interface ArrivalInput {
  child: Pick<Child, 'firstNames' | 'lastName' | 'aliases' | 'dateOfBirth' | 'dobEstimated' | 'ageDisputed'> &
    Pick<Child, 'sex' | 'nationality' | 'firstLanguage' | 'interpreterNeeded' | 'uasc' | 'traffickingStatus'> & {
      localId?: string;
    };
  arrival: { port: string; arrivedAt: Date; identifiedBy: NonNullable<Child['identifiedBy']> };
  indicators: { seen: TraffickingIndicator[]; notes: string | null };
  plan: {
    measures: PlanMeasure[];
    agreedBy: string;
    reviewOn: string;
    bedChecks: BedCheckSchedule | null;
    notes: string | null;
  };
  placement: NewPlacement;
  guardian: {
    organisation: string;
    name: string | null;
    mobile: string | null;
    email: string | null;
    referredOn: string;
  };
  nrm: { referredOn: string; firstResponder: string; reference: string | null; decisionMaker: DecisionMaker };
}

type Values = Record<string, string | string[]>;
const text = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const orNull = (s: string) => s || null;
const many = (v: Values, k: string) => ([] as string[]).concat(v[k] ?? []).filter(Boolean);

/** The sections still to fill in, in task-list order (the photograph is optional: not every child consents). */
export function missingSections(sections: DraftSections): TaskKey[] {
  return sectionOrder.filter((k) => k !== 'photo' && !sections[k]);
}

const isoDateOf = (v: Values, prefix: string) => formDate(v as Record<string, string>, prefix);

function requiredDateTime(v: Values, prefix: string, timeZone: string, section: TaskKey, problems: FieldProblem[]) {
  const at = toInstant(valuesOf(v as Record<string, string>, prefix), timeZone);
  if (!at) problems.push({ field: section, message: `Enter a real date and time in “${sectionTitle(section)}”` });
  return at;
}

/** The placement's carer, and its second carer when one was given (name and mobile both, as the form checks). */
function carersOf(pl: Values): NewPlacement['carers'] {
  const carer = (prefix: string) => ({
    name: text(pl, `${prefix}Name`),
    mobile: toE164(text(pl, `${prefix}Mobile`)) ?? text(pl, `${prefix}Mobile`),
    email: orNull(text(pl, `${prefix}Email`)),
  });
  return text(pl, 'carer2Name') && text(pl, 'carer2Mobile') ? [carer('carer'), carer('carer2')] : [carer('carer')];
}

/** A birth date from the one given, or estimated from the age in years on arrival (as practitioners record it). */
function birthDate(v: Values, arrivedOn: string): { dateOfBirth: string; dobEstimated: boolean } | FieldProblem {
  const given = isoDateOf(v, 'dob');
  if (given === 'invalid') return { field: 'child', message: 'The date of birth must be a real date' };
  if (given) return { dateOfBirth: given, dobEstimated: false };
  const age = Number(text(v, 'estimatedAge'));
  if (!text(v, 'estimatedAge')) return { field: 'child', message: 'Enter a date of birth or an estimated age' };
  return { dateOfBirth: `${Number(arrivedOn.slice(0, 4)) - age}${arrivedOn.slice(4)}`, dobEstimated: true };
}

/** The arrival the draft describes, or Invalid naming each section (as `field`) to go back to. */
export function draftToArrival(sections: DraftSections, timeZone: string): ArrivalInput {
  const missing = missingSections(sections);
  if (missing.length)
    throw invalidFields(missing.map((k) => ({ field: k, message: `Complete the section “${sectionTitle(k)}”` })));
  const [c, a, i, p, pl, r] = (['child', 'arrival', 'indicators', 'plan', 'placement', 'referrals'] as const).map(
    (k) => sections[k],
  );
  const problems: FieldProblem[] = [];
  const arrivedAt = requiredDateTime(a, 'arrived', timeZone, 'arrival', problems);
  const startedAt = requiredDateTime(pl, 'started', timeZone, 'placement', problems);
  const arrivedOn = arrivedAt ? isoDate(arrivedAt, timeZone) : '2000-01-01';
  const dob = birthDate(c, arrivedOn);
  if ('field' in dob) problems.push(dob);
  const reviewOn = isoDateOf(p, 'review');
  const ictgOn = isoDateOf(r, 'ictgReferred');
  const nrmOn = isoDateOf(r, 'nrmReferred');
  if (!reviewOn || reviewOn === 'invalid') problems.push({ field: 'plan', message: 'Enter a real review date' });
  if (!ictgOn || ictgOn === 'invalid' || !nrmOn || nrmOn === 'invalid')
    problems.push({ field: 'referrals', message: 'Enter real dates for the referrals' });
  let bedChecks: BedCheckSchedule | null = null;
  try {
    bedChecks = bedChecksFromForm(text(p, 'bedCheckTimes'), text(p, 'bedCheckDays'));
  } catch {
    problems.push({ field: 'plan', message: 'Enter bed check times like 23:00, 02:00, 06:00 and a number of days' });
  }
  const carers = carersOf(pl);
  if (!text(pl, 'carer2Name') !== !text(pl, 'carer2Mobile'))
    problems.push({ field: 'placement', message: 'Give the second carer’s name and mobile number, or neither' });
  if (carers.length > 1 && carers[0].mobile === carers[1].mobile)
    problems.push({ field: 'placement', message: 'The two carers need different mobile numbers' });
  if (problems.length || 'field' in dob) throw invalidFields(problems);
  return {
    child: {
      firstNames: text(c, 'firstNames'),
      lastName: text(c, 'lastName'),
      aliases: text(c, 'aliases')
        .split(/[,\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
      ...dob,
      ageDisputed: text(c, 'ageDisputed') === 'yes',
      sex: Number(text(c, 'sex')) as 1 | 2,
      nationality: orNull(text(c, 'nationality')),
      firstLanguage: orNull(text(c, 'firstLanguage')),
      interpreterNeeded: text(c, 'interpreterNeeded') === 'yes',
      uasc: text(a, 'uasc') === 'yes',
      traffickingStatus: text(a, 'traffickingStatus') as Child['traffickingStatus'],
    },
    arrival: {
      port: text(a, 'port'),
      arrivedAt: arrivedAt!,
      identifiedBy: text(a, 'identifiedBy') as ArrivalInput['arrival']['identifiedBy'],
    },
    indicators: { seen: many(i, 'indicators') as TraffickingIndicator[], notes: orNull(text(i, 'indicatorNotes')) },
    plan: {
      measures: many(p, 'measures') as PlanMeasure[],
      agreedBy: text(p, 'agreedBy'),
      reviewOn: reviewOn as string,
      bedChecks,
      notes: orNull(text(p, 'planNotes')),
    },
    placement: {
      type: text(pl, 'type') as NewPlacement['type'],
      provider: text(pl, 'provider'),
      address: text(pl, 'address'),
      startedAt: startedAt!,
      carers,
    },
    guardian: {
      organisation: text(r, 'ictgOrganisation'),
      name: orNull(text(r, 'ictgName')),
      mobile: toE164(text(r, 'ictgMobile')) ?? null,
      email: orNull(text(r, 'ictgEmail')),
      referredOn: ictgOn as string,
    },
    nrm: {
      referredOn: nrmOn as string,
      firstResponder: text(r, 'nrmFirstResponder'),
      reference: orNull(text(r, 'nrmReference')),
      decisionMaker: text(r, 'nrmDecisionMaker') as DecisionMaker,
    },
  };
}

const titles: Record<TaskKey, string> = {
  child: 'The child as they present',
  arrival: 'Where and how they were identified',
  indicators: 'Trafficking indicators seen',
  photo: 'Photograph',
  plan: 'First protection plan',
  placement: 'Placement found',
  referrals: 'Guardian (ICTG) and NRM referrals',
};
export const sectionTitle = (k: TaskKey) => titles[k];
