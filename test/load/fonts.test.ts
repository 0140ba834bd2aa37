import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { TWINS } from '../../src/font-twins.js';
import { twinFiles } from '../../src/fonts.js';
import { loadOutline, parseOutline } from '../../src/load/load.js';
import { advance } from '../../src/plan/metrics/advance.js';
import { planDeck } from '../../src/plan/plan.js';
import { tempDir } from '../support/cli.js';
import { tinyFont } from '../support/tiny-font.js';

function project(fonts: string, files: Record<string, Uint8Array | string> = {}): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'assets'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  const file = path.join(dir, 'deck.yaml');
  writeFileSync(file, `title: Fonts\ntheme:\n  font: Brand Sans\n  fonts:\n${fonts}slides:\n  - title: One\n    bullets: [a]\n`);
  return file;
}

async function problems(file: string): Promise<{ line: number; column: number; message: string; hint?: string }[]> {
  try {
    await loadOutline(file);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  return [];
}

const gelasio = TWINS.find((t) => t.family === 'Gelasio')!;

describe('theme.fonts: the outline\'s own font files', () => {
  it('measures a font from its TrueType file, with its own advances', async () => {
    const wide = tinyFont(new Map([...'abcdefghijklmnopqrstuvwxyz '].map((c) => [c, 1536] as const)));
    const file = project('    Brand Sans: assets/brand.ttf\n', { 'assets/brand.ttf': wide });
    const outline = await loadOutline(file);
    const book = outline.fonts.book;
    expect(advance('abc', false, false, 'Brand Sans', book)).toBeCloseTo(2.25, 10);
    expect(advance('abc', false, false, 'brand  sans', book)).toBeCloseTo(2.25, 10);
    // A character the file lacks is measured with the safety margin, not as nothing.
    expect(advance('W', false, false, 'Brand Sans', book)).toBeGreaterThan(0.9);
    // No bold file: renderers embolden the regular face, a little wider.
    expect(advance('abc', true, false, 'Brand Sans', book)).toBeGreaterThan(2.25);
    const plan = planDeck(outline);
    expect(plan.diagnostics.filter((d) => d.code === 'unmeasured-font')).toEqual([]);
  });

  it('measures a WOFF2 file per face the same as its twin', async () => {
    const [regular, bold] = [twinFiles(gelasio, 'woff2')[0]!, twinFiles(gelasio, 'woff2')[2]!];
    const dir = tempDir();
    mkdirSync(path.join(dir, 'fonts'));
    copyFileSync(regular, path.join(dir, 'fonts/r.woff2'));
    copyFileSync(bold, path.join(dir, 'fonts/b.woff2'));
    const file = path.join(dir, 'deck.yaml');
    writeFileSync(file, 'title: T\ntheme:\n  font: House Serif\n  fonts:\n    House Serif: { regular: fonts/r.woff2, bold: fonts/b.woff2 }\nslides:\n  - title: One\n    bullets: [a]\n');
    const { book, files } = (await loadOutline(file)).fonts;
    expect(files.map((f) => path.basename(f.path))).toEqual(['r.woff2', 'b.woff2']);
    for (const text of ['Laptops made by mid-year', '111.83 bn']) {
      expect(advance(text, false, false, 'House Serif', book)).toBe(advance(text, false, false, 'Georgia'));
      expect(advance(text, true, false, 'House Serif', book)).toBe(advance(text, true, false, 'Georgia'));
    }
  });

  it('refuses a file outside the outline\'s folder, a missing file and a file that is not a font, each at its line', async () => {
    const outside = path.join(tempDir(), 'x.ttf');
    writeFileSync(outside, tinyFont(new Map([['a', 1000]])));
    const file = project(`    Brand Sans: ${outside}\n    Other: assets/missing.ttf\n    Third: assets/notes.ttf\n`, { 'assets/notes.ttf': 'hello, I am not a font' });
    const found = await problems(file);
    expect(found.map((p) => [p.line, p.column])).toEqual([
      [5, 17],
      [6, 12],
      [7, 12],
    ]);
    expect(found[0]!.message).toContain("lies outside the outline's folder");
    expect(found[1]!.message).toBe('font file "assets/missing.ttf" not found');
    expect(found[2]!.message).toBe('font file "assets/notes.ttf" cannot be read: it is not a TrueType, OpenType, WOFF or WOFF2 font');
    expect(found[2]!.hint).toContain('.ttf');
  });

  it('says what theme.fonts takes when an entry is not a path or its faces', () => {
    let found: { line: number; message: string; hint?: string }[] = [];
    try {
      parseOutline('title: t\ntheme:\n  fonts:\n    Brand Sans: { regular: a.ttf, heavy: b.ttf }\n    "Bad/Name": a.ttf\n    Other: 12\nslides:\n  - title: x\n    bullets: [a]\n', 'deck.yaml');
    } catch (e) {
      if (e instanceof InputError) found = e.diagnostics;
    }
    expect(found.map((d) => d.line)).toEqual([4, 5, 6]);
    expect(found[0]!.hint).toBe('allowed here: regular, bold, italic, boldItalic');
    expect(found[1]!.message).toContain('"Bad/Name" is not a usable key here: a font name is letters, digits');
    expect(found[2]!.message).toBe('expected a font file path or { regular, bold, italic, boldItalic }, got number 12');
  });
});
