import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/load/load.js';
import { planDeck } from '../../src/plan/plan.js';

const FILE = 'deck.yaml';
const plan = (yaml: string) => planDeck(parseOutline(yaml, FILE));
const warnings = (yaml: string) => plan(yaml).diagnostics.filter((d) => d.code === 'low-contrast');

describe('colours the outline chooses', () => {
  it('warns at the theme key when its text is below 4.5:1, with the ratio and a nearby colour that passes', () => {
    const yaml = 'title: T\ntheme:\n  muted: "#AAAAAA"\nslides:\n  - title: One\n    bullets: [a]\n';
    const [w, ...rest] = warnings(yaml);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', line: 3, column: 10 });
    expect(w!.message).toContain('theme.muted "#AAAAAA"');
    expect(w!.message).toContain('2.3:1, below the 4.5:1');
    expect(w!.hint).toMatch(/^"#[0-9A-F]{6}" is the nearest colour that passes$/);
  });

  it('blames the background when only the background was chosen, and a slide\'s own colours at the slide', () => {
    const yaml = 'title: T\nslides:\n  - title: One\n    bullets: [a]\n    theme: { background: "#0B3C5D" }\n';
    const found = warnings(yaml);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((w) => w.line === 5 && w.message.startsWith('theme.background'))).toBe(true);
  });

  it('says nothing of the preset, and builds anyway: a warning is not an error', () => {
    expect(warnings('title: T\nslides:\n  - title: One\n    bullets: [a]\n')).toEqual([]);
    expect(plan('title: T\ntheme: { text: "#BBBBBB" }\nslides:\n  - title: One\n    bullets: [a]\n').diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('shades the accent where it is text, so KPI units and agenda numbers stay legible', () => {
    const deck = plan('title: T\nslides:\n  - layout: kpis\n    title: K\n    kpis: [{ value: 1, unit: bn, label: a }, { value: 2, unit: bn, label: b }]\n').deck;
    const unit = deck.slides[1]!.shapes.find((s) => s.kind === 'text' && s.paragraphs[0]!.runs[0]!.text === 'bn');
    expect(unit && unit.kind === 'text' && unit.colour).not.toBe('D9822B');
  });
});
