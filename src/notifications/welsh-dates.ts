// Dates reach a template already written ("30 Sep 2026, 23:59", formatted in English when the message
// was queued); a Welsh version names the month in Welsh. Only "<day> <month>" is read, so a month
// word elsewhere in free text stays as it was.
const MONTHS: [RegExp, string][] = [
  ['January', 'Ionawr'],
  ['February', 'Chwefror'],
  ['March', 'Mawrth'],
  ['April', 'Ebrill'],
  ['June', 'Mehefin'],
  ['July', 'Gorffennaf'],
  ['August', 'Awst'],
  ['September', 'Medi'],
  ['October', 'Hydref'],
  ['November', 'Tachwedd'],
  ['December', 'Rhagfyr'],
  ['Jan', 'Ion'],
  ['Feb', 'Chwef'],
  ['Mar', 'Maw'],
  ['Apr', 'Ebr'],
  ['May', 'Mai'],
  ['Jun', 'Meh'],
  ['Jul', 'Gorff'],
  ['Aug', 'Awst'],
  ['Sept?', 'Medi'],
  ['Oct', 'Hyd'],
  ['Nov', 'Tach'],
  ['Dec', 'Rhag'],
].map(([en, cy]) => [new RegExp(`\\b(\\d{1,2}) ${en}\\b`, 'g'), `$1 ${cy}`]);

const inWelsh = (value: string): string => MONTHS.reduce((s, [en, cy]) => s.replace(en, cy), value);

/** A value with each date-bearing string's month in Welsh, through lists and records (an agenda pack's rows). */
function welshValue(v: unknown): unknown {
  if (typeof v === 'string') return inWelsh(v);
  if (Array.isArray(v)) return v.map(welshValue);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return withWelshDates(v);
  return v;
}

/** The data with each date-bearing string's month in Welsh, at any depth. */
export function withWelshDates(data: object): object {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, welshValue(v)]));
}
