// UK numbers as people type them become the E.164 form Twilio reports in From.
import { toE164 } from '../../src/platform/phone';

it.each([
  ['07700 900101', '+447700900101'],
  ['07700900101', '+447700900101'],
  ['+44 7700 900101', '+447700900101'],
  ['+44 (0)7700 900101', '+447700900101'],
  ['0044 7700 900101', '+447700900101'],
  ['447700900101', '+447700900101'],
  ['(07700) 900-101', '+447700900101'],
  ['+33 6 12 34 56 78', '+33612345678'],
])('%s → %s', (input, expected) => expect(toE164(input)).toBe(expected));

it.each(['', '12345', '0770090010', '+44 7700 9001011', 'not a number', '07700 9OO1O1'])('rejects %p', (input) => {
  expect(toE164(input)).toBeNull();
});
