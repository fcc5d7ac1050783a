// Where to go after signing in: only a path on this service. Browsers read "//x", "/\x" and "\\x" as
// another site, and lenient proxies and browsers decode "%2F" and "%5C" before that; so anything
// that is, or decodes to, one of those forms, or carries a control character, falls back to '/'.
const BASE = 'http://this-service.invalid';
const MAX_LENGTH = 500;

export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > MAX_LENGTH) return '/';
  let form = next;
  // Every decoded form must pass too; three rounds catch double and triple encoding.
  for (let round = 0; round < 3; round++) {
    if (!isLocalPath(form)) return '/';
    const decoded = decodeOnce(form);
    if (decoded === undefined) return '/';
    if (decoded === form) return next;
    form = decoded;
  }
  return '/';
}

function isLocalPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  // Control characters are exactly what is refused.
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  const url = new URL(path, BASE);
  return url.origin === BASE && !url.pathname.startsWith('//');
}

function decodeOnce(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined; // a malformed escape is not a path we wrote
  }
}
