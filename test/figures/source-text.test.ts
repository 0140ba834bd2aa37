import { describe, expect, it } from 'vitest';
import { numbersIn, parseSource, splitParagraphs } from '../../src/figures/source-text.js';

/** The numbers in `text` as "written:kind[:scale]" strings, for compact expectations. */
const read = (text: string, words = false): string[] =>
  numbersIn(text, { words }).map((n) => `${n.written}:${n.kind}${n.scale ? `:${n.scale}` : ''}`);

describe('numbersIn', () => {
  it('reads digits with thousands commas and decimals, keeping the precision as written', () => {
    const [n] = numbersIn('output of 11,183.50 units');
    expect(n).toMatchObject({ text: '11,183.50', written: '11,183.50', value: 11183.5, decimals: 2, kind: 'plain', index: 10 });
    expect(read('lists like 1,2,3 and 1,2345')).toEqual(['1:plain', '2:plain', '3:plain', '1:plain', '2345:plain']);
  });

  it('reads scale words, spaced or glued, and keeps single letters for glued ones only', () => {
    expect(read('4.1433 million, 11.183 billion, 2 thousand, 1.5 trillion')).toEqual(['4.1433:plain:1000000', '11.183:plain:1000000000', '2:plain:1000', '1.5:plain:1000000000000']);
    expect(read('5bn, 3 bn, 7mn, 2m, 9k')).toEqual(['5:plain:1000000000', '3:plain:1000000000', '7:plain:1000000', '2:plain:1000000', '9:plain:1000']);
    expect(read('a berth 15 m deep')).toEqual(['15:plain']);
    expect(numbersIn('reached 11.183 billion yuan')[0]!.text).toBe('11.183 billion');
  });

  it('reads percentages and multiples in their usual spellings', () => {
    expect(read('12%, 12 %, 12 percent, 12 per cent, 3 percentage points')).toEqual(['12:percent', '12:percent', '12:percent', '12:percent', '3:percent']);
    expect(read('up 17.2 times, 2.4x, 3-fold, 5 fold, 6×')).toEqual(['17.2:multiple', '2.4:multiple', '3:multiple', '5:multiple', '6:multiple']);
  });

  it('skips digits glued to letters, which are names, but not a currency code before the number', () => {
    expect(read('H1 2012, Q3, 4G, the 1st, ECMA-376, COVID-19')).toEqual(['2012:plain']);
    expect(read('Fortune 500, top-10, RMB4.2bn, US$3 and €5m')).toEqual(['500:plain', '10:plain', '4.2:plain:1000000000', '3:plain', '5:plain:1000000']);
  });

  it('skips references to places in a document: they say where, not how much', () => {
    expect(read('see paragraph 5, paras 1, 5 and 7, p. 3, pages 2-4 and slide 9; 13 projects')).toEqual(['13:plain']);
  });

  it('reads the year of an ISO date, not its month and day', () => {
    expect(read('on 2024-10-01, for 2011-12')).toEqual(['2024:plain', '2011:plain', '12:plain']);
  });

  it('reads numbers written against Chinese text, with 万 and 亿 as scales', () => {
    expect(read('产量2000万台，预期产值304.2亿元，合计1.5万亿元，数字 2012 和 20.7%')).toEqual(['2000:plain:10000', '304.2:plain:100000000', '1.5:plain:1000000000000', '2012:plain', '20.7:percent']);
  });

  it('reads the number words zero to twenty only when asked, with their suffixes', () => {
    expect(read('Six partner firms', true)).toEqual(['Six:plain']);
    expect(numbersIn('two Fortune 500 groups and twenty firms', { words: true }).map((n) => n.value)).toEqual([2, 500, 20]);
    expect(read('up three times, two million units, five per cent', true)).toEqual(['three:multiple', 'two:plain:1000000', 'five:percent']);
    expect(read('Six partner firms')).toEqual([]);
    expect(read('someone, often, a dozen', true)).toEqual([]);
  });
});

describe('splitParagraphs', () => {
  it('takes a first line without closing punctuation as the title, paragraph 0', () => {
    expect(splitParagraphs('A title\n\nFirst one.\n\nSecond one.')).toEqual(['A title', 'First one.', 'Second one.']);
  });

  it('numbers from 1 when the text opens with a sentence', () => {
    expect(splitParagraphs('First one.\n\nSecond one.')).toEqual(['', 'First one.', 'Second one.']);
    expect(splitParagraphs('Two lines\nof opening\n\nSecond')).toEqual(['', 'Two lines of opening', 'Second']);
  });

  it('joins hard-wrapped lines, and reads Windows line ends and whitespace-only separators', () => {
    expect(splitParagraphs('\uFEFFTitle\r\n\r\nWrapped\r\n  line.\r\n \t \r\nNext.\n\n\n')).toEqual(['Title', 'Wrapped line.', 'Next.']);
  });
});

describe('parseSource', () => {
  it('lists every number with its paragraph and its value with scale applied', () => {
    const s = parseSource('Port record in 2023\n\nIt handled 8.472 million TEU, up 12.6%.\n\nEleven new lines; 2,315,000 TEU in the fourth quarter.');
    expect(s.paragraphs).toHaveLength(3);
    expect(s.numbers.map((n) => [n.text, n.para, n.abs, n.kind])).toEqual([
      ['2023', 0, 2023, 'plain'],
      ['8.472 million', 1, 8_472_000, 'plain'],
      ['12.6%', 1, 12.6, 'percent'],
      ['Eleven', 2, 11, 'plain'],
      ['2,315,000', 2, 2_315_000, 'plain'],
    ]);
  });
});
