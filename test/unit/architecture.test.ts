// The house rules that keep data paths plain (docs/architecture.md, "Plain data paths"), read from src/ itself:
// SQL and TypeORM calls live only in *.repository.ts (and the database plumbing in platform/database), and
// platform/ imports nothing from the domain folders (they register their entities, routes and navigation with it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { dataAccessCalls, domainImports } from '../support/architecture-rules';

const root = path.resolve(__dirname, '..', '..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = sourceFiles(src).map((file) => ({
  file,
  relative: path.relative(root, file).split(path.sep).join('/'),
  text: readFileSync(file, 'utf8'),
}));

describe('plain data paths', () => {
  it('finds the source it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.relative.endsWith('.repository.ts'))).toBe(true);
  });

  it('runs SQL and TypeORM calls only in repositories (and the database plumbing)', () => {
    const offending = files
      .filter((f) => !f.relative.endsWith('.repository.ts') && !f.relative.startsWith('src/platform/database/'))
      .flatMap((f) => dataAccessCalls(f.text).map((hit) => `${f.relative}:${hit.line}: ${hit.text}`));
    expect(offending).toEqual([]);
  });

  it('keeps platform/ free of imports from the domain folders', () => {
    const offending = files
      .filter((f) => f.relative.startsWith('src/platform/'))
      .flatMap((f) => domainImports(f.file, f.text, root).map((hit) => `${f.relative}:${hit.line}: ${hit.text}`));
    expect(offending).toEqual([]);
  });
});

describe('the rules themselves', () => {
  it.each([
    ["await tx.query('SET LOCAL synchronous_commit = off');"],
    ['const qb = manager.createQueryBuilder(Child, "c");'],
    ['await tx.save(GroupReview, { meetingId });'],
    ['if (await tx.existsBy(GroupMember, { id })) return;'],
    ['const child = await tx.findOneBy(Child, { id });'],
    ['const rows = await tx.find(TraffickingAssessment, { where: { childId } });'],
    ['await tx.update(MissingEpisode, { id }, { state });'],
    ['await tx.delete(PlacementCarer, { placementId });'],
    ['await this.db.manager.insert(AuditEvent, row);'],
    ['const n = await tx.count(Child);'],
    ['return (tx ?? this.db.manager).insert(AuditEvent, rows);'],
    ['const repo = this.db.getRepository(Child);'],
    ['await client.query(`LISTEN ${channel}`);'],
  ])('flags %s', (line) => {
    expect(dataAccessCalls(line)).toHaveLength(1);
  });

  it.each([
    ['const carer = placement.carers.find((c) => c.mobile === mobile);'],
    ["createHash('sha256').update(s).digest('hex');"],
    ['inFlight.delete(sending);'],
    ['await this.repo.save(tx, message);'],
    ['const id = await this.repo.insert(tx, authorityId, input);'],
    ['return this.db.transaction(async (tx) => this.repo.find(tx, ctx.actor, id));'],
    ["// a comment that mentions tx.query('SELECT 1')"],
  ])('lets %s pass', (line) => {
    expect(dataAccessCalls(line)).toEqual([]);
  });

  it('flags an import of a domain folder from platform/, and lets platform, config and migrations pass', () => {
    const file = path.join(root, 'src/platform/database/data-source.ts');
    const text = [
      "import { Child } from '../../children/child.entity';",
      "import type { Services } from '../../services';",
      "import { migrations } from '../../../migrations';",
      "import type { Config } from '../../config';",
      "import type { Logger } from '../logger';",
      "import { DataSource } from 'typeorm';",
    ].join('\n');
    expect(domainImports(file, text, root).map((h) => h.line)).toEqual([1, 2]);
  });
});
