import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/load/load.js';
import type { Shape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';
import { readImages } from '../../src/render/images.js';
import { startRenderer } from '../../src/render/renderer.js';
import { inside, SLIDE, type Box } from '../../src/plan/units.js';

const OUTLINES = ['deck.yaml', 'examples/all-layouts.yaml', ...readdirSync('test/fixtures/stress').map((f) => `test/fixtures/stress/${f}`)];

/** Shapes that carry content; rectangles are panels and rules drawn under or beside them on purpose. */
const content = (s: Shape): boolean => s.kind !== 'rect';
/** A title placed above the slide for screen readers only: it lies wholly off the slide, on purpose. */
const hidden = (s: Shape): boolean => s.kind === 'text' && !!s.hidden;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

describe('planned shapes', () => {
  it.each(OUTLINES)('in %s stay on the slide and never overlap one another', async (file) => {
    const outline = await loadOutline(file);
    const renderer = startRenderer({ inProcess: true });
    const { images } = await readImages(outline, renderer);
    await renderer.close();
    const { deck, diagnostics } = planDeck(outline, images);
    expect(diagnostics).toEqual([]);
    const slide = { x: 0, y: 0, w: SLIDE.w, h: SLIDE.h };
    for (const [n, s] of deck.slides.entries()) {
      for (const x of s.shapes.filter(hidden)) expect(x.box.y + x.box.h, `slide ${n + 1}: a hidden title shows`).toBeLessThanOrEqual(0);
      const seen = s.shapes.filter((x) => !hidden(x));
      const shapes = seen.filter(content).map((x) => x.box);
      if (s.slideNumber) shapes.push(s.slideNumber.box);
      for (const box of [...seen.map((x) => x.box), ...shapes]) expect(inside(box, slide), `slide ${n + 1}`).toBe(true);
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          expect(overlap(shapes[i]!, shapes[j]!), `slide ${n + 1} ("${s.title}"): shapes ${i} and ${j} overlap`).toBeLessThan(1e-6);
        }
      }
    }
  });
});
