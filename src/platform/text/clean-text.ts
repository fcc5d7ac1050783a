// Removes control characters from text that leaves the service (email parts, calendar files, texts).
// Free text can carry ESC (terminal escapes), NUL, C1 codes and raw line breaks; in a header a raw
// CR/LF starts a new header, in an .ics a new property, so each output keeps only what it can hold.

/** C0 except TAB, LF and CR; DEL; C1 except NEL (handled as a line break). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
/** Every way of breaking a line: CRLF, CR, LF, NEL, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Anything either function changes, so clean text (nearly all of it) is returned untouched. */
const ANY = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** One line (a subject, a header, an SMS, an .ics parameter): line breaks and tabs become a space. */
export function cleanLine(value: string): string {
  if (!ANY.test(value) && !value.includes('\n')) return value;
  return value.replace(CONTROLS, '').replace(/(?:\r\n|[\r\n\t\u0085\u2028\u2029])+/g, ' ');
}

/** Body text: a line break a person typed stays a line break (as LF); tab stays; other controls go. */
export function cleanBlock(value: string): string {
  if (!ANY.test(value)) return value;
  return value.replace(CONTROLS, '').replace(LINE_BREAKS, '\n');
}
