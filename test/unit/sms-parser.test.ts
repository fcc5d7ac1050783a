// The SMS parser, case by case: what carers, professionals and strangers really type at 3 a.m.
// Asymmetric by design: MISSING acts at once; a return only on clear intent (the word leads, no
// question, no negation); a mention of a return is asked to be confirmed; questions and worries
// are texts for people, never commands.
import { bareAnswer, parseSms } from '../../src/sms/sms-parser';

type Expected = 'missing' | 'found' | 'return_mentioned' | 'yes' | 'no' | 'help' | 'text' | 'urgent' | `ack ${string}`;

const cases: [string, Expected, string[]?][] = [
  // Reporting a child missing: acts at once, however it is typed.
  ['MISSING', 'missing'],
  ['missing', 'missing'],
  ['  Missing  ', 'missing'],
  ['MISSING K7Q2', 'missing', ['K7Q2']],
  ['missing k7q2', 'missing', ['K7Q2']],
  ['k7q2 is missing!', 'missing', ['K7Q2']],
  ['K7Q2 MISSING', 'missing', ['K7Q2']],
  ['Missing: K7Q2.', 'missing', ['K7Q2']],
  ['missing,k7q2', 'missing', ['K7Q2']],
  ['MISSING K7Q2 M4RT', 'missing', ['K7Q2', 'M4RT']],
  ['Mising K7Q2', 'missing', ['K7Q2']],
  ['MISSING\nK7Q2', 'missing', ['K7Q2']],
  ['ＭＩＳＳＩＮＧ Ｋ７Ｑ２', 'missing', ['K7Q2']],
  ['K7Q2 has gone', 'missing', ['K7Q2']],
  ["she's gone again", 'missing'],
  ['K7Q2 not back', 'missing', ['K7Q2']],
  ['she is not home yet', 'missing'],
  ['still not back', 'missing'],
  ["He hasn't come back", 'missing'],
  ['K7Q2 didnt come home', 'missing', ['K7Q2']],
  ['K7Q2 hasnt returned', 'missing', ['K7Q2']],
  ['not yet back', 'missing'],
  ["she's run off again", 'missing'],
  ['K7Q2 ran away from school', 'missing', ['K7Q2']],
  ['bed empty, she has absconded', 'missing'],
  ['he has disappeared, window open', 'missing'],
  ['k7q2 awol', 'missing', ['K7Q2']],
  ['Still missing, last seen 9pm near the station', 'missing'],
  // A clear return: the word leads, no question, no negation.
  ['FOUND', 'found'],
  ['found', 'found'],
  ['BACK K7Q2', 'found', ['K7Q2']],
  ['back k7q2', 'found', ['K7Q2']],
  ['Back K7Q2 thanks', 'found', ['K7Q2']],
  ['RETURNED K7Q2', 'found', ['K7Q2']],
  ['HOME', 'found'],
  ['Home now', 'found'],
  ['Found. K7Q2', 'found', ['K7Q2']],
  ['k7q2 found!!!', 'found', ['K7Q2']],
  ['K7Q2 back', 'found', ['K7Q2']],
  ['FOUND - at the station with police', 'found'],
  ['found her at the bus station', 'found'],
  ['Found her', 'found'],
  ['found the child safe', 'found'],
  ['Back home safe and well', 'found'],
  ['BACK.', 'found'],
  ['back k7q2, police brought her', 'found', ['K7Q2']],
  // A return mentioned without clear intent: the carer is asked to confirm with YES.
  ["She's back", 'return_mentioned'],
  ['K7Q2 is back home now, thank god', 'return_mentioned', ['K7Q2']],
  ['I think she came home', 'return_mentioned'],
  ['k7q2 no longer missing', 'return_mentioned', ['K7Q2']],
  ['she is not missing anymore', 'return_mentioned'],
  ['Police brought him back', 'return_mentioned'],
  ['good news she is safe', 'return_mentioned'],
  ['she just walked in, she is home', 'return_mentioned'],
  ['Found her phone at the park', 'return_mentioned'],
  ['found his bag by the river', 'return_mentioned'],
  ['he arrived 10 mins ago', 'return_mentioned'],
  ['Yes she is back', 'yes'],
  // Questions and worries: never a return, never a command.
  ['Any news? Is she back yet?', 'text'],
  ['Is K7Q2 back?', 'text', ['K7Q2']],
  ['back?', 'text'],
  ['FOUND?', 'text'],
  ['Has anyone found her?', 'text'],
  ['Police have been to the home, still no sign of her', 'urgent'],
  ['no sign of her at home', 'no'], // at a bed check, not home; otherwise a text for people
  ['Not found yet', 'missing'],
  ['she is not home, not answering her phone', 'missing'],
  ['Should I report her missing?', 'urgent'],
  ['is she missing again?', 'urgent'],
  ["Back from school but she's run off again", 'urgent'],
  ['she came back but ran away again', 'urgent'],
  // Updates and other texts.
  ['last seen 9pm near the station, red jacket', 'text'],
  ['she took her phone and charger', 'text'],
  ['Gone to school', 'text'],
  ["She's gone out with friends till 8", 'text'],
  ['Thanks', 'text'],
  ['ok', 'text'],
  ['hello', 'text'],
  ['', 'text'],
  ['...', 'text'],
  ['🙂', 'text'],
  ['Call me please', 'text'],
  ['a man in a car was outside the house asking for her', 'text'],
  // Urgent-sounding texts: the duty manager is told at once.
  ['my daughter has run away please help', 'missing'],
  ['help me', 'urgent'],
  ['please call the police', 'urgent'],
  ['he was taken by two men', 'urgent'],
  ['She is scared, someone threatened her', 'urgent'],
  ['EMERGENCY', 'urgent'],
  // Help, YES and acknowledgements.
  ['HELP', 'help'],
  ['help', 'help'],
  ['?', 'help'],
  ['INFO', 'help'],
  ['YES', 'yes'],
  ['yes', 'yes'],
  ['Y', 'yes'],
  ['Yep', 'yes'],
  ['yes?', 'text'],
  // NO answers a bed check; what it would mean otherwise is carried with it (see below).
  ['no', 'no'],
  ['NO K7Q2', 'no', ['K7Q2']],
  ['No she is not home', 'no'],
  ['no?', 'text'],
  ['no longer missing', 'return_mentioned'],
  ['YES K7Q2', 'yes', ['K7Q2']],
  ['Yes but she is not back', 'missing'],
  ['ACK 4821', 'ack 4821'],
  ['ack 4821', 'ack 4821'],
  ['Ack: 4821 thanks', 'ack 4821'],
  ['ACK4821', 'text'],
  ['ACK', 'text'],
];

describe('parseSms', () => {
  it('has a table of at least 80 realistic texts', () => expect(cases.length).toBeGreaterThanOrEqual(80));

  // Every row has three cells, or jest would pass its `done` callback as the third.
  it.each(cases.map(([body, expected, refs]) => [body, expected, refs ?? null] as const))(
    '%j → %s',
    (body, expected, references) => {
      const command = parseSms(body);
      if (expected.startsWith('ack ')) return expect(command).toEqual({ kind: 'ack', code: expected.slice(4) });
      if (expected === 'urgent' || expected === 'text') {
        expect(command).toMatchObject({ kind: 'text', urgent: expected === 'urgent' });
      } else {
        expect(command.kind).toBe(expected);
      }
      // Words spelt from the reference alphabet ("AWAY") are candidates too; the caller keeps the carer's own
      // children's.
      if (references)
        expect((command as { references: string[] }).references).toEqual(expect.arrayContaining(references));
    },
  );

  it('keeps what a NO means outside a bed check', () => {
    expect(parseSms('no')).toEqual({
      kind: 'no',
      references: [],
      others: [],
      otherwise: { kind: 'text', references: [], urgent: false },
    });
    expect(parseSms('No K7Q2 is not home')).toMatchObject({
      kind: 'no',
      references: ['K7Q2'],
      otherwise: { kind: 'missing', references: ['K7Q2'] },
    });
  });

  // Inside a bed check only a bare YES or NO (with the child's own reference) answers it.
  const bareCases: [string, boolean][] = [
    ['YES', true],
    ['yes.', true],
    ['Y', true],
    ['Yep!', true],
    ['YES K7Q2', true],
    ['k7q2 yes', true],
    ['NO', true],
    ['no!', true],
    ['Nope', true],
    ['NO K7Q2', true],
    ['K7Q2 no', true],
    ['no no', true],
    ['YES M4RT', false], // not a reference of this carer's children
    ['yes she is in bed', false],
    ['Yes thanks', false],
    ['yes HERE', false], // spelt from the reference alphabet, but no child of theirs
    ['no worries, she is in bed', false],
    ['No problem', false],
    ['no sign of her at home', false],
    ['No K7Q2 is not home', false],
    ['NO she is asleep', false],
    ['nah mate all good', false],
  ];
  it.each(bareCases)('%j is a bare answer to a check: %s', (body, bare) => {
    const command = parseSms(body);
    expect(command.kind === 'yes' || command.kind === 'no').toBe(true);
    expect(bareAnswer(command as { others: string[] }, ['K7Q2'])).toBe(bare);
  });

  it('never reads a question as a return, whatever else it says', () => {
    for (const body of ['BACK K7Q2?', 'Found her?', 'home?', 'is she home', 'Returned??']) {
      expect(parseSms(body).kind === 'found').toBe(false);
    }
  });
});
