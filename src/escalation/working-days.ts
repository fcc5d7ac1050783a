// Working days for "+5 working days": Monday to Friday, counted in UTC. Bank holidays are not
// known to the service, so a step can fall on one; the weekly review still follows.
const DAY = 86_400_000;

export function addWorkingDays(from: Date, days: number): Date {
  let at = from.getTime();
  let left = days;
  while (left > 0) {
    at += DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(at);
}
