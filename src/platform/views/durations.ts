// "3 hours 12 minutes": how long something has been going on, in words, for pages.
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function durationInWords(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return [plural(days, 'day'), hours && plural(hours, 'hour')].filter(Boolean).join(' ');
  if (hours) return [plural(hours, 'hour'), mins && plural(mins, 'minute')].filter(Boolean).join(' ');
  return minutes ? plural(mins, 'minute') : 'less than a minute';
}
