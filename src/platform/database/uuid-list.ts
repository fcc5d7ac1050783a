// A batch's ids as one uuid[] parameter in PostgreSQL's array text form. node-postgres turns a
// JavaScript array into that form element by element, quoting and escaping each one; a sweep sends
// several arrays of a thousand ids a batch, and uuids need neither, so they are joined as they are.

/** `{id,id,...}` for a uuid[] parameter; anything but uuids (and nulls) goes to node-postgres as the array it is. */
export function uuidList(ids: readonly (string | null)[]): string | readonly (string | null)[] {
  for (const id of ids) if (id !== null && !isUuid(id)) return ids;
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}

/**
 * Shaped like a uuid: 36 characters with dashes at 8, 13, 18 and 23. Checking each digit cost more
 * than the joining; a string of that shape that is not a uuid can hold no second, whole uuid,
 * so at worst it fails the statement's cast, as it would have sent as an array.
 */
function isUuid(id: string): boolean {
  return (
    id.length === 36 &&
    id.charCodeAt(8) === 45 &&
    id.charCodeAt(13) === 45 &&
    id.charCodeAt(18) === 45 &&
    id.charCodeAt(23) === 45
  );
}
