// docs/access.md states the access rules as a table; this keeps that table exactly what
// permissions.ts decides, so the document cannot drift from the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { type Action, allowsAcross, permissions, tiesNeeded } from '../../src/platform/auth/permissions';
import { roles } from '../../src/platform/auth/roles';

const short: Record<string, string> = {
  administrator: 'admin',
  social_worker: 'SW',
  team_manager: 'TM',
  senior_manager: 'SM',
  carer: 'carer',
  police: 'police',
  ceop: 'CEOP',
  group_member: 'group',
  guardian: 'guardian',
  data_protection_officer: 'DPO',
};

export function accessTable(): string {
  const lines = [
    `| action | ${roles.map((r) => short[r]).join(' | ')} | host authority |`,
    `|---|${roles.map(() => ':-:').join('|')}|:-:|`,
  ];
  for (const a of Object.keys(permissions) as Action[]) {
    const cells = roles.map((r) =>
      (permissions[a] as readonly string[]).includes(r) ? tiesNeeded(r, a).join('/') || 'yes' : '–',
    );
    const host = roles.filter((r) => allowsAcross(r, a, new Set(['host']))).map((r) => short[r]);
    lines.push(`| ${a} | ${cells.join(' | ')} | ${host.join(', ') || '–'} |`);
  }
  return lines.join('\n');
}

it('docs/access.md carries the table permissions.ts decides', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/access.md'), 'utf8');
  const table = /<!-- access-table -->\n([\s\S]*?)\n<!-- \/access-table -->/.exec(doc)?.[1];
  expect(table).toBe(accessTable());
});
