/**
 * Numbers deckgen writes (KPI values, derived figures, chart labels and ticks, chart alt text) use
 * the separators of the deck's language: a German reader takes "430,100" for 430.1. The chart alt
 * text names the chart in that language too.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH, formatNumber, numberStyle } from '../../src/figures/format.js';
import { loadOutline } from '../../src/load/load.js';
import type { ChartShape, TextShape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';
import { drawnChart } from '../../src/render/draw.js';
import type { ChartWithLabels } from '../../src/render/geometry.js';
import { tempDir } from '../support/cli.js';

const live: ChartWithLabels[] = [];
afterAll(() => live.forEach((c) => c.destroy()));

describe('number separators by language', () => {
  it('follow the language, English without Intl', () => {
    expect(numberStyle('en-GB')).toBe(ENGLISH);
    expect(numberStyle('ja-JP')).toBe(ENGLISH);
    expect(numberStyle('zh-CN')).toBe(ENGLISH);
    expect(formatNumber(1234567.5, undefined, numberStyle('de-DE'))).toBe('1.234.567,5');
    expect(formatNumber(-4.7, undefined, numberStyle('de'))).toBe('-4,7');
    // French groups with a narrow no-break space; deckgen writes a no-break space, which every font has.
    expect(formatNumber(1234567.5, undefined, numberStyle('fr-FR'))).toBe('1\u00a0234\u00a0567,5');
    expect(numberStyle('de-DE').percentGap).toBe('\u00a0');
    expect(numberStyle('ja-JP').percentGap).toBeUndefined();
    expect(formatNumber(1234.5, 2, numberStyle('es-ES'))).toBe('1234,50');
    expect(formatNumber(12345.5, undefined, numberStyle('es-ES'))).toBe('12.345,5');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
  });

  it('go with the Western digits deckgen writes, also where the language has its own (Arabic, Persian)', () => {
    // ar-SA's own separators (U+066C, U+066B) belong to Arabic-Indic digits; beside 1 2 3 the
    // group separator looked like an apostrophe ("560’000").
    for (const lang of ['ar-SA', 'ar-EG', 'fa-IR']) {
      expect(formatNumber(1234567.5, undefined, numberStyle(lang)), lang).toBe('1,234,567.5');
      expect(numberStyle(lang).percentGap ?? '', lang).not.toMatch(/[\u200e\u200f\u061c]/);
    }
  });
});

describe('a German deck', () => {
  const dir = tempDir();
  const file = path.join(dir, 'de.yaml');
  writeFileSync(
    file,
    `title: Quartalsbericht
lang: de-DE
sources:
  - { id: f, title: Konzernabschluss, author: Finanzen, date: 2024 }
slides:
  - title: Kennzahlen
    kpis:
      - { value: 1234567, unit: "€ Tsd.", label: Umsatz, source: f }
      - { value: -4.7, unit: "%", label: Marge, source: f }
      - { derived: { formula: "1234567 / 1000" }, label: Umsatz in Mio., source: f }
  - title: Umsatz nach Segment
    chart:
      type: bar
      labels: [Privatkunden, Firmenkunden]
      series: [{ name: Umsatz, values: [412300, 430100.5] }]
      source: f
`,
  );

  it('writes KPI values and derived figures with German separators', async () => {
    const deck = planDeck(await loadOutline(file)).deck;
    const texts = deck.slides.flatMap((s) => s.shapes).filter((s): s is TextShape => s.kind === 'text').map((s) => s.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n'));
    expect(texts).toContain('1.234.567');
    expect(texts).toContain('-4,7\u00a0%');
    expect(texts).toContain('1.234,6');
  });

  it('names the chart in German in its alt text, with German numbers, and draws German labels', async () => {
    const deck = planDeck(await loadOutline(file)).deck;
    const chart = deck.slides.flatMap((s) => s.shapes).find((s): s is ChartShape => s.kind === 'chart')!;
    expect(chart.alt).toBe('Säulendiagramm, Umsatz: Privatkunden 412.300; Firmenkunden 430.100,5');
    const drawn = drawnChart(chart).chart as ChartWithLabels;
    live.push(drawn);
    expect((drawn.deckgenLabels ?? []).map((l) => l.text).sort()).toEqual(['412.300', '430.101']);
    const ticks = drawn.scales.y!.ticks.map((t) => String(t.label));
    expect(ticks.some((t) => /^\d{3}\.\d{3}$/.test(t))).toBe(true);
  });
});
