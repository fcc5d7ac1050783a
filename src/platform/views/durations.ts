// "3 hours 12 minutes": how long something has been going on, in words, for pages. With a translator
// the words come from the catalogue (duration.*), in the plural form the page's language needs.
import type { Translator } from '../i18n/catalogue';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const english = {
  days: (n: number) => plural(n, 'day'),
  hours: (n: number) => plural(n, 'hour'),
  minutes: (n: number) => plural(n, 'minute'),
  none: () => 'less than a minute',
};

export function durationInWords(from: Date, to: Date, tr?: Translator): string {
  const words = tr
    ? {
        days: (count: number) => tr.t('duration.days', { count }),
        hours: (count: number) => tr.t('duration.hours', { count }),
        minutes: (count: number) => tr.t('duration.minutes', { count }),
        none: () => tr.t('duration.lessThanMinute'),
      }
    : english;
  const minutes = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return [words.days(days), hours && words.hours(hours)].filter(Boolean).join(' ');
  if (hours) return [words.hours(hours), mins && words.minutes(mins)].filter(Boolean).join(' ');
  return minutes ? words.minutes(mins) : words.none();
}
