// A reference read out on a call, character by character in the phonetic alphabet police control
// rooms use, so "E-H7KQ" is heard as "Echo, Hotel, Seven, Kilo, Quebec" and written down right.
const letters: Record<string, string> = {
  A: 'Alpha',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  I: 'India',
  J: 'Juliett',
  K: 'Kilo',
  L: 'Lima',
  M: 'Mike',
  N: 'November',
  O: 'Oscar',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  U: 'Uniform',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};
const digits = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/** Letters and digits only (a dash or space is not read), each as its word, separated by commas. */
export function spellOut(reference: unknown): string {
  return [...String(reference).toUpperCase()]
    .map((c) => letters[c] ?? (c >= '0' && c <= '9' ? digits[Number(c)] : null))
    .filter(Boolean)
    .join(', ');
}
