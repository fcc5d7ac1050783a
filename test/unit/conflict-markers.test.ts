// A merge once left conflict markers in a page template, rendered to users and unnoticed by every
// other test: no tracked file may hold a line that is one.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

it('no tracked file holds a merge conflict marker', () => {
  const root = path.resolve(__dirname, '../..');
  // git grep lists the files with such a line, or exits 1 when there are none.
  let found = '';
  try {
    found = execFileSync('git', ['grep', '-lE', '^(<{7}|>{7}) |^={7}$', '--', '.', ':!*.png', ':!*.pdf'], {
      cwd: root,
      encoding: 'utf8',
    });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  expect(found.split('\n').filter(Boolean)).toEqual([]);
});
