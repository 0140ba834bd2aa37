// Line breaks in slide text become one space, in linear time (the regex it replaces was quadratic
// over long runs of spaces).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, parseInline, plainText } from '../../src/plan/inline.js';

describe('joinLines', () => {
  it('does what /\\s*\\r?\\n\\s*/g did, on any text of spaces, breaks and letters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\n', '\r', '\t', 'a', 'b', '\u00a0', '\u2028'), { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(joinLines(text)).toBe(text.replace(/\s*\r?\n\s*/g, ' '));
      }),
      { numRuns: 5000 },
    );
  });

  it('gets through a 400,000-space line that the regex would try 400,000 times', () => {
    const text = `a${' '.repeat(400_000)}b\nc`;
    expect(plainText(parseInline(text))).toBe(`a${' '.repeat(400_000)}b c`);
  });
});
