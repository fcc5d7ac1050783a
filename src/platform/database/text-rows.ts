// Many rows as one query parameter, for the statements that write a whole batch at once (a sweep's
// outbox messages and runs). PostgreSQL spent longer parsing such a batch as one JSON document than
// inserting it, and node-postgres spent long escaping it as arrays, so rows travel as plain text:
// fields split by the ASCII unit separator, rows by the record separator, NULL written \N as COPY
// writes it, and each field cast from text by the statement, as COPY would. A field that holds a
// separator itself (plain text pasted with one, say; JSON escapes them) sends the whole batch as a
// JSON array of arrays instead, which is slower but holds anything.
const FIELD = '\x1f';
const ROW = '\x1e';
const NULL = '\\N';

export type TextField = string | null;

export interface TextRows {
  /** A FROM item yielding one row per row given. */
  source: string;
  /** The text of field i (from 0) of the current row, to be cast to the column's type. */
  field(i: number): string;
  /** The value of the query parameter the source reads. */
  param: string;
}

/**
 * Rows of fields (each in PostgreSQL's text input form for its column, or null), read by the statement from parameter
 * $n.
 */
export function textRows(rows: TextField[][], n: number): TextRows {
  const text = rows.map((r) => r.map((f) => (f === null ? NULL : f)).join(FIELD)).join(ROW);
  if (separatorsAre(text, rows) && !rows.some((r) => r.includes(NULL))) {
    return {
      source: `unnest(string_to_array($${n}::text, E'\\x1e')) AS r, LATERAL string_to_array(r, E'\\x1f', E'\\\\N') AS f`,
      field: (i) => `f[${i + 1}]`,
      param: text,
    };
  }
  return { source: `jsonb_array_elements($${n}::jsonb) AS f`, field: (i) => `(f->>${i})`, param: JSON.stringify(rows) };
}

/** Whether the text holds exactly the separators the encoding put there, so no field holds one. */
function separatorsAre(text: string, rows: TextField[][]): boolean {
  let fields = 0;
  for (let i = text.indexOf(FIELD); i !== -1; i = text.indexOf(FIELD, i + 1)) fields += 1;
  let records = 0;
  for (let i = text.indexOf(ROW); i !== -1; i = text.indexOf(ROW, i + 1)) records += 1;
  return records === rows.length - 1 && fields === rows.reduce((sum, r) => sum + r.length - 1, 0);
}
