import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '../../src/load/json-schema.js';

describe('deck.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing src/load/schema.ts)', () => {
    expect(readFileSync('deck.schema.json', 'utf8')).toBe(jsonSchemaText());
  });

  it('offers every layout and chart type for completion', () => {
    const text = jsonSchemaText();
    for (const name of ['chart-text', 'two-column', 'stacked-bar', 'doughnut', 'combo']) expect(text).toContain(`"${name}"`);
  });
});
