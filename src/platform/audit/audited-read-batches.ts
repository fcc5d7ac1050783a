// Group commit for audited reads. Reads of the same kind that arrive while an earlier group is being
// written go out together as ONE statement: each request's read (with its own parameters and its own
// authority) and each found record's audit line, committed once before any request is answered.
// Nothing waits on a timer: a group is whatever queued while the previous one was in flight. If a
// group's statement fails, its reads are tried one by one, so one bad request fails only itself.
import { createHash } from 'node:crypto';

import type { Pool } from 'pg';

export interface AuditedSelect {
  text: string;
  values: unknown[];
  types: string[];
}
/** The audit line's values, in AUDIT_COLUMNS order. */
export type AuditValues = unknown[];

export const AUDIT_COLUMNS: [string, string][] = [
  ['at', 'timestamptz'],
  ['authority_id', 'uuid'],
  ['actor_user_id', 'uuid'],
  ['actor_role', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['child_id', 'uuid'],
  ['ip', 'text'],
  ['changes', 'jsonb'],
];
const MAX_GROUP = 64;
const MAX_IN_FLIGHT = 2;

interface Pending {
  values: unknown[];
  audit: AuditValues;
  resolve(rows: object[]): void;
  reject(err: unknown): void;
}
interface Kind {
  select: AuditedSelect;
  name: string;
  text: string;
  queue: Pending[];
  inFlight: number;
}

export class AuditedReadBatches {
  private readonly kinds = new Map<string, Kind>();

  constructor(
    private readonly pool: () => Pool,
    private readonly one: (select: AuditedSelect, audit: AuditValues) => Promise<object[]>,
  ) {}

  read(select: AuditedSelect, audit: AuditValues): Promise<object[]> {
    const kind = this.kindOf(select);
    return new Promise((resolve, reject) => {
      kind.queue.push({ values: select.values, audit, resolve, reject });
      if (kind.inFlight < MAX_IN_FLIGHT) void this.flush(kind);
    });
  }

  private async flush(kind: Kind): Promise<void> {
    const group = kind.queue.splice(0, MAX_GROUP);
    if (!group.length) return;
    kind.inFlight += 1;
    try {
      if (group.length === 1) {
        await this.alone(kind, group[0]);
      } else {
        await this.together(kind, group);
      }
    } finally {
      kind.inFlight -= 1;
      if (kind.queue.length) void this.flush(kind);
    }
  }

  private async alone(kind: Kind, p: Pending): Promise<void> {
    try {
      p.resolve(await this.one({ ...kind.select, values: p.values }, p.audit));
    } catch (err) {
      p.reject(err);
    }
  }

  private async together(kind: Kind, group: Pending[]): Promise<void> {
    const columns = kind.select.types.length + AUDIT_COLUMNS.length;
    const arrays: unknown[][] = [group.map((_, i) => i), ...Array.from({ length: columns }, () => [] as unknown[])];
    for (const p of group) [...p.values, ...p.audit].forEach((v, c) => arrays[c + 1].push(v));
    let rows: (Record<string, unknown> & { __request: number })[];
    try {
      rows = (await this.pool().query({ name: kind.name, text: kind.text, values: arrays })).rows;
    } catch {
      await Promise.all(group.map((p) => this.alone(kind, p)));
      return;
    }
    const answers = group.map(() => [] as object[]);
    for (const row of rows) {
      const i = row.__request;
      delete (row as Partial<typeof row>).__request;
      answers[i].push(row);
    }
    group.forEach((p, i) => p.resolve(answers[i]));
  }

  private kindOf(select: AuditedSelect): Kind {
    const known = this.kinds.get(select.text);
    if (known) return known;
    const params = select.types.map((type, k) => [`p${k + 1}`, type] as [string, string]);
    const all: [string, string][] = [['request', 'int'], ...params, ...AUDIT_COLUMNS];
    const perRequest = select.text.replace(/\$(\d+)\b/g, (_, k: string) => `r.p${k}`);
    const text = `WITH r AS (SELECT * FROM unnest(${all.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS r(${all.map(([name]) => name).join(', ')})),
      read AS (SELECT r.request AS "__request", x.* FROM r CROSS JOIN LATERAL (${perRequest}) x),
      audit AS (INSERT INTO audit_events (${AUDIT_COLUMNS.map(([name]) => name).join(', ')})
        SELECT ${AUDIT_COLUMNS.map(([name]) => `r.${name}`).join(', ')} FROM r WHERE EXISTS (SELECT 1 FROM read WHERE read."__request" = r.request))
      SELECT * FROM read`;
    const kind: Kind = {
      select,
      text,
      name: `audited-reads-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`,
      queue: [],
      inFlight: 0,
    };
    this.kinds.set(select.text, kind);
    return kind;
  }
}
