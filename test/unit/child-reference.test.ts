// Child references: four characters with no look-alikes, so they survive being read aloud and texted.
import { newChildReference, referenceAlphabet, referencePattern } from '../../src/children/child-reference';

it('uses no look-alike characters', () => {
  for (const ch of '0O1ILZ5S8B') expect(referenceAlphabet).not.toContain(ch);
});

it('makes four-character references from the alphabet', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 500; i++) {
    const ref = newChildReference();
    expect(ref).toMatch(referencePattern);
    seen.add(ref);
  }
  expect(seen.size).toBeGreaterThan(480);
});
