// People's names for the escalation ladder: each step by what it does ("Police control room told"),
// each recipient role by who they are, each delay in hours and minutes. Pages never show a step key
// (report_police#0) or a delay in minutes; a step an authority added under its own key reads as words.
import { contactRoleLabels } from '../contacts/contact.entity';
import { roleLabels } from '../platform/auth/roles';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';

// Each step's name is in the catalogue under step.<key>.
export const namedStepKeys = [
  'report_police',
  'report_police_next',
  'report_team',
  'away_team',
  'carer_confirmation',
  'risk_high',
  'risk_high_next',
  'same_day',
  'plus_24h',
  'plus_24h_next',
  'plus_48h',
  'plus_48h_next',
  'plus_72h',
  'plus_72h_next',
  'plus_5_working_days',
  'weekly_review',
  'found',
  'return_interview_overdue',
  'repeat_missing',
  'operational_group',
];
const namedSteps = new Set(namedStepKeys);

const recipientNames: Record<string, string> = {
  ictg: 'Independent child trafficking guardian',
  parents_with_pr: 'Parents with parental responsibility',
  carer: 'Foster carer or key worker',
  alerted: 'Everyone already alerted',
  host_police: 'Police force where the child lives',
  host_coordinator: 'Missing-children coordinator where the child lives',
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  senior_manager: 'Senior manager',
};

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (key: string) => capitalised(key.replace(/[_#]+/g, ' ').trim());

/** A step by what it does; a stored message's key may carry its repeat ("report_police#2"). */
export function stepName(
  key: string | null | undefined,
  repeat?: number,
  tr: Translator = englishTranslator(),
): string {
  if (!key) return '';
  const [base, fromKey] = key.split('#');
  const n = repeat ?? (fromKey ? Number(fromKey) : 0);
  const name = namedSteps.has(base) ? tr.t(`step.${base}`) : words(base);
  return n > 0 ? tr.t('step.reminder', { name, n }) : name;
}

/** A recipient role of the ladder, a user role or a contact role, by who they are. */
export function recipientName(role: string): string {
  return (
    recipientNames[role] ??
    (contactRoleLabels as Record<string, string>)[role] ??
    (roleLabels as Record<string, string>)[role] ??
    words(role)
  );
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A policy delay or interval: "at once", "30 minutes", "1 hour 30 minutes", "48 hours", "7 days". */
export function minutesInWords(minutes: number | null | undefined): string {
  const m = Math.max(0, Math.round(minutes ?? 0));
  if (m === 0) return 'at once';
  if (m >= 7 * 1440 && m % 1440 === 0) return plural(m / 1440, 'day');
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return [hours && plural(hours, 'hour'), rest && plural(rest, 'minute')].filter(Boolean).join(' ');
}

/** Timeline lines written by the ladder name the step by key ("Step plus_24h fired."): shown with its name instead. */
export function withStepNames(text: string): string {
  return (
    text
      .replace(
        /\bStep ([a-z0-9_]+(?:#\d+)?)(?= (?:fired|skipped|reached nobody))/g,
        (_all, key: string) => `Step “${stepName(key)}”`,
      )
      // Older lines gave a delay as decimal hours ("Due 0.5 hours after").
      .replace(
        /\bDue (\d+(?:\.\d+)?) hours after\b/g,
        (_all, h: string) => `Due ${minutesInWords(Number(h) * 60)} after`,
      )
  );
}
