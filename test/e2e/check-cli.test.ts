import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckgen, tempDir } from '../support/cli.js';
import { encodePng } from '../../src/render/png.js';

const FIXTURE = 'test/fixtures/check';

function project(edit: (outline: string) => string = (o) => o): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'port.yaml'), edit(readFileSync(path.join(FIXTURE, 'port.yaml'), 'utf8')));
  copyFileSync(path.join(FIXTURE, 'port-2023.txt'), path.join(dir, 'port-2023.txt'));
  return dir;
}

describe('deckgen check', () => {
  it('passes an outline whose figures are all in the source', () => {
    const r = deckgen(['check', 'port.yaml', '--source', 'port-2023.txt'], project());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('every figure is stated in its cited source');
  });

  it('names the line of a changed digit and exits 1', () => {
    const original = readFileSync(path.join(FIXTURE, 'port.yaml'), 'utf8');
    const m = /\d+\.\d+/.exec(original.split('\n').slice(8).join('\n'))!;
    const line = original.split('\n').findIndex((l, i) => i >= 8 && l.includes(m[0])) + 1;
    const changed = m[0].replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const dir = project((o) => o.split('\n').map((l, i) => (i === line - 1 ? l.replace(m[0], changed) : l)).join('\n'));
    const r = deckgen(['check', 'port.yaml', '--source', 'port-2023.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^port\\.yaml:${line}:\\d+ error: ${changed.replace('.', '\\.')}`, 'm'));
  });

  it("passes build --check on a forward-looking deck whose targets are marked `source: own`, and says so on the slide", async () => {
    const targets = (own: string): string => `  - title: Targets for the next terminal\n    bullets:\n      - { text: "Twelve new berths by 2031, handling 11 million TEU"${own} }\n`;
    const unmarked = project((o) => `${o.trimEnd()}\n${targets('')}`);
    const r = deckgen(['build', 'port.yaml', '--check', '--source', 'port-2023.txt'], unmarked);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2031 on slide \d+ \("Targets for the next terminal"\) cites no source, and is not in source "port"/);
    expect(r.stderr).toContain('`source: own`');

    const marked = project((o) => `${o.trimEnd()}\n${targets(', source: own')}`);
    copyFileSync('examples/assets/photo.png', path.join(marked, 'berths.png'));
    const ok = deckgen(['build', 'port.yaml', '--check', '--source', 'port-2023.txt', '--out', 'port.pptx'], marked);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const { openPptx } = await import('../support/ooxml.js');
    const pptx = await openPptx(readFileSync(path.join(marked, 'port.pptx')));
    const slides = await Promise.all(pptx.partNames.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map((f) => pptx.text(f)));
    expect(slides.some((x) => x.includes('Twelve new berths') && x.includes('presenter&apos;s own figures'))).toBe(true);
  });

  it('prints JSON for editors and CI', () => {
    const r = deckgen(['check', 'port.yaml', '--source', 'port-2023.txt', '--json'], project((o) => o.replace('8.472', '8.473')));
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { file: string; line: number; code: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ file: 'port.yaml', code: expect.stringMatching(/^figure-/) });
  });

  it('reads a source text from the outline\'s own `file:`', () => {
    const dir = project((o) => o.replace('    publisher: Harbour Gazette\n', '    publisher: Harbour Gazette\n    file: port-2023.txt\n'));
    expect(readFileSync(path.join(dir, 'port.yaml'), 'utf8')).toContain('file: port-2023.txt');
    const r = deckgen(['check', 'port.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('stops `build --check` before writing anything when a figure is wrong', async () => {
    const dir = project((o) => o.replace('8.472', '8.473'));
    const r = deckgen(['build', 'port.yaml', '--check', '--source', 'port-2023.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: .* is not in source|error: .* paragraph/);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
    const fine = project();
    // A picture wide enough for its slide (a smaller one gets a warning of its own).
    writeFileSync(path.join(fine, 'berths.png'), await encodePng(Buffer.alloc(1600 * 600 * 4, 0xff), 1600, 600));
    const good = deckgen(['build', 'port.yaml', '--check', '--source', 'port-2023.txt'], fine);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
  });

  it('explains a missing source text', () => {
    const r = deckgen(['check', 'port.yaml', '--source', 'nope.txt'], project());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read the text of source/);
  });
});
