import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { openPptx, packageProblems, xsdProblems } from '../support/ooxml.js';
import { slides } from '../support/deck.js';

// XML 1.0 Char minus tab, LF and CR: what pptxgenjs would copy into the XML unescaped.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

describe('an outline full of XML-illegal control characters', () => {
  it('builds a deck in which none of them appears, in any part', async () => {
    const { bytes } = await compileDeck('test/fixtures/control-chars.yaml');
    const pptx = await openPptx(bytes);
    for (const name of pptx.partNames.filter((n) => /\.(xml|rels)$/.test(n))) {
      expect(ILLEGAL.test(await pptx.text(name)), name).toBe(false);
    }
    expect(await packageProblems(pptx)).toEqual([]);
    if (process.env.OOXML_XSD_DIR) expect(await xsdProblems(pptx, process.env.OOXML_XSD_DIR)).toEqual([]);
  });

  it('keeps the text around them', async () => {
    const pptx = await openPptx((await compileDeck('test/fixtures/control-chars.yaml')).bytes);
    const views = await slides(pptx);
    const all = views.flatMap((v) => v.texts).join('\n');
    expect(all).toContain('Control characters everywhere');
    expect(all).toContain('Bullets with bells');
    expect(all).toContain('nested one');
    expect(all).toContain('cell 1');
    expect(views[1]!.notes).toBe('Notes with controls\nand a second line');
    expect(views.flatMap((v) => v.pictures).some((p) => p.descr === 'Alt text')).toBe(true);
  });
});
