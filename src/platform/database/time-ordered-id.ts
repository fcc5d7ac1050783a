// UUIDs in the version 7 layout (RFC 9562): 48 bits of milliseconds, then random bits. The outbox
// writes thousands of rows a sweep and keeps them for years; a random (version 4) key lands each
// new row on a random leaf of its primary key index, which must be read and written back, while
// a time-ordered key appends to the rightmost leaf. The time comes from the injected clock, so a
// test's ids follow its clock; ids made in the same millisecond are ordered by their random part only.
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let next = pool.length;
const hex = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

/** A version 7 UUID for the instant `at`. */
export function timeOrderedId(at: Date): string {
  // One call to the system's random source per 256 ids: each call costs more than formatting an id.
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const b = pool.subarray(next, next + 16);
  next += 16;
  let ms = at.getTime();
  for (let i = 5; i >= 0; i -= 1) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  let s = '';
  for (let i = 0; i < 16; i += 1) {
    s += hex[b[i]];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}
