import { timeOrderedId } from '../../src/platform/database/time-ordered-id';

const layout = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

it('writes a version 7 UUID whose first 48 bits are the instant in milliseconds', () => {
  const at = new Date('2026-11-23T10:00:00.123Z');
  const id = timeOrderedId(at);
  expect(id).toMatch(layout);
  expect(millisOf(id)).toBe(at.getTime());
});

it('orders ids of later instants after earlier ones, as text and as PostgreSQL orders uuids', () => {
  const instants = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 997));
  const ids = instants.map(timeOrderedId);
  expect([...ids].sort()).toEqual(ids);
});

it('never repeats, even within one millisecond', () => {
  const at = new Date('2026-11-23T10:00:00Z');
  const ids = new Set(Array.from({ length: 20_000 }, () => timeOrderedId(at)));
  expect(ids.size).toBe(20_000);
  for (const id of [...ids].slice(0, 500)) expect(id).toMatch(layout);
});
