// The SSDA903 missing table for one collection year: loads the authority's episodes, derives the
// periods the DfE expects, applies the DfE rules, and refuses to hand over a file that would fail them unless a draft
// is asked for.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import { Unprocessable } from '../platform/errors';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import {
  collectionYear,
  returnCsv,
  ReturnProblem,
  ReturnRow,
  returnRows,
  validateChild,
} from '../reports/ssda903-missing';
import { returnChild } from '../reports/ssda903-periods';
import { Ssda903MissingRepository } from './ssda903-missing.repository';

export interface Ssda903Request {
  year: number;
  draft: boolean;
  /** The words of the problems found (the page's language); English by default, as the file and API have them. */
  words?: Translator;
}
export interface Ssda903Export {
  year: number;
  from: string;
  to: string;
  draft: boolean;
  rows: ReturnRow[];
  problems: ReturnProblem[];
  csv: string;
}

export class Ssda903MissingService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly repo = new Ssda903MissingRepository(),
  ) {}

  async export(
    ctx: RequestContext,
    { year, draft, words = englishTranslator() }: Ssda903Request,
  ): Promise<Ssda903Export> {
    const { from, to } = collectionYear(year);
    const result = await this.db.transaction(async (tx) => {
      // Last year is loaded too: rule 576 checks that its open periods are carried into this one.
      const loaded = await this.repo.load(tx, ctx.actor.authorityId, collectionYear(year - 1).from, to);
      const children = loaded.map((c) => returnChild(c, year)).filter((c) => c.missing.length);
      const problems = children.flatMap((c) => validateChild(c, year, words));
      const rows = returnRows(children);
      const refused = !draft && problems.length > 0;
      await this.audit.record(tx, ctx, {
        action: 'export',
        entityType: 'ssda903_missing',
        changes: { year, draft, rows: rows.length, problems: problems.length, refused },
      });
      await this.audit.recordMany(
        tx,
        ctx,
        loaded.map((c) => ({ action: 'export', entityType: 'ssda903_missing', childId: c.id })),
      );
      return { year, from, to, draft, rows, problems, csv: refused ? '' : returnCsv(rows) };
    });
    if (!draft && result.problems.length) {
      throw new Unprocessable(
        `The SSDA903 missing return for ${year}-${String(year + 1).slice(2)} would fail ${result.problems.length} DfE ` +
          'validation rule(s). Fix the records listed, or ask for a draft.',
        { problems: result.problems },
      );
    }
    return result;
  }
}
