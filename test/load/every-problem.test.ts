// Every problem in one pass: the outline with six mistakes took four builds to show them all.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planFile } from '../../src/build.js';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { parseParts } from '../../src/load/load.js';
import { startRenderer } from '../../src/render/renderer.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function problemsOf(text: string, files: Record<string, string> = {}): Promise<Diagnostic[]> {
  dir = mkdtempSync(path.join(tmpdir(), 'deckgen-every-'));
  mkdirSync(path.join(dir, 'assets'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  const file = path.join(dir, 'deck.yaml');
  writeFileSync(file, text);
  const renderer = startRenderer({ inProcess: true });
  try {
    await planFile(file, renderer);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  } finally {
    await renderer.close();
  }
  throw new Error('expected problems');
}

const LONG = 'A title so long that it cannot possibly fit on one slide however small the text becomes, because it goes on and on about every detail of the pilot, station by station, month by month, rider by rider, with no end in sight and nothing cut, and still it carries on past the point where any reader would stop and ask what the slide is actually about';

describe('every problem in one pass', () => {
  it('reports a typo, a bad chart, an unknown source, a missing image and a title that cannot fit together', async () => {
    const text = lines(
      'title: Pilot',
      'sources: [{ id: ops, title: Operations log }]',
      'slides:',
      '  - title: Trips by month',
      '    chart: { type: bars, labels: [July], series: [{ name: Trips, values: [1] }] }',
      '  - title: Trips',
      '    chart: { labels: [July, August], series: [{ name: Trips, values: [1, 2, 3] }] }',
      '  - title: Next steps',
      '    bulets: [Extend the pilot]',
      '  - title: Cited',
      '    bullets: [{ text: Riders, source: opps }]',
      '  - title: A station',
      '    image: { path: assets/missing.png }',
      `  - title: ${LONG}`,
      '    bullets: [Fine]',
    );
    const ds = await problemsOf(text);
    const at = ds.map((d) => `${d.line} ${d.message}`);
    expect(at).toEqual([
      '5 "bars" is not one of the allowed values (did you mean "bar"?)',
      '7 series "Trips" has 3 values but there are 2 labels',
      '9 unknown key "bulets" (did you mean "bullets"?)',
      '11 unknown source "opps"',
      '13 image "assets/missing.png" not found',
      expect.stringMatching(/^14 text does not fit its box/),
    ]);
  });

  it('checks the image and CSV files of slides that have schema problems', async () => {
    const text = lines(
      'title: Pilot',
      'slides:',
      '  - title: A station',
      '    image: { path: assets/gone.png, captoin: typo }',
      '  - title: Trips',
      '    chart: { type: donut, data: assets/trips.csv }',
    );
    const ds = await problemsOf(text, { 'assets/trips.csv': 'Month,Trips\nJuly,lots\n' });
    expect(ds.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'deck.yaml:4:20 image "assets/gone.png" not found',
      'deck.yaml:4:37 unknown key "captoin" (did you mean "caption"?)',
      'deck.yaml:6:20 "donut" is not one of the allowed values (did you mean "doughnut"?)',
      'trips.csv:2:6 "lots" is not a number',
    ]);
  });

  it('checks the theme logo even when the theme has a bad colour', async () => {
    const ds = await problemsOf(lines('title: T', 'theme: { primary: "#12345", logo: assets/logo.png }', 'slides:', '  - title: A', '    bullets: [x]'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/colour/), 'image "assets/logo.png" not found']);
  });

  it('fits the valid slides of an outline with problems elsewhere, and only those', () => {
    const { outline, problems } = parseParts(lines('title: T', 'slides:', '  - title: Good', '    bullets: [x]', '  - title: Bad', '    bulets: [x]', '  - title: Skipped', '    skip: true', '    bullets: [y]'), 'deck.yaml');
    expect(problems).toHaveLength(1);
    expect(outline.slides.map((s) => s.index)).toEqual([0]);
    expect(outline.measurable).toBe(true);
  });

  it('does not call the agenda empty because a section slide has a problem of its own', async () => {
    const ds = await problemsOf(lines('title: T', 'slides:', '  - layout: agenda', '  - layout: section', '    titel: S', '  - title: A', '    bullets: [x]'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/^unknown key "titel"/)]);
  });

  it('does not call a source unknown because its entry has a problem of its own', () => {
    const { problems } = parseParts(lines('title: T', 'sources: [{ id: ops }]', 'slides:', '  - title: A', '    bullets: [{ text: x, source: ops }]'), 'deck.yaml');
    expect(problems.map((d) => d.message)).toEqual([expect.stringMatching(/title/)]);
  });
});
