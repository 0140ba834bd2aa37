// The test templates in test/fixtures/templates are what test/support/make-template.ts makes:
// UPDATE_TEMPLATES=1 npx vitest run test/template/fixtures.test.ts writes them again.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { openPptx } from '../support/ooxml.js';
import { makeTemplate, SPECS } from '../support/make-template.js';

describe('test templates', () => {
  it.each(Object.keys(SPECS))('test/fixtures/templates/%s.potx is what the generator makes', async (name) => {
    const theme = await (await openPptx((await compileDeck('deck.yaml')).bytes)).text('ppt/theme/theme1.xml');
    const made = Buffer.from(makeTemplate(SPECS[name]!, theme));
    const file = `test/fixtures/templates/${name}.potx`;
    if (process.env.UPDATE_TEMPLATES) writeFileSync(file, made);
    expect(made.equals(readFileSync(file))).toBe(true);
  });
});
