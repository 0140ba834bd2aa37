import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/load/load.js';
import type { RectShape, TextShape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';

const plan = (text: string) => planDeck(parseOutline(text, 'deck.yaml'));

describe('slide options', () => {
  it('leaves skipped slides out, and does not count them as sections', () => {
    const p = plan(`title: T
slides:
  - layout: agenda
  - { layout: section, title: One }
  - { layout: section, title: Hidden, skip: true }
  - { title: Kept, bullets: [a] }
  - { title: Unfinished, skip: true }
  - { layout: section, title: Two }
`);
    expect(p.diagnostics).toEqual([]);
    expect(p.deck.slides.map((s) => s.title)).toEqual(['T', 'Agenda', 'One', 'Kept', 'Two']);
    const agenda = p.deck.slides[1]!.shapes.filter((s): s is TextShape => s.kind === 'text').map((s) => s.paragraphs[0]!.runs[0]!.text);
    expect(agenda).toContain('One');
    expect(agenda).not.toContain('Hidden');
  });

  it('still reports schema problems in a skipped slide', () => {
    expect(() => parseOutline('title: T\nslides:\n  - { title: A, bulets: [x], skip: true }\n  - { title: B, bullets: [y] }\n', 'deck.yaml')).toThrow(/unknown key "bulets"/);
  });

  it("applies a slide's own colours to that slide only", () => {
    const p = plan(`title: T
slides:
  - title: Red
    theme: { primary: "#AA0000", accent: "#00AA00" }
    chart: { labels: [a, b], series: [{ name: s, values: [1, 2] }] }
  - { title: Plain, bullets: [x] }
`);
    const [, red, plain] = p.deck.slides;
    const titleColour = (s: typeof red) => (s!.shapes.find((x) => x.kind === 'text' && x.role === 'title') as TextShape).colour;
    expect(titleColour(red)).toBe('AA0000');
    expect(titleColour(plain)).toBe('0B3C5D');
    expect((red!.shapes.find((x) => x.kind === 'rect') as RectShape).fill).toBe('00AA00');
    const chart = red!.shapes.find((x) => x.kind === 'chart');
    expect(chart && chart.kind === 'chart' && chart.colours[0]).toBe('AA0000');
  });
});

describe("a slide's own theme", () => {
  it('names the keys a slide theme takes when given another', () => {
    try {
      parseOutline('title: T\nslides:\n  - title: A\n    theme: { primary: "#8B1E1E", font: Arial }\n    bullets: [x]\n', 'deck.yaml');
      expect.unreachable();
    } catch (e) {
      const d = (e as { diagnostics: { message: string; hint?: string }[] }).diagnostics[0]!;
      expect(d.message).toBe('unknown key "font"');
      expect(d.hint).toBe('allowed here: primary, accent, text, background');
    }
  });
});
