// Carers' Welsh texts: the same asymmetry as in English. AR GOLL acts at once; a return only when its
// words lead with no question and no negation; a question ("ydy hi wedi dod adref?") is for people.
import { bareAnswer, parseSms, textLanguage } from '../../src/sms/sms-parser';

type Expected = 'missing' | 'found' | 'return_mentioned' | 'yes' | 'no' | 'help' | 'text' | 'urgent';

const cases: [string, Expected][] = [
  ['AR GOLL', 'missing'],
  ['ar goll K7Q2', 'missing'],
  ['Ar Goll', 'missing'],
  ['K7Q2 ar goll!', 'missing'],
  ['mae hi ar goll eto', 'missing'],
  ['mae K7Q2 wedi dianc', 'missing'],
  ['wedi diflannu, ffenest ar agor', 'missing'],
  ['dydy hi ddim wedi dod adref', 'missing'],
  ['K7Q2 heb ddod yn ôl', 'missing'],
  ['WEDI DOD YN ÔL', 'found'],
  ['WEDI DOD YN OL', 'found'],
  ['wedi dod yn ôl K7Q2', 'found'],
  ['Wedi Dod Yn Ol k7q2 diolch', 'found'],
  ['ADREF', 'found'],
  ['adref', 'found'],
  ['K7Q2 adref', 'found'],
  ['Adref nawr', 'found'],
  ['YN ÔL', 'found'],
  ['wedi dod adref', 'found'],
  // Questions and worries: never a return.
  ['ydy hi wedi dod adref?', 'text'],
  ['Ydy K7Q2 adref?', 'text'],
  ['wedi dod yn ôl?', 'text'],
  ['ADREF?', 'text'],
  ['ydy hi ar goll?', 'urgent'],
  // A return mentioned without a leading return word: the carer is asked to confirm with IE.
  ['ydy hi adref', 'return_mentioned'],
  ['mae hi adref nawr', 'return_mentioned'],
  ['Mae K7Q2 yn ddiogel', 'return_mentioned'],
  ['dim ar goll', 'return_mentioned'],
  ['CYMORTH', 'help'],
  ['cymorth', 'help'],
  ['cymorth, mae hi mewn perygl', 'urgent'],
  ['IE', 'yes'],
  ['ie', 'yes'],
  ['YDY', 'yes'],
  ['ydy K7Q2', 'yes'],
  ['NA', 'no'],
  ['na', 'no'],
  ['NAC YDY', 'no'],
  ['Nage', 'no'],
  ['mae hi wedi mynd i’r ysgol', 'text'],
];

it.each(cases.map(([body, expected]) => [body, expected] as const))('%j → %s', (body, expected) => {
  const command = parseSms(body);
  const kind = command.kind === 'no' && expected !== 'no' ? command.otherwise : command;
  if (expected === 'urgent' || expected === 'text')
    expect(kind).toMatchObject({ kind: 'text', urgent: expected === 'urgent' });
  else expect(kind.kind).toBe(expected);
});

it('never reads a Welsh question or denial as a return', () => {
  const texts = ['ydy hi wedi dod adref?', 'YDY HI ADREF', 'dydy hi ddim adref', 'heb ddod yn ol', 'ADREF??'];
  for (const body of texts) expect(parseSms(body).kind).not.toBe('found');
  // "Ydy" asks as well as answers: only a bare YDY is a YES (that could confirm a return).
  expect(parseSms('ydy hi adref').kind).not.toBe('yes');
});

it('answers a bed check only with a bare IE or NA', () => {
  for (const [body, bare] of [
    ['IE', true],
    ['ie K7Q2', true],
    ['NA', true],
    ['nac ydy', true],
    ['ie mae hi yn y gwely', false],
    ['na, dim problem', false],
  ] as const) {
    const command = parseSms(body);
    expect(command.kind === 'yes' || command.kind === 'no').toBe(true);
    expect({ body, bare: bareAnswer(command as { others: string[] }, ['K7Q2']) }).toEqual({ body, bare });
  }
});

it('tells the language a carer texted in', () => {
  expect(textLanguage('AR GOLL K7Q2')).toBe('cy');
  expect(textLanguage('wedi dod yn ôl')).toBe('cy');
  expect(textLanguage('ADREF')).toBe('cy');
  expect(textLanguage('IE')).toBe('cy');
  expect(textLanguage('MISSING K7Q2')).toBe('en');
  expect(textLanguage("She's back home")).toBe('en');
  expect(textLanguage('K7Q2')).toBeNull();
  expect(textLanguage('ACK 1234')).toBeNull();
});
