import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/load/suggest.js';

const SLIDE_KEYS = ['layout', 'title', 'subtitle', 'bullets', 'kpis', 'chart', 'table', 'quote', 'image', 'left', 'right', 'source', 'notes'];

describe('didYouMean', () => {
  it('suggests the key a one-letter typo was meant to be', () => {
    expect(didYouMean('bulets', SLIDE_KEYS)).toBe('bullets');
    expect(didYouMean('titl', SLIDE_KEYS)).toBe('title');
    expect(didYouMean('chrt', ['chart', 'chart-text', 'table'])).toBe('chart');
  });

  it('suggests a candidate two edits away when the input is long enough to allow it', () => {
    // 6 letters allow floor(6 / 3) = 2 edits.
    // 7 letters allow floor(7 / 3) = 2 edits, not 3.
    expect(didYouMean('bxllxts', ['bullets'])).toBe('bullets');
    expect(didYouMean('bxxlxts', ['bullets'])).toBeUndefined();
  });

  it('counts two swapped letters as one typo', () => {
    expect(didYouMean('titel', SLIDE_KEYS)).toBe('title');
    expect(didYouMean('layuot', SLIDE_KEYS)).toBe('layout');
    expect(didYouMean('ntoes', SLIDE_KEYS)).toBe('notes');
  });

  it('picks the strictly closest candidate, not the first plausible one', () => {
    expect(didYouMean('chart-txt', ['chart', 'chart-text'])).toBe('chart-text');
    expect(didYouMean('kpi', ['quote', 'kpis'])).toBe('kpis');
  });

  it('breaks ties in favour of the candidate listed first', () => {
    expect(didYouMean('cat', ['car', 'bat'])).toBe('car');
    expect(didYouMean('cat', ['bat', 'car'])).toBe('bat');
  });

  it('ignores case when comparing but returns the candidate as spelled', () => {
    expect(didYouMean('HEADINGFONT', ['font', 'headingFont'])).toBe('headingFont');
    expect(didYouMean('Bulets', SLIDE_KEYS)).toBe('bullets');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(didYouMean('zzzzzzzz', SLIDE_KEYS)).toBeUndefined();
    expect(didYouMean('colour', ['value', 'derived', 'unit', 'label', 'source'])).toBeUndefined();
  });

  it('suggests nothing when there are no candidates', () => {
    expect(didYouMean('title', [])).toBeUndefined();
  });

  it('scales the allowed distance with the length of the input, not of the candidate', () => {
    // "b" may be one edit away; "bullets" is six.
    expect(didYouMean('b', ['bullets'])).toBeUndefined();
    expect(didYouMean('ab', ['abc'])).toBe('abc');
    // 9 letters allow 3 edits, 8 letters only 2.
    expect(didYouMean('abcdefxyz', ['abcdefghi'])).toBe('abcdefghi');
    expect(didYouMean('abcdexyz', ['abcdefgh'])).toBeUndefined();
  });

  it('always returns an exact match when one is offered', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }), (word, others) => {
        const candidates = [...others.filter((o) => o.toLowerCase() !== word.toLowerCase()), word];
        expect(didYouMean(word, candidates)).toBe(word);
      }),
    );
  });

  it('only ever returns one of the candidates, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }), (word, candidates) => {
        const guess = didYouMean(word, candidates);
        expect(guess === undefined || candidates.includes(guess)).toBe(true);
      }),
    );
  });
});
