/**
 * Native charts: every chart type builds, the package and chart parts validate, and what the
 * chart caches (and its workbook holds) are the outline's numbers, exactly.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { formatCode } from '../../src/emit/chart.js';
import { repairChartXml } from '../../src/emit/chart-xml.js';
import { inkOn } from '../../src/theme/contrast.js';
import type { Chart } from '../../src/load/schema.js';
import { tempDir } from '../support/cli.js';
import { slides } from '../support/deck.js';
import { openPptx, packageProblems, xsdProblems, type Pptx } from '../support/ooxml.js';

const XSD = process.env.OOXML_XSD_DIR;
const dir = tempDir();

const OUTLINE = `title: Native charts
charts: native
slides:
  - title: Bar
    chart: { type: bar, labels: [July, August, September], series: [{ name: Trips, values: [11200, 13900, 16700] }], yTitle: Trips per month }
  - title: Horizontal bars
    chart: { type: hbar, labels: [A & B, "C <D>"], series: [{ name: Distance, values: [7.1, 6.9] }], unit: km, xTitle: Distance }
  - title: Stacked
    chart: { type: stacked-bar, labels: [A, B], series: [{ name: Members, values: [6900, 9100] }, { name: Day passes, values: [4300, 4800] }] }
  - title: Lines
    chart: { type: line, labels: [a, b, c, d, e, f], series: [{ name: Leakage, values: [48.2, 46.9, 44.1, 41.7, 38.4, 35.9] }, { name: Target, values: [45, 44, 43, 42, 41, 40] }], unit: "%" }
  - title: Pie
    chart: { type: pie, labels: [Commute, Leisure], series: [{ name: Share, values: [0.1, 0.2] }], unit: "%" }
  - title: Doughnut
    chart: { type: doughnut, labels: [A, B, C], series: [{ name: Spend, values: [4.25, 2, 3] }], unit: £m }
  - title: Combo
    chart:
      type: combo
      labels: [July, August, September]
      series:
        - { name: Active members, values: [820, 1390, 1960], type: bar }
        - { name: Median trip (minutes), values: [19, 16, 14], type: line, axis: right }
      yTitle: Active members
      y2Title: Median trip (minutes)
  - title: A picture among native charts
    chart: { type: bar, native: false, labels: [A, B], series: [{ name: S, values: [1, 2] }] }
`;

async function build(text = OUTLINE): Promise<{ pptx: Pptx; bytes: Uint8Array; specs: Chart[] }> {
  const file = path.join(dir, `deck-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const { bytes, outline } = await compileDeck(file, { env: {} });
  const specs = outline.slides.flatMap((s) => ('chart' in s && s.chart.native !== false ? [s.chart] : []));
  return { pptx: await openPptx(bytes), bytes, specs };
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const values = (block: string): string[] => [...block.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decode(m[1]!));

/** Each series as the chart part caches it: name, categories and values, in chart order. */
function cachedSeries(xml: string): { name: string; labels: string[]; values: number[] }[] {
  return [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/gs)].map((m) => {
    const ser = m[1]!;
    return {
      name: values(/<c:tx>(.*?)<\/c:tx>/s.exec(ser)![1]!)[0]!,
      labels: values(/<c:cat>(.*?)<\/c:cat>/s.exec(ser)![1]!),
      values: values(/<c:val>(.*?)<\/c:val>/s.exec(ser)![1]!).map(Number),
    };
  });
}

const chartParts = (pptx: Pptx): string[] => pptx.partNames.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));

describe('native charts', () => {
  it('build for every chart type, one chart part and one workbook each, beside a picture where asked', async () => {
    const { pptx } = await build();
    expect(chartParts(pptx)).toHaveLength(7);
    expect(pptx.partNames.filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))).toHaveLength(7);
    expect(pptx.partNames.filter((n) => /^ppt\/media\/.*\.png$/.test(n)).length).toBeGreaterThanOrEqual(1);
    const kinds = await Promise.all(chartParts(pptx).map(async (p) => [...(await pptx.text(p)).matchAll(/<c:(bar|line|pie|doughnut)Chart>/g)].map((m) => m[1]).join('+')));
    expect(kinds).toEqual(['bar', 'bar', 'bar', 'line', 'pie', 'doughnut', 'bar+line']);
  });

  it('pass the package checks, and validate against pml.xsd and dml-chart.xsd', async () => {
    const { pptx } = await build();
    expect(await packageProblems(pptx)).toEqual([]);
    if (XSD) expect(await xsdProblems(pptx, XSD)).toEqual([]);
  });

  it('cache the outline\'s numbers, names and labels exactly', async () => {
    const { pptx, specs } = await build();
    const parts = chartParts(pptx);
    for (const [i, spec] of specs.entries()) {
      const cached = cachedSeries(await pptx.text(parts[i]!));
      // Series order may group by axis in a combo; match by name.
      const byName = new Map(cached.map((c) => [c.name, c]));
      expect(cached).toHaveLength(spec.series.length);
      for (const s of spec.series) expect(byName.get(s.name), s.name).toEqual({ name: s.name, labels: spec.labels, values: s.values });
    }
  });

  it('carry the same numbers in the embedded workbook', async () => {
    const { pptx } = await build();
    const book = await JSZip.loadAsync(await pptx.bytes(pptx.partNames.find((n) => n.endsWith('Worksheet4.xlsx'))!));
    const sheet = await book.file('xl/worksheets/sheet1.xml')!.async('string');
    const numbers = [...sheet.matchAll(/<c r="[BC]\d+"><v>([^<]*)<\/v>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([48.2, 45, 46.9, 44, 44.1, 43, 41.7, 42, 38.4, 41, 35.9, 40]);
  });

  it('take the picture\'s alt text, colours, axis range, titles and formats', async () => {
    const { pptx } = await build();
    const slide5 = await pptx.text('ppt/slides/slide5.xml');
    expect(slide5).toContain('descr="Line chart, Leakage: a 48.2%; b 46.9%; c 44.1%; d 41.7%; e 38.4%; f 35.9%. Target: a 45%; b 44%; c 43%; d 42%; e 41%; f 40%"');
    const [bar, hbar, , line, , doughnut, combo] = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
    expect(bar).toContain('<a:srgbClr val="0B3C5D"/>');
    expect(bar).toContain('<c:min val="0"/>');
    expect(bar).toContain('Trips per month');
    expect(hbar).toContain('<c:orientation val="maxMin"/>');
    expect(hbar).toContain('Distance (km)');
    expect(hbar).toContain(`formatCode="${'#,##0.0'}"`);
    expect(line).toMatch(/<c:max val="50"\/>.*<c:min val="34"\/>/s);
    expect(line).toContain('formatCode="#,##0.0&quot;%&quot;"');
    expect(doughnut).toContain('formatCode="#,##0.00&quot; £m&quot;"');
    expect(combo!).toContain('Median trip (minutes)');
    expect(combo!.match(/<c:valAx>/g)).toHaveLength(2);
  });

  it('put category labels at the low end of the value axis, never across bars or lines at zero', async () => {
    const { pptx } = await build();
    const parts = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
    const [, hbar, , line] = parts;
    for (const xml of [hbar!, line!]) expect(/<c:catAx>.*?<c:tickLblPos val="(\w+)"\/>/s.exec(xml)?.[1]).toBe('low');
  });

  it('run the value axis past a negative bar, so its outside label stays clear of the category labels', async () => {
    const { pptx } = await build(`title: Negative
charts: native
slides:
  - title: Headcount
    chart: { type: hbar, labels: [Sales and marketing including partner channel, Operations], series: [{ name: Change, values: [412, -1380] }] }
`);
    const [xml] = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
    const min = Number(/<c:valAx>.*?<c:min val="([-\d.]+)"\/>/s.exec(xml!)?.[1]);
    expect(min).toBeLessThanOrEqual(-1380 - 0.25 * (412 + 1380));
    expect(min).toBeGreaterThan(-3000);
  });

  it('give labels inside stacked segments and slices the ink that reads on each fill', async () => {
    const { pptx } = await build(`title: Inks
charts: native
theme: { palette: ["#1D4E5F", "#D9822B", "#56B4E9", "#8C564B"] }
slides:
  - title: Stacked
    chart: { type: stacked-bar, labels: [A, B], series: [{ name: Navy, values: [6900, 9100] }, { name: Orange, values: [4300, 4800] }] }
  - title: Pie
    chart: { type: pie, labels: [Navy, Orange, Sky, Brown], series: [{ name: Share, values: [40, 30, 20, 10] }] }
`);
    const [stacked, pie] = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
    const ink = (block: string): string => /<c:txPr>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/s.exec(block)![1]!;
    const serLabels = [...stacked!.matchAll(/<c:ser>.*?<\/c:ser>/gs)].map((m) => ink(/<c:dLbls>.*?<\/c:dLbls>/s.exec(m[0])![0]));
    expect(serLabels).toEqual(['FFFFFF', '1F2933']);
    const sliceLabels = [...pie!.matchAll(/<c:dLbl>.*?<\/c:dLbl>/gs)].map((m) => ink(m[0]));
    expect(sliceLabels).toEqual(['FFFFFF', '1F2933', '1F2933', 'FFFFFF']);
    expect(repairChartXml(stacked!)).toBe(stacked);
  });

  it('give a combo\'s bars and line their own decimals, and the line\'s labels a tag of its colour in the ink that reads on it', async () => {
    const { pptx } = await build(`title: Combo
charts: native
slides:
  - title: Deals and win rate
    chart:
      type: combo
      dataLabels: true
      labels: [Jan, Feb, Mar]
      series:
        - { name: Deals closed, values: [42, 38, 51], type: bar }
        - { name: Win rate, values: [21.5, 19.8, 24.2], type: line, axis: right }
`);
    const [xml] = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
    const bar = /<c:barChart>.*?<\/c:barChart>/s.exec(xml!)![0];
    const line = /<c:lineChart>.*?<\/c:lineChart>/s.exec(xml!)![0];
    // 42, not 42.0 beside 21.5.
    expect(/<c:dLbls>\s*<c:numFmt formatCode="([^"]*)"/.exec(bar)![1]).toBe('#,##0');
    expect(/<c:dLbls>\s*<c:numFmt formatCode="([^"]*)"/.exec(line)![1]).toBe('#,##0.0');
    const labels = /<c:dLbls>.*?<\/c:dLbls>/s.exec(line)![0];
    const tag = /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/.exec(labels)![1]!;
    expect(tag).toBe('D9822B');
    // Near-black on orange (4.8:1), not the text colour's default of the chart.
    expect(/<c:txPr>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/s.exec(labels)![1]).toBe(inkOn(tag));
  });

  it('keep a horizontal bar chart\'s value axis at the bottom, under its first-at-the-top categories', async () => {
    const { pptx } = await build();
    const xmls = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
    const hbar = xmls.find((x) => /<c:barDir val="bar"\/>/.test(x))!;
    expect(hbar).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>/s);
    expect(/<c:valAx>.*?<\/c:valAx>/s.exec(hbar)![0]).toMatch(/<c:crosses val="max"\/>/);
  });

  it('tag chart text with the deck\'s language and its East Asian or complex-script typeface', async () => {
    for (const [lang, slot] of [['he-IL', '<a:cs typeface="Arial"/>'], ['ja-JP', '<a:ea typeface="Yu Gothic"/>']] as const) {
      const { pptx } = await build(`title: T\nlang: ${lang}\ncharts: native\nslides:\n  - title: C\n    chart: { type: bar, labels: [א, ב], series: [{ name: S, values: [1, 2] }] }\n`);
      const [xml] = await Promise.all(chartParts(pptx).map((p) => pptx.text(p)));
      expect(xml, lang).not.toContain('lang="en-US"');
      expect(xml, lang).toContain(`lang="${lang}"`);
      const latin = xml!.match(/<a:latin\b[^>]*\/>/g)!.length;
      expect(xml!.split(slot).length - 1, lang).toBe(latin);
    }
  });

  it('build the same bytes twice', async () => {
    const a = await build();
    const b = await build();
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('the example deck\'s native twin (--charts native)', () => {
  it('validates and reads back every chart\'s series, as the outline gives them', async () => {
    const { bytes, outline } = await compileDeck('examples/all-layouts.yaml', { env: {}, charts: 'native' });
    const pptx = await openPptx(bytes);
    expect(await packageProblems(pptx)).toEqual([]);
    if (XSD) expect(await xsdProblems(pptx, XSD)).toEqual([]);
    const specs = outline.slides.flatMap((s) => ('chart' in s ? [s.chart] : []));
    const parts = chartParts(pptx);
    expect(parts).toHaveLength(specs.length);
    // No chart is left as a picture; the photo still is one.
    const pictures = (await slides(pptx)).flatMap((v) => v.pictures.map((p) => p.descr));
    expect(pictures.filter((d) => /^[\w ]*chart, /i.test(d))).toEqual([]);
    expect(pictures.some((d) => d.includes('docked orange bikes'))).toBe(true);
    for (const [i, spec] of specs.entries()) {
      const byName = new Map(cachedSeries(await pptx.text(parts[i]!)).map((c) => [c.name, c]));
      for (const s of spec.series) expect(byName.get(s.name), `${spec.type} ${s.name}`).toEqual({ name: s.name, labels: spec.labels, values: s.values });
    }
  });
});

describe('chart XML repairs', () => {
  it('keep two c:axId per chart (PptxGenJS #1534)', () => {
    const xml = '<c:barChart><c:barDir val="col"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>';
    expect(repairChartXml(xml)).toBe('<c:barChart><c:barDir val="col"/><c:axId val="1"/><c:axId val="2"/></c:barChart>');
  });

  it('give a line chart its grouping first, drop invertIfNegative, and put the marker before the labels', () => {
    const xml = '<c:lineChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:invertIfNegative val="0"/><c:dLbls><c:showVal val="1"/></c:dLbls><c:marker><c:symbol val="circle"/></c:marker><c:val/></c:ser><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:lineChart>';
    expect(repairChartXml(xml)).toBe('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:marker><c:symbol val="circle"/></c:marker><c:dLbls><c:showVal val="1"/></c:dLbls><c:val/></c:ser><c:axId val="1"/><c:axId val="2"/></c:lineChart>');
  });

  it('move an existing grouping before varyColors', () => {
    expect(repairChartXml('<c:lineChart><c:varyColors val="0"/><c:grouping val="stacked"/></c:lineChart>')).toBe('<c:lineChart><c:grouping val="stacked"/><c:varyColors val="0"/></c:lineChart>');
  });
});

describe('number formats', () => {
  it('follow the series decimals and attach units as the picture does', () => {
    expect(formatCode(0)).toBe('#,##0');
    expect(formatCode(2, '%')).toBe('#,##0.00"%"');
    expect(formatCode(1, 'km')).toBe('#,##0.0" km"');
    expect(formatCode(0, 'say "hi"')).toBe('#,##0" say hi"');
  });
});
