// Refreshes src/platform/bank-holidays-england-and-wales.json from GOV.UK's bank-holidays.json, given
// as a file path or a URL (https://www.gov.uk/bank-holidays.json): `npx tsx scripts/refresh-bank-holidays.ts <path-or-url>`.
// Only the England and Wales division is kept; dates already vendored but absent from the source
// (GOV.UK drops old years) are kept too, so past deadlines still compute as they did.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { englandAndWales } from '../src/platform/bank-holidays';

const target = join(__dirname, '..', 'src', 'platform', 'bank-holidays-england-and-wales.json');

async function load(source: string): Promise<unknown> {
  if (!/^https?:\/\//.test(source)) return JSON.parse(await readFile(source, 'utf8'));
  const res = await fetch(source);
  if (!res.ok) throw new Error(`${source} answered ${res.status}`);
  return res.json();
}

async function main(source: string | undefined): Promise<void> {
  if (!source) throw new Error('usage: refresh-bank-holidays <bank-holidays.json path or URL>');
  const fresh = englandAndWales(await load(source));
  const current = englandAndWales(JSON.parse(await readFile(target, 'utf8')));
  const byDate = new Map([...current.events, ...fresh.events].map((e) => [e.date, e]));
  const merged = englandAndWales({ division: fresh.division, events: [...byDate.values()] });
  await writeFile(target, `${JSON.stringify(merged, null, 2)}\n`);
  const last = merged.events[merged.events.length - 1].date;
  process.stdout.write(
    `${merged.events.length} bank holidays, ${merged.events[0].date} to ${last}, written to ${target}\n`,
  );
}

main(process.argv[2]).catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
});
