// What the cleaner leaves of free text: one line for subjects, headers, texts and .ics parameters;
// typed line breaks (as LF) for bodies; never ESC, NUL, DEL, C1 or a stray separator.
import { cleanBlock, cleanLine } from '../../src/platform/text/clean-text';

it.each([
  ['plain text, untouched', 'Bus station', 'Bus station', 'Bus station'],
  ['ESC sequence', 'red\u001b[31m text', 'red[31m text', 'red[31m text'],
  ['NUL, DEL, BEL, C1 CSI', 'a\u0000b\u007fc\u0007d\u009be', 'abcde', 'abcde'],
  ['CRLF, CR, LF', 'one\r\ntwo\rthree\nfour', 'one two three four', 'one\ntwo\nthree\nfour'],
  ['blank line typed', 'one\r\n\r\ntwo', 'one two', 'one\n\ntwo'],
  ['NEL, line and paragraph separators', 'a\u0085b\u2028c\u2029d', 'a b c d', 'a\nb\nc\nd'],
  ['tab', 'a\tb', 'a b', 'a\tb'],
  ['Welsh and accents kept', 'Wedi dod yn ôl ŵ ŷ é', 'Wedi dod yn ôl ŵ ŷ é', 'Wedi dod yn ôl ŵ ŷ é'],
])('%s', (_name, raw, line, block) => {
  expect(cleanLine(raw)).toBe(line);
  expect(cleanBlock(raw)).toBe(block);
});
