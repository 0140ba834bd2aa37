import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TWINS } from '../../src/font-twins.js';
import { twinFiles } from '../../src/fonts.js';
import { fontWidths, FontFileError } from '../../src/load/sfnt.js';
import { tinyFont } from '../support/tiny-font.js';

const read = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

describe('reading advance widths from a font file', () => {
  it('reads a TrueType file: each character at its own advance, in thousandths of an em', () => {
    const font = fontWidths(tinyFont(new Map([['A', 1229], ['i', 512], ['两', 2048]])));
    expect(font.width(0x41)).toBe(600);
    expect(font.width(0x69)).toBe(250);
    expect(font.width('两'.codePointAt(0)!)).toBe(1000);
    expect(font.width(0x42)).toBeUndefined();
  });

  it.each(TWINS.map((t) => [t.family, t] as const))('reads %s the same from its WOFF and its WOFF2 file', (_family, twin) => {
    const woff = twinFiles(twin, 'woff').map(read).map(fontWidths);
    const woff2 = twinFiles(twin, 'woff2').map(read).map(fontWidths);
    woff.forEach((f, i) => {
      const text = 'AaBbWwMm0123456789.,;:%€ŁŻ';
      const widths = [...text].map((c) => f.width(c.codePointAt(0)!));
      expect([...text].map((c) => woff2[i]!.width(c.codePointAt(0)!))).toEqual(widths);
    });
    expect(woff[0]!.width(0x41)).toBeGreaterThan(400);
  });

  const ttf = '/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf';
  it('reads the system TrueType twin (fonts-crosextra-caladea) the same as the npm web font', (ctx) => {
    ctx.skip(!existsSync(ttf), 'needs the Debian package fonts-crosextra-caladea');
    const bytes = read(ttf);
    const web = fontWidths(read(twinFiles(TWINS.find((t) => t.family === 'Caladea')!)[0]!));
    const sys = fontWidths(bytes);
    for (const c of 'Cambria 2024: 11.183') expect(sys.width(c.codePointAt(0)!), c).toBe(web.width(c.codePointAt(0)!));
  });

  const ttc = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  it('reads the first font of a collection (fonts-noto-cjk): ideographs and full-width punctuation one em', (ctx) => {
    ctx.skip(!existsSync(ttc), 'needs the Debian package fonts-noto-cjk');
    const cjk = fontWidths(read(ttc));
    for (const c of '两江新区电子，。（）：') expect(cjk.width(c.codePointAt(0)!), c).toBe(1000);
    expect(cjk.width(0x31)).toBeGreaterThan(400);
  });

  it.each([
    ['not a font at all', new TextEncoder().encode('just some text, not a font file at all'), /not a TrueType, OpenType, WOFF or WOFF2 font/],
    ['too short', new Uint8Array([0, 1, 0]), /too short/],
    ['a font cut short', tinyFont(new Map([['A', 1000]])).slice(0, 120), /damaged|past the end|no usable/],
  ])('refuses %s with a reason', (_what, bytes, reason) => {
    expect(() => fontWidths(bytes)).toThrow(FontFileError);
    expect(() => fontWidths(bytes)).toThrow(reason);
  });
});
