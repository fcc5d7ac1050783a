// The shared CSV writer: a cell a spreadsheet would run as a formula is neutralised, quoting is
// as each export expects, and values keep a readable form.
import { toCsv } from '../../src/platform/http/csv';

describe('formula escaping', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+44 7700 900123', `"'+44 7700 900123"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
  ])('prefixes %j with an apostrophe', (cell, expected) => {
    expect(toCsv(['h'], [[cell]], { quoteAll: true })).toBe(`"h"\r\n${expected}\r\n`);
  });

  it('leaves a formula character inside a cell alone', () => {
    expect(toCsv(['h'], [['a=b+c-d@e']])).toBe('h\r\na=b+c-d@e\r\n');
  });

  it('neutralises formulas when cells are quoted only as needed', () => {
    expect(toCsv(['a', 'b'], [['=1+1', '@x']])).toBe("a,b\r\n'=1+1,'@x\r\n");
  });
});

describe('quoting and values', () => {
  it('quotes every cell, empty ones too, when asked', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, '']], { quoteAll: true })).toBe('"a","b","c"\r\n"","",""\r\n');
  });

  it('quotes only cells that need it otherwise, doubling quotes', () => {
    expect(toCsv(['a', 'b', 'c'], [['x,y', 'say "hi"', '']])).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n');
  });

  it('writes dates as ISO, objects as JSON, numbers and booleans as text', () => {
    const at = new Date('2025-04-01T09:30:00.000Z');
    expect(toCsv(['at', 'changes', 'n', 'ok'], [[at, { from: 'a' }, 3, true]], { quoteAll: true })).toBe(
      '"at","changes","n","ok"\r\n"2025-04-01T09:30:00.000Z","{""from"":""a""}","3","true"\r\n',
    );
  });
});
