// Redactions and the other-children scrub, as pure functions on the document.
import {
  applyRedactions,
  itemsOf,
  OTHER_CHILD,
  otherChildScrubber,
  scrubValue,
} from '../../src/subject-access/sar-document';

const children = [
  { id: 'a1', reference: 'K7Q2', localId: 'DB1001', firstNames: 'Amira Sara', lastName: 'Example', aliases: [] },
  { id: 'b2', reference: 'M4RT', localId: 'DB1002', firstNames: 'Bao', lastName: 'Example', aliases: ['Little B'] },
];

it('scrubs every other child, whole words only, and leaves what the subject shares with them', () => {
  const scrub = otherChildScrubber(children, 'a1');
  expect(scrub('Amira Example and Bao (M4RT, DB1002) with Little B; Baobab stays')).toBe(
    `Amira Example and ${OTHER_CHILD} (${OTHER_CHILD}, ${OTHER_CHILD}) with ${OTHER_CHILD}; Baobab stays`,
  );
  expect(scrubValue({ note: ['bao'], at: new Date('2026-01-01T00:00:00Z') }, scrub)).toEqual({
    note: [OTHER_CHILD],
    at: '2026-01-01T00:00:00.000Z',
  });
});

it('redacts a whole item, one field, or carers’ contact details throughout', () => {
  const sections = [
    { key: 'placements', items: itemsOf([{ id: 'p1', provider: 'X', carers: [{ mobile: '+447700900101' }] }]) },
    { key: 'episodes', items: itemsOf([{ id: 'e1', police_reference: 'CAD-1', reported_by_mobile: '+4477' }]) },
    { key: 'timeline', items: itemsOf([{ id: 't1', summary: 'secret' }]) },
  ];
  expect(sections[1].items[0].flags).toEqual(['police_information']);
  const marks = [
    {
      id: 'r1',
      section: '*',
      itemId: '*',
      field: '',
      reason: 'carer_contact' as const,
      note: null,
      markedAt: new Date(),
    },
    {
      id: 'r2',
      section: 'timeline',
      itemId: 't1',
      field: '',
      reason: 'third_party' as const,
      note: null,
      markedAt: new Date(),
    },
    {
      id: 'r3',
      section: 'episodes',
      itemId: 'e1',
      field: 'police_reference',
      reason: 'police_information' as const,
      note: null,
      markedAt: new Date(),
    },
  ];
  const [placements, episodes, timeline] = applyRedactions(sections, marks);
  expect(placements.items[0].fields).toEqual({ id: 'p1', provider: 'X', carers: '[redacted: carer contact]' });
  expect(episodes.items[0].fields).toEqual({
    id: 'e1',
    police_reference: '[redacted: police information]',
    reported_by_mobile: '[redacted: carer contact]',
  });
  expect(timeline.items[0]).toEqual({ id: 't1', flags: [], fields: {}, redacted: '[redacted: third party]' });
});
