// Builds dist/ only when a source file is newer than the last build, so `npm start` right after
// `npm ci` (whose `prepare` step built everything) starts in seconds instead of re-compiling.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const stamp = 'dist/.built';
const sources = ['src', 'migrations', 'jobs', 'seeds', 'test/bench', 'test/support'];
const configs = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (Math.max(...sources.map(newest), ...configs.map(newest)) > builtAt) {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' }); // writes the stamp
}
