// Fonts as a user meets them on the command line: a warning at the line of a font deckgen cannot
// measure, an error at the line of a font file it cannot use, and a deck built with its own font.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TWINS } from '../../src/font-twins.js';
import { twinFiles } from '../../src/fonts.js';
import { openPptx } from '../support/ooxml.js';
import { deckgen, tempDir } from '../support/cli.js';

function project(theme: string, assets: Record<string, string | Buffer> = {}): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'assets'));
  for (const [name, data] of Object.entries(assets)) writeFileSync(path.join(dir, name), data);
  writeFileSync(
    path.join(dir, 'deck.yaml'),
    `title: Fonts\ntheme:\n${theme}slides:\n  - title: Trips grew every month\n    chart:\n      labels: [July, August]\n      series: [{ name: Trips, values: [11200, 13900] }]\n`,
  );
  return dir;
}

const WARNING = 'deck.yaml:3:9 warning: theme.font "Brand Sans": deckgen has no widths for this font, so it measures text with a safety margin';

describe('fonts on the command line', () => {
  it('warns at the line of a font it cannot measure, in validate and in build, and builds anyway', () => {
    const dir = project('  font: Brand Sans\n');
    const validate = deckgen(['validate', 'deck.yaml'], dir);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toContain(WARNING);
    expect(validate.stderr).toContain('hint: to measure it exactly, give its font file: theme.fonts: { "Brand Sans": assets/BrandSans.ttf }');
    const build = deckgen(['build', 'deck.yaml'], dir);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain(WARNING);
  });

  it('builds with the outline\'s own font file, naming the font in the deck, without a warning', async () => {
    const woff2 = twinFiles(TWINS.find((t) => t.family === 'Gelasio')!, 'woff2')[0]!;
    const dir = project('  font: Brand Sans\n  fonts: { Brand Sans: assets/brand.woff2 }\n', { 'assets/brand.woff2': readFileSync(woff2) });
    const build = deckgen(['build', 'deck.yaml', '--out', 'deck.pptx'], dir);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const pptx = await openPptx(readFileSync(path.join(dir, 'deck.pptx')));
    const slide = await pptx.text('ppt/slides/slide2.xml');
    expect(slide).toContain('typeface="Brand Sans"');
  });

  it('refuses a font file that is not a font, at its line, with a hint and no stack trace', () => {
    const dir = project('  font: Brand Sans\n  fonts:\n    Brand Sans: assets/brand.ttf\n', { 'assets/brand.ttf': 'Brand Sans, licensed to the marketing department: ask them for the file' });
    const build = deckgen(['build', 'deck.yaml'], dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('deck.yaml:5:17 error: font file "assets/brand.ttf" cannot be read: it is not a TrueType, OpenType, WOFF or WOFF2 font');
    expect(build.stderr).toContain('hint: give a TrueType (.ttf), OpenType (.otf), WOFF or WOFF2 font file');
    expect(build.stderr).not.toMatch(/^\s+at /m);
  });
});
