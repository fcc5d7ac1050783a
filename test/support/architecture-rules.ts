// What test/unit/architecture.test.ts looks for in a source file: data-access calls (SQL or TypeORM) and, for
// platform/, imports of the domain folders. Textual on purpose: fast, and plain enough to read in one go.
import path from 'node:path';

export interface Hit {
  line: number;
  text: string;
}

const METHODS =
  'save|insert|update|delete|upsert|remove|softDelete|restore|exists|existsBy|find|findBy|findOne|findOneBy|' +
  'findOneOrFail|findOneByOrFail|findAndCount|findAndCountBy|count|countBy|sum|average|minimum|maximum|' +
  'increment|decrement|create|preload|merge|clear';

const DATA_ACCESS = [
  // SQL through any client: TypeORM's DataSource, EntityManager or QueryRunner, or node-postgres.
  /\.query\(/,
  /\b(createQueryBuilder|createQueryRunner|getRepository)\(/,
  // EntityManager methods on the names a transaction or manager goes by.
  new RegExp(`(\\b(tx|manager|em|entityManager|dataSource|queryRunner)|\\.manager)\\)?\\??\\.(${METHODS})\\(`),
  // Any of those methods given an entity class first, e.g. x.update(Placement, ...).
  new RegExp(`\\.(${METHODS})\\(\\s*[A-Z][A-Za-z0-9]*\\s*[,)]`),
];

/** Comments blanked out (line numbers kept), so prose that names a call is not one. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (_, before: string) => before);
}

/** Lines of `text` that call the database. */
export function dataAccessCalls(text: string): Hit[] {
  return withoutComments(text)
    .split('\n')
    .flatMap((line, i) => (DATA_ACCESS.some((re) => re.test(line)) ? [{ line: i + 1, text: line.trim() }] : []));
}

const IMPORT = /(?:from\s+|import\s*\(?\s*)'(\.[^']*)'/;

/**
 * Lines of `file` (under src/platform) that import a module outside platform/: only the configuration and the
 * migrations are the platform's to read; the domain folders and the wiring files (services, routes) are not.
 */
export function domainImports(file: string, text: string, root: string): Hit[] {
  const allowed = [path.join(root, 'src', 'platform') + path.sep, path.join(root, 'migrations')];
  const config = path.join(root, 'src', 'config');
  return withoutComments(text)
    .split('\n')
    .flatMap((line, i) => {
      const specifier = IMPORT.exec(line)?.[1];
      if (!specifier) return [];
      const target = path.resolve(path.dirname(file), specifier);
      const ok = target === config || allowed.some((a) => target.startsWith(a) || target === a);
      return ok ? [] : [{ line: i + 1, text: line.trim() }];
    });
}
