/**
 * `theme.template`: the default deck built on templates made for the test (Office's names in
 * 16:9; German names, custom layout types and two masters in 4:3; Georgia and Cambria), read back
 * as PowerPoint would, and the errors for templates that cannot be used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { InputError } from '../../src/diagnostics.js';
import { deckgen } from '../support/cli.js';
import { openPptx, packageProblems, xsdProblems } from '../support/ooxml.js';
import { powerPointProblems, slidesInPowerPoint } from '../support/powerpoint.js';
import { deckWithTemplate } from '../support/template-deck.js';

async function build(file: string) {
  const compiled = await compileDeck(file);
  const pptx = await openPptx(compiled.bytes);
  return { compiled, pptx, slides: await slidesInPowerPoint(pptx) };
}

async function problems(file: string): Promise<string[]> {
  try {
    await compileDeck(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`);
  }
}

describe('the default deck on a template', () => {
  it.each(['office', 'german', 'serif'])('on %s.potx: sound package, its layouts, titles in its placeholders', async (name) => {
    const { compiled, pptx, slides } = await build(deckWithTemplate(name));
    expect(await packageProblems(pptx)).toEqual([]);
    if (process.env.OOXML_XSD_DIR) expect(await xsdProblems(pptx, process.env.OOXML_XSD_DIR)).toEqual([]);
    // Its colours are the template's own, which deckgen leaves to it: judged by the template's maker.
    expect(powerPointProblems(slides, 'en-US', { contrast: false })).toEqual([]);
    expect(slides).toHaveLength(12);
    // deckgen's own chrome (rules, logo, footer rule) is not added on a user's template.
    expect(slides[1]!.shapes.filter((s) => s.decorative)).toEqual([]);
    expect(compiled.deck.template.name).toBe('template');
    const presentation = await pptx.text('ppt/presentation.xml');
    const { w, h } = compiled.deck.size;
    expect(presentation).toContain(`<p:sldSz cx="${Math.round(w * 914400)}" cy="${Math.round(h * 914400)}"`);
  });

  it('maps layouts by what they hold on a 4:3 template with German names and two masters', async () => {
    const { pptx, slides } = await build(deckWithTemplate('german'));
    expect(slides.map((s) => s.layout)).toEqual(['Titelfolie', 'Titel und Inhalt', 'Nur Titel', 'Zwei Inhalte', 'Zwei Inhalte', 'Nur Titel', 'Titel und Inhalt', 'Zwei Inhalte', 'Nur Titel', 'Zwei Inhalte', 'Titel und Inhalt', 'Titel und Inhalt']);
    expect(await pptx.text('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="6858000"');
    expect(pptx.partNames).toContain('ppt/slideMasters/slideMaster2.xml');
    // Text in the template's placeholders takes its colours and fonts; sizes stay as measured.
    const title = slides[1]!.shapes.find((s) => s.ph?.type === 'title')!;
    expect(title.xml).not.toMatch(/<a:rPr[^>]*>.*?(solidFill|<a:latin)/s);
    expect(title.xml).toMatch(/<a:rPr [^>]*sz="\d+"/);
  });

  it('takes the fonts from the template theme and the slide size from the template', async () => {
    const { compiled } = await build(deckWithTemplate('serif'));
    expect(compiled.deck.theme.headingFont).toBe('Cambria');
    expect(compiled.deck.theme.font).toBe('Georgia');
    const german = await compileDeck(deckWithTemplate('german'));
    expect(german.deck.size).toEqual({ w: 10, h: 7.5 });
    for (const slide of german.deck.slides) for (const s of slide.shapes) if (!(s.kind === 'text' && s.hidden)) expect(s.box.x + s.box.w).toBeLessThanOrEqual(10 + 1e-6);
  });

  it('keeps the outline\'s own fonts in the placeholders too, so titles are shown in the font they were measured in', async () => {
    const runFonts = async (file: string): Promise<{ title: string[]; body: string[] }> => {
      const { pptx } = await build(file);
      const xml = await pptx.text('ppt/slides/slide2.xml');
      const fontsOf = (ph: RegExp): string[] => {
        const sp = [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)].map((m) => m[0]).find((x) => ph.test(x))!;
        return [...new Set([...sp.matchAll(/<a:latin typeface="([^"]+)"/g)].map((m) => m[1]!))];
      };
      return { title: fontsOf(/<p:ph type="title"/), body: fontsOf(/<p:ph (?:type="body" )?idx="1"/) };
    };
    // The template's own fonts: the placeholders give them, so the runs name none.
    expect(await runFonts(deckWithTemplate('office'))).toEqual({ title: [], body: [] });
    // The outline's: written on the runs, as on every other shape of the deck.
    expect(await runFonts(deckWithTemplate('office', '  font: Georgia\n  headingFont: Cambria\n'))).toEqual({ title: ['Cambria'], body: ['Georgia'] });
  });

  it('lets the outline choose a layout by name, and says at its line when the name is not there', async () => {
    const { slides } = await build(deckWithTemplate('office', '  layouts: { chart: "Blank", table: "Title and Content" }\n'));
    expect(slides[8]!.layout).toBe('Title and Content');
    const file = deckWithTemplate('office', '  layouts: { chart: "Chart Slide" }\n');
    expect(await problems(file)).toEqual([expect.stringMatching(/^18:\d+ error: the template has no layout named "Chart Slide"/)]);
  });

  it('builds on a .pptx without copying its slides', async () => {
    const source = path.join(path.dirname(deckWithTemplate('office')), 'made.pptx');
    writeFileSync(source, (await compileDeck('deck.yaml')).bytes);
    const { slides, pptx } = await build(deckWithTemplate(source));
    expect(slides).toHaveLength(12);
    expect(pptx.partNames.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(12);
    expect(slides[2]!.layout).toBe('KPIs');
  });
});

describe('templates that cannot be used', () => {
  const withTemplateBytes = (bytes: Uint8Array | string): string => {
    const file = deckWithTemplate('office');
    writeFileSync(path.join(path.dirname(file), 'template.potx'), bytes);
    return file;
  };
  const line = readFileSync('deck.yaml', 'utf8').split('\n').findIndex((l) => l.startsWith('theme:')) + 2;

  it.each([
    ['a file that is not a zip', 'not a presentation', /is not a PowerPoint file/],
    ['an encrypted file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /encrypted/],
  ])('%s is refused at the template line', async (_what, bytes, message) => {
    const found = await problems(withTemplateBytes(bytes));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${line}:\\d+ error: template "template.potx" cannot be used: `));
    expect(found[0]).toMatch(message);
  });

  it('a missing template and one outside the folder are refused at their line', async () => {
    const file = deckWithTemplate('office');
    writeFileSync(file, readFileSync(file, 'utf8').replace('template: template.potx', 'template: ../elsewhere.potx'));
    expect(await problems(file)).toEqual([expect.stringMatching(new RegExp(`^${line}:\\d+ error: template "../elsewhere.potx" not found`))]);
  });
});

describe('deckgen template', () => {
  it('prints the size, fonts, layouts and the layout each kind of slide gets', () => {
    const run = deckgen(['template', 'test/fixtures/templates/german.potx']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('10 x 7.5 in, 2 masters, 6 layouts');
    expect(run.stdout).toContain('fonts: headings Arial, body Arial');
    expect(run.stdout).toMatch(/"Zwei Inhalte" \(cust, master 2\): title .*body#1 .*body#2/);
    expect(run.stdout).toMatch(/two-column\s+on "Zwei Inhalte"/);
    expect(run.stdout).toMatch(/title\s+on "Titelfolie"/);
  });

  it('says why a file is not a usable template', () => {
    const run = deckgen(['template', 'deck.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deck.yaml:1:1 error: this template cannot be used: it is not a PowerPoint file');
  });
});
