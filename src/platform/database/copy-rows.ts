// Writes a large batch of rows with COPY ... FROM STDIN in PostgreSQL's binary format: every field
// goes as its length and bytes, so nothing is escaped, split or parsed as text on either side, and
// the server inserts the rows in bulk. The sweep's outbox batch (thousands of rows of message text
// and JSON) cost PostgreSQL more to parse as one text parameter than to store; as binary COPY it
// costs little more than the storing. Fields are given as PostgreSQL's text form (as for
// text-rows.ts) and turned into binary here by column type, for the few types the batches use.
import type { Connection, Submittable } from 'pg';

import type { TextField } from './text-rows';
import { connectionOf, Tx } from './transaction';

export type CopyType = 'uuid' | 'text' | 'json' | 'jsonb' | 'boolean' | 'integer' | 'timestamptz';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const CHUNK = 256 * 1024;
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
// Each hex digit's value by character code (-1 for any other character).
const HEX = Int8Array.from({ length: 128 }, (_, c) => {
  const v = parseInt(String.fromCharCode(c), 16);
  return Number.isNaN(v) ? -1 : v;
});
// What toISOString writes: the only timestamp form turned into microseconds here.
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A batch encoded for COPY: the columns it fills and the stream's bytes, which live outside V8's heap. */
export interface CopyData {
  columns: string[];
  chunks: Buffer[];
}

/**
 * Encodes rows whose fields are in the order of `columns`, followed by `same`: fields every row has
 * alike. Encode before awaiting anything: the rows' strings can then be collected young, rather
 * than copied by every collection that runs while the database works.
 */
export function encodeRows(columns: Record<string, CopyType>, rows: TextField[][], same: TextField[] = []): CopyData {
  return { columns: Object.keys(columns), chunks: encode(Object.values(columns), rows, same) };
}

/** Inserts an encoded batch into `table` in the caller's transaction; returns how many rows went in. */
export async function copyRows(tx: Tx, table: string, data: CopyData): Promise<number> {
  const client = await connectionOf(tx);
  return new Promise<number>((resolve, reject) => {
    client.query(
      new CopyIn(
        `COPY ${table} (${data.columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`,
        data.chunks,
        resolve,
        reject,
      ),
    );
  });
}

/** The whole COPY stream: signature, header, each row, trailer, in chunks of about 256 kB. */
function encode(types: CopyType[], rows: TextField[][], same: TextField[]): Buffer[] {
  const out = new ChunkWriter();
  out.reserve(SIGNATURE.length + 8);
  out.bytes(SIGNATURE);
  out.int32(0); // flags: no OIDs
  out.int32(0); // no header extension
  for (const row of rows) {
    if (row.length + same.length !== types.length)
      throw new Error(`a row has ${row.length + same.length} fields; the COPY names ${types.length} columns`);
    out.reserve(2);
    out.int16(types.length);
    for (let i = 0; i < row.length; i += 1) out.field(i, types[i], row[i]);
    for (let i = 0; i < same.length; i += 1) out.field(row.length + i, types[row.length + i], same[i]);
  }
  out.reserve(2);
  out.int16(-1);
  return out.finish();
}

class ChunkWriter {
  private readonly done: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  private lastInstant = '';
  private lastMicroseconds = 0n;
  // Where the field being written starts: every field reserves its room once, before writing.
  private fieldStart = 0;
  // By column, the last two values written and their bytes. A batch's rows repeat most fields (the
  // authority, the recipient, the template; an SMS and its email share their data), and copying
  // bytes already encoded costs a fraction of encoding them again.
  private readonly recent: { value: string; bytes: Buffer }[][] = [];

  /** Makes room for n more bytes, starting a new chunk if this one is too full. */
  reserve(n: number): void {
    if (this.at + n > this.buf.length) {
      if (this.at) this.done.push(this.buf.subarray(0, this.at));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK, n));
      this.at = 0;
    }
    this.fieldStart = this.at;
  }

  bytes(b: Buffer): void {
    this.at += b.copy(this.buf, this.at);
  }
  int16(n: number): void {
    this.at = this.buf.writeInt16BE(n, this.at);
  }
  int32(n: number): void {
    this.at = this.buf.writeInt32BE(n, this.at);
  }

  /** Column `column`'s field: its length and bytes, copied from an earlier row where that held the same value. */
  field(column: number, type: CopyType, value: TextField): void {
    if (value === null) {
      this.reserve(4);
      this.int32(-1);
      return;
    }
    const recent = (this.recent[column] ??= []);
    const seen = recent[0]?.value === value ? recent[0] : recent[1]?.value === value ? recent[1] : undefined;
    if (seen) {
      this.reserve(seen.bytes.length);
      this.buf.set(seen.bytes, this.at);
      this.at += seen.bytes.length;
      return;
    }
    this.encodeField(type, value);
    recent.unshift({ value, bytes: this.buf.subarray(this.fieldStart, this.at) });
    if (recent.length > 2) recent.pop();
  }

  private encodeField(type: CopyType, value: string): void {
    switch (type) {
      // json's binary form is its text (the server still checks it is JSON); jsonb's is a version byte, then the text.
      case 'text':
      case 'json':
        return this.utf8(value, false);
      case 'jsonb':
        return this.utf8(value, true);
      case 'uuid':
        this.reserve(20);
        this.int32(16);
        this.uuid(value);
        return;
      case 'boolean':
        if (value !== 'true' && value !== 'false') throw new Error(`"${value.slice(0, 40)}" is not true or false`);
        this.reserve(5);
        this.int32(1);
        this.at = this.buf.writeUInt8(value === 'true' ? 1 : 0, this.at);
        return;
      case 'integer': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647)
          throw new Error(`"${value.slice(0, 40)}" is not a 32-bit integer`);
        this.reserve(8);
        this.int32(4);
        this.int32(n);
        return;
      }
      case 'timestamptz': {
        this.reserve(12);
        this.int32(8);
        this.at = this.buf.writeBigInt64BE(this.microseconds(value), this.at);
        return;
      }
    }
  }

  /**
   * 16 bytes from the 32 hex digits; written by hand, as a regular expression and Buffer's hex decoder cost more than
   * the rest of a row.
   */
  private uuid(value: string): void {
    let ok = value.length === 36;
    for (let i = 0, j = 0; ok && i < 16; i += 1, j += 2) {
      if (j === 8 || j === 13 || j === 18 || j === 23) ok = value.charCodeAt(j++) === 45; // '-'
      const hi = HEX[value.charCodeAt(j)] ?? -1;
      const lo = HEX[value.charCodeAt(j + 1)] ?? -1;
      ok &&= hi >= 0 && lo >= 0;
      this.buf[this.at + i] = hi * 16 + lo;
    }
    if (!ok) throw new Error(`"${value.slice(0, 40)}" is not a UUID`);
    this.at += 16;
  }

  /** Microseconds since 2000-01-01; a batch's rows share a few instants, so the last one is kept. */
  private microseconds(value: string): bigint {
    if (value === this.lastInstant) return this.lastMicroseconds;
    if (!ISO_INSTANT.test(value)) throw new Error(`"${value.slice(0, 40)}" is not an instant as toISOString writes it`);
    this.lastInstant = value;
    this.lastMicroseconds = BigInt(Date.parse(value) - POSTGRES_EPOCH_MS) * 1000n;
    return this.lastMicroseconds;
  }

  /** A length, then (for jsonb) the format version 1, then the UTF-8 bytes; each UTF-16 unit is at most 3 bytes. */
  private utf8(value: string, jsonb: boolean): void {
    const head = jsonb ? 5 : 4;
    this.reserve(head + value.length * 3);
    const n = this.buf.write(value, this.at + head, 'utf8');
    this.buf.writeInt32BE(n + head - 4, this.at);
    if (jsonb) this.buf.writeUInt8(1, this.at + 4);
    this.at += head + n;
  }

  finish(): Buffer[] {
    if (this.at) this.done.push(this.buf.subarray(0, this.at));
    return this.done;
  }
}

/**
 * The COPY as node-postgres's Submittable: the whole stream is sent at once when the server asks
 * for it (it is already in memory), so nothing waits on the socket draining while an error from
 * the server may be arriving. An error rejects; the server then discards the rest of the stream.
 */
class CopyIn implements Submittable {
  private rows = 0;

  constructor(
    readonly text: string,
    private readonly data: Buffer[],
    private readonly resolve: (rows: number) => void,
    private readonly reject: (err: Error) => void,
  ) {}

  submit(connection: Connection): void {
    (connection as unknown as { query(text: string): void }).query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    const c = connection as unknown as { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void };
    for (const chunk of this.data) c.sendCopyFromChunk(chunk);
    c.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(/^COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.resolve(this.rows);
  }
  handleError(err: Error): void {
    this.reject(err);
  }
  // node-postgres calls these for any query; a COPY FROM has no rows to describe.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
}
