// A tiny iCalendar (RFC 5545) reader for tests: unfolds continuation lines and splits each content
// line into its name, parameters and value, so a test can check what a calendar would read.
export interface IcalProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function parseIcal(text: string): IcalProperty[] {
  if (!text.includes('\r\n')) throw new Error('iCalendar lines must end with CRLF');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l.length);
  return lines.map((line) => {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (colon < 0) throw new Error(`not a content line: ${line}`);
    const [name, ...params] = line.slice(0, colon).split(';');
    return {
      name: name.toUpperCase(),
      params: Object.fromEntries(
        params.map((p) => {
          const [k, v] = p.split('=');
          return [k.toUpperCase(), v.replace(/^"|"$/g, '')];
        }),
      ),
      value: line.slice(colon + 1),
    };
  });
}

/** The properties of the first component with this name (e.g. VEVENT), checking BEGIN/END nest properly. */
export function component(props: IcalProperty[], name: string): Record<string, IcalProperty[]> {
  const stack: string[] = [];
  const found: Record<string, IcalProperty[]> = {};
  let inside = false;
  for (const p of props) {
    if (p.name === 'BEGIN') {
      stack.push(p.value);
      if (p.value === name && !Object.keys(found).length) inside = true;
      continue;
    }
    if (p.name === 'END') {
      if (stack.pop() !== p.value) throw new Error(`END:${p.value} does not close the open component`);
      if (p.value === name) inside = false;
      continue;
    }
    if (inside && stack[stack.length - 1] === name) (found[p.name] ??= []).push(p);
  }
  if (stack.length) throw new Error(`unclosed components: ${stack.join(', ')}`);
  return found;
}

/** 20261214T100000Z -> Date. */
export function icalUtc(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}
