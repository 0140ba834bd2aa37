// The plan promises that text fits; this checks the promise with a real renderer. Each deck is
// converted by LibreOffice, pdftotext reports where every rendered line landed, and every line
// must lie inside the frame of a text shape, table or slide number the plan placed on that slide.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileDeck, type Compiled } from '../../src/build.js';
import type { Box } from '../../src/plan/units.js';
import { tempDir } from '../support/cli.js';
import { deckWithTemplate, TEST_TEMPLATES } from '../support/template-deck.js';
import { twinFontconfig } from '../support/fontconfig.js';

const found = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftotext'].filter((c) => !found(c));
if (missing.length) {
  console.warn(`rendered-fit tests skipped: ${missing.join(' and ')} not found (apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito fonts-crosextra-caladea fonts-croscore fonts-noto-cjk)`);
}

/** The default deck on each test template is built from a copy (test/support/template-deck.ts). */
const ON_TEMPLATES = TEST_TEMPLATES.map((t) => `deck.yaml on ${t}.potx`);
const DECKS = ['deck.yaml', 'examples/all-layouts.yaml', 'examples/on-a-template.yaml', ...readdirSync('test/fixtures/stress').map((f) => `test/fixtures/stress/${f}`), ...ON_TEMPLATES];
const outlineOf = (deck: string): string => (deck.includes(' on ') ? deckWithTemplate(deck.split(' on ')[1]!.replace('.potx', '')) : deck);
/**
 * Points of slack. Horizontally glyph boxes are exact advances. Vertically pdftotext reports the
 * font's bounding box, about 1.3 em tall where a line takes 1.22 em, so a large single line
 * "overhangs" its frame by a few points with no ink there: allow a tenth of the line's height.
 */
const SLACK = 2;
const overhang = (l: { y0: number; y1: number }): number => SLACK + 0.1 * (l.y1 - l.y0);
const PT = 72;

interface Line {
  page: number;
  text: string;
  box: { x0: number; y0: number; x1: number; y1: number };
}

function renderedLines(pdf: string): Line[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: Line[] = [];
  html.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs)) {
      const text = [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
      lines.push({ page: i, text, box: { x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) } });
    }
  });
  return lines;
}

/** Frames that may hold text on each slide, in points. */
function frames(compiled: Compiled): Box[][] {
  return compiled.deck.slides.map((slide) => {
    const boxes = slide.shapes.filter((s) => s.kind === 'text' || s.kind === 'table').map((s) => s.box);
    if (slide.slideNumber) boxes.push(slide.slideNumber.box);
    return boxes.map((b) => ({ x: b.x * PT, y: b.y * PT, w: b.w * PT, h: b.h * PT }));
  });
}

const inside = (l: Line['box'], f: Box): boolean =>
  l.x0 >= f.x - SLACK && l.x1 <= f.x + f.w + SLACK && l.y0 >= f.y - overhang(l) && l.y1 <= f.y + f.h + overhang(l);

describe('text as LibreOffice renders it', () => {
  const results = new Map<string, { compiled: Compiled; lines: Line[]; pdf: string }>();
  beforeEach((ctx) => ctx.skip(missing.length > 0, `needs LibreOffice and poppler: ${missing.join(' and ')} not found`));

  beforeAll(async () => {
    if (missing.length) return;
    const dir = tempDir();
    const built = await Promise.all(DECKS.map(async (deck, i) => ({ deck, compiled: await compileDeck(outlineOf(deck)), file: path.join(dir, `${i}.pptx`) })));
    for (const b of built) writeFileSync(b.file, b.compiled.bytes);
    const out = path.join(dir, 'pdf');
    mkdirSync(out);
    // One LibreOffice start for every deck: it costs seconds, converting costs little.
    // LibreOffice draws each Office font with its metric twin, as PowerPoint would with the original.
    const env = twinFontconfig(path.join(dir, 'fontconfig'));
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, ...built.map((b) => b.file)], { stdio: 'ignore', timeout: 240_000, env });
    built.forEach((b, i) => results.set(b.deck, { compiled: b.compiled, lines: renderedLines(path.join(out, `${i}.pdf`)), pdf: path.join(out, `${i}.pdf`) }));
  }, 300_000);

  it.each(DECKS)('keeps every rendered line of %s inside its frame', (deck) => {
    const { compiled, lines } = results.get(deck)!;
    const slideFrames = frames(compiled);
    expect(new Set(lines.map((l) => l.page)).size).toBeGreaterThan(0);
    expect(Math.max(...lines.map((l) => l.page)) + 1).toBeLessThanOrEqual(compiled.deck.slides.length);
    const outside = lines.filter((l) => !(slideFrames[l.page] ?? []).some((f) => inside(l.box, f)));
    expect(outside.map((l) => `slide ${l.page + 1}: "${l.text}" at ${JSON.stringify(l.box)}`)).toEqual([]);
  });

  it.each([
    ['test/fixtures/stress/georgia-cambria.yaml', ['Gelasio', 'Caladea'], ['DejaVu']],
    ['test/fixtures/stress/chinese-yahei.yaml', ['NotoSansCJK'], ['DejaVu']],
  ])('renders %s in the twins it was measured with', (deck, want, not) => {
    const fonts = execFileSync('pdffonts', [results.get(deck)!.pdf], { encoding: 'utf8' });
    for (const f of want) expect(fonts).toContain(f);
    for (const f of not) expect(fonts).not.toContain(f);
  });

  it('renders as many pages as the plan has slides', () => {
    for (const [deck, { compiled, lines }] of results) {
      const pages = new Set(lines.map((l) => l.page));
      expect(pages.size, deck).toBe(compiled.deck.slides.length);
    }
  });
});
