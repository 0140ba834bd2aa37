import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInline, type Run } from '../../src/plan/inline.js';
import { CJK_LINE_HEIGHT, countLines, fitText, indentOf, LINE_HEIGHT, lineHeightOf, lineWidth, textHeight, wrapLines, type Paragraph, type TextStyle } from '../../src/plan/measure.js';
import { ptToIn } from '../../src/plan/units.js';

const REGULAR: TextStyle = { font: 'Calibri', lineSpacing: 1 };
const BOLD: TextStyle = { ...REGULAR, bold: true };
const runs = (text: string): Run[] => [{ text }];
const para = (text: string, o: Partial<Paragraph> = {}): Paragraph => ({ runs: runs(text), level: 0, bullet: false, spaceBefore: 0, ...o });
/** Single-spaced line height in inches at `size` points. */
const lineAt = (size: number, spacing = 1): number => ptToIn(size) * LINE_HEIGHT * spacing;

const SENTENCE = 'the quick brown fox jumps over the lazy dog';
const word = fc.stringMatching(/^[A-Za-z0-9,.]{1,14}$/);
const words = fc.array(word, { minLength: 1, maxLength: 40 });

describe('lineWidth', () => {
  it('measures bold text wider than the same text in regular', () => {
    for (const text of ['Hello world', 'Liangjiang New Area', '11.183 bn yuan']) {
      expect(lineWidth(runs(text), BOLD, 18)).toBeGreaterThan(lineWidth(runs(text), REGULAR, 18));
    }
  });

  it('treats a bold run like a bold style', () => {
    expect(lineWidth([{ text: 'Hello world', bold: true }], REGULAR, 18)).toBeCloseTo(lineWidth(runs('Hello world'), BOLD, 18), 10);
  });

  it('scales linearly with the point size', () => {
    expect(lineWidth(runs(SENTENCE), REGULAR, 36)).toBeCloseTo(2 * lineWidth(runs(SENTENCE), REGULAR, 18), 10);
  });

  it('measures a font it has no widths for with the safety margin, wider than Calibri and Georgia', () => {
    const unknown = lineWidth(runs(SENTENCE), { font: 'No Such Font 123', lineSpacing: 1 }, 18);
    expect(unknown).toBeGreaterThan(lineWidth(runs(SENTENCE), REGULAR, 18));
    expect(unknown).toBeGreaterThanOrEqual(lineWidth(runs(SENTENCE), { font: 'Georgia', lineSpacing: 1 }, 18));
  });

  it('makes a line holding CJK characters as tall as a CJK font sets it', () => {
    expect(lineHeightOf(runs('Plain English'))).toBe(LINE_HEIGHT);
    expect(lineHeightOf(runs('产值 111.83 亿元'))).toBe(CJK_LINE_HEIGHT);
    expect(CJK_LINE_HEIGHT).toBeGreaterThan(LINE_HEIGHT);
  });
});

describe('Arabic and Hebrew, which no metric twin has', () => {
  it('measure their letters at 0.65 em and their vowel marks at nothing, not a full em each', () => {
    const style: TextStyle = { font: 'Calibri', lineSpacing: 1 };
    const em = ptToIn(20);
    expect(lineWidth([{ text: 'שלום' }], style, 20) / em).toBeCloseTo(4 * 0.65, 5);
    expect(lineWidth([{ text: 'مرحبا' }], style, 20) / em).toBeCloseTo(5 * 0.65, 5);
    // Vowel points (shadda, fatha) add nothing.
    expect(lineWidth([{ text: 'مَرّ' }], style, 20)).toBeCloseTo(lineWidth([{ text: 'مر' }], style, 20), 5);
    // Anything else unknown still takes a full em.
    expect(lineWidth([{ text: '\u0E01' }], style, 20) / em).toBeCloseTo(1, 5);
  });
});

describe('wrapLines', () => {
  it('keeps a short text on one line', () => {
    expect(wrapLines(runs('Hello world'), REGULAR, 18, 5)).toEqual(['Hello world']);
  });

  it('breaks at spaces, keeping words whole when they fit', () => {
    const lines = wrapLines(runs(SENTENCE), REGULAR, 18, 2);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(SENTENCE);
    for (const line of lines) expect(lineWidth(runs(line), REGULAR, 18)).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('breaks a word wider than the line between its characters', () => {
    const long = 'Supercalifragilisticexpialidocious';
    const lines = wrapLines(runs(long), REGULAR, 18, 1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
    for (const line of lines) expect(lineWidth(runs(line), REGULAR, 18)).toBeLessThanOrEqual(1.01);
  });

  it('starts a long word on a fresh line before breaking it', () => {
    const lines = wrapLines(runs('ab Supercalifragilisticexpialidocious'), REGULAR, 18, 1);
    expect(lines[0]).toBe('ab');
    expect(lines.slice(1).join('')).toBe('Supercalifragilisticexpialidocious');
  });

  it('breaks CJK text between characters, without spaces', () => {
    const text = '电子信息产业在两江新区蓬勃发展';
    const lines = wrapLines(runs(text), REGULAR, 18, 1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(lineWidth(runs(line), REGULAR, 18)).toBeLessThanOrEqual(1.01);
  });

  it('breaks Korean at its spaces, as PowerPoint and LibreOffice do, not between syllables', () => {
    const text = '멀티클라우드 도입을 통한 IT 운영비 30% 절감 방안';
    const words = text.split(' ');
    // From the widest word up (six syllables, 2 in at 24 pt): a word wider than the line must break.
    for (let w = 2.1; w <= 6; w += 0.2) {
      const lines = wrapLines(runs(text), REGULAR, 24, w);
      // Every line is whole words.
      expect(lines.join(' ').split(' '), `${w.toFixed(1)} in: ${lines.join(' | ')}`).toEqual(words);
    }
  });

  it('keeps East Asian line-breaking rules: no line starts with a closing bracket or stop, none ends with an opening bracket', () => {
    const text = '関東甲信越地方（首都圏を含む）の売上は、前年比で増加した。「新製品」が好調。';
    // From two characters a line up: a line one character wide must break anywhere.
    for (let w = 0.55; w <= 3; w += 0.05) {
      const lines = wrapLines(runs(text), REGULAR, 18, w);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect(line, `${w.toFixed(2)} in: ${lines.join(' | ')}`).not.toMatch(/^[）」、。]/);
      for (const line of lines.slice(0, -1)) expect(line, `${w.toFixed(2)} in: ${lines.join(' | ')}`).not.toMatch(/[（「]$/);
    }
  });

  it('may break between a CJK character and a following Latin word', () => {
    const lines = wrapLines(runs('两江Liangjiang'), REGULAR, 18, lineWidth(runs('Liangjiang'), REGULAR, 18) + 0.01);
    expect(lines).toEqual(['两江', 'Liangjiang']);
  });

  it('does not break a word where its style changes ("**4.1**m" wraps as one word)', () => {
    const styled: Run[] = [{ text: 'ab ' }, { text: '4.1', bold: true }, { text: 'm cd' }];
    const width = lineWidth([{ text: '4.1', bold: true }, { text: 'm' }], REGULAR, 18) + 0.01;
    expect(wrapLines(styled, REGULAR, 18, width)).toEqual(['ab', '4.1m', 'cd']);
  });

  it('drops the spaces where it breaks, and leading and trailing spaces', () => {
    expect(wrapLines(runs('  leading and trailing  '), REGULAR, 18, 10)).toEqual(['leading and trailing']);
    for (const line of wrapLines(runs(SENTENCE), REGULAR, 18, 1.5)) expect(line).toBe(line.trim());
  });

  it('gives one empty line for empty text', () => {
    expect(wrapLines(runs(''), REGULAR, 18, 1)).toEqual(['']);
    expect(wrapLines([], REGULAR, 18, 1)).toEqual(['']);
  });

  // Outline text follows Markdown: a line break inside a bullet or quote is a space, so what is
  // measured is what is shown (a "\n" never reaches pptxgenjs, which would break the line there).
  it('treats a line break in outline text as a space, so it is measured as shown', () => {
    const shown = parseInline('first line\n  second line');
    expect(shown).toEqual([{ text: 'first line second line' }]);
    expect(countLines(shown, REGULAR, 18, 10)).toBe(1);
  });

  it('never loses or reorders the words it wraps', () => {
    fc.assert(
      fc.property(words, fc.double({ min: 0.3, max: 8, noNaN: true }), fc.integer({ min: 8, max: 48 }), (ws, width, size) => {
        const text = ws.join(' ');
        expect(wrapLines(runs(text), REGULAR, size, width).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 100 },
    );
  });
});

describe('countLines', () => {
  it('needs more lines for bold text when regular just fits', () => {
    const width = lineWidth(runs(SENTENCE), REGULAR, 18) + 0.005;
    expect(countLines(runs(SENTENCE), REGULAR, 18, width)).toBe(1);
    expect(countLines(runs(SENTENCE), BOLD, 18, width)).toBe(2);
  });

  it('needs fewer lines in a wider column', () => {
    expect(countLines(runs(SENTENCE), REGULAR, 18, 1.5)).toBeGreaterThan(countLines(runs(SENTENCE), REGULAR, 18, 4));
  });

  it('never needs fewer lines when a word is appended', () => {
    fc.assert(
      fc.property(words, word, fc.double({ min: 0.3, max: 8, noNaN: true }), fc.integer({ min: 8, max: 48 }), fc.boolean(), (ws, extra, width, size, bold) => {
        const style = bold ? BOLD : REGULAR;
        const before = countLines(runs(ws.join(' ')), style, size, width);
        const after = countLines(runs(`${ws.join(' ')} ${extra}`), style, size, width);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('never needs fewer lines in bold than in regular', () => {
    fc.assert(
      fc.property(words, fc.double({ min: 0.3, max: 8, noNaN: true }), fc.integer({ min: 8, max: 48 }), (ws, width, size) => {
        const text = runs(ws.join(' '));
        expect(countLines(text, BOLD, size, width)).toBeGreaterThanOrEqual(countLines(text, REGULAR, size, width));
      }),
      { numRuns: 100 },
    );
  });
});

describe('textHeight', () => {
  it('is one line height for a short paragraph, scaled by line spacing', () => {
    expect(textHeight([para('Hello')], REGULAR, 18, 5)).toBeCloseTo(lineAt(18), 10);
    expect(textHeight([para('Hello')], { ...REGULAR, lineSpacing: 1.5 }, 18, 5)).toBeCloseTo(lineAt(18, 1.5), 10);
  });

  it('adds space before every paragraph but the first, scaled with the size', () => {
    const first = textHeight([para('One', { spaceBefore: 30 })], REGULAR, 18, 5);
    expect(first).toBeCloseTo(lineAt(18), 10);
    const two = textHeight([para('One'), para('Two', { spaceBefore: 10 })], REGULAR, 36, 5);
    expect(two).toBeCloseTo(2 * lineAt(36) + ptToIn(20), 10);
  });

  it('gives deeper bullet levels less width, so they never take fewer lines', () => {
    const text = 'Six suppliers settled, among them Jinjian, Xinjin Electronic, FALEDA, Easttop Supply Chain Management and Eternal Asia';
    const heights = [0, 1, 2, 3].map((level) => textHeight([para(text, { level, bullet: true })], REGULAR, 18, 4));
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThanOrEqual(heights[i - 1]!);
    expect(heights[3]).toBeGreaterThan(heights[0]!);
    expect(indentOf(2, true, 18)).toBeGreaterThan(indentOf(0, true, 18));
  });

  it('grows with every paragraph added', () => {
    const one = textHeight([para(SENTENCE)], REGULAR, 18, 3);
    const two = textHeight([para(SENTENCE), para(SENTENCE)], REGULAR, 18, 3);
    expect(two).toBeGreaterThan(one);
  });
});

describe('fitText', () => {
  const range = { max: 24, min: 14 };

  it('keeps the largest size when the text fits at it', () => {
    const fit = fitText([para('Hello')], REGULAR, range, { w: 5, h: 1 });
    expect(fit).toEqual({ size: 24, height: textHeight([para('Hello')], REGULAR, 24, 5), fits: true });
  });

  it('shrinks in half-point steps until the text fits', () => {
    const paras = [para(SENTENCE), para(SENTENCE, { spaceBefore: 10 })];
    const fit = fitText(paras, REGULAR, range, { w: 3, h: 1.6 });
    expect(fit.fits).toBe(true);
    expect(fit.size).toBeLessThan(24);
    expect((fit.size * 2) % 1).toBe(0);
    expect(fit.height).toBeLessThanOrEqual(1.6);
    // Half a point larger does not fit.
    expect(fitText(paras, REGULAR, { max: fit.size + 0.5, min: fit.size + 0.5 }, { w: 3, h: 1.6 }).fits).toBe(false);
  });

  it('reports a text that overflows even at the minimum size, measured at that size', () => {
    const paras = [para('hello '.repeat(200))];
    const fit = fitText(paras, REGULAR, range, { w: 5, h: 1 });
    expect(fit.fits).toBe(false);
    expect(fit.size).toBe(14);
    expect(fit.height).toBeCloseTo(textHeight(paras, REGULAR, 14, 5), 10);
    expect(fit.height).toBeGreaterThan(1);
  });

  it('stays within its range, and what it says fits does fit', () => {
    const paragraph = fc.record({
      text: words.map((ws) => ws.join(' ')),
      level: fc.integer({ min: 0, max: 3 }),
      bullet: fc.boolean(),
      spaceBefore: fc.integer({ min: 0, max: 14 }),
    });
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 16, max: 60 }).map((n) => n / 2),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 1.5, max: 12, noNaN: true }),
        fc.double({ min: 0.3, max: 6, noNaN: true }),
        fc.boolean(),
        (ps, min, steps, w, h, bold) => {
          const paras = ps.map((p) => para(p.text, { level: p.level, bullet: p.bullet, spaceBefore: p.spaceBefore }));
          const style = bold ? BOLD : REGULAR;
          const max = min + steps / 2;
          const fit = fitText(paras, style, { max, min }, { w, h });
          expect(fit.size).toBeLessThanOrEqual(max);
          expect(fit.size).toBeGreaterThanOrEqual(min);
          if (fit.fits) expect(textHeight(paras, style, fit.size, w)).toBeLessThanOrEqual(h);
          else expect(fit.size).toBe(min);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('measured tokens are remembered per text, never mixed up', () => {
  it('keeps a text with a NUL apart from two runs that would print the same way', () => {
    const style = { font: 'Calibri', lineSpacing: 1 };
    wrapLines([{ text: 'WWWWWWWW\u00001-i' }], style, 18, 10);
    expect(wrapLines([{ text: 'WWWWWWWW' }, { text: 'i', bold: true }], style, 18, 10)).toEqual(['WWWWWWWWi']);
  });
});

describe('a right-to-left deck\'s fonts', () => {
  it('are measured in the wider of their own widths and Arial\'s, which may set their digits', async () => {
    const { complexScriptWidths } = await import('../../src/plan/fonts.js');
    const { BRIEFING } = await import('../../src/theme/theme.js');
    const theme = complexScriptWidths(BRIEFING);
    const kpi = (font: string, book = theme.faces): number => lineWidth([{ text: '3,400,000' }], { font, book, lineSpacing: 1, bold: true }, 40);
    expect(kpi('Calibri')).toBeCloseTo(kpi('Arial', new Map()), 6);
    expect(kpi('Calibri')).toBeGreaterThan(kpi('Calibri', new Map()));
    // Never narrower than the font's own, glyph by glyph.
    for (const text of ['Wiiiide', 'MWMW', 'القاهرة', '12,345.6%']) {
      expect(lineWidth([{ text }], { font: 'Calibri', book: theme.faces, lineSpacing: 1 }, 20)).toBeGreaterThanOrEqual(lineWidth([{ text }], { font: 'Calibri', lineSpacing: 1 }, 20));
    }
  });
});
