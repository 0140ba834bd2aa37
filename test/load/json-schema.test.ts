import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, referenceText } from '../../src/load/json-schema.js';

describe('deck.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing src/load/schema.ts)', () => {
    expect(readFileSync('deck.schema.json', 'utf8')).toBe(jsonSchemaText());
  });

  it('and docs/outline-reference.md are what the zod schema generates', () => {
    expect(readFileSync('docs/outline-reference.md', 'utf8')).toBe(referenceText());
  });

  it('describes every key, for hover help in editors', () => {
    const missing: string[] = [];
    const walk = (node: Record<string, unknown>, at: string): void => {
      for (const [key, value] of Object.entries((node.properties as Record<string, Record<string, unknown>>) ?? {})) {
        if (!value.description) missing.push(`${at}.${key}`);
        walk(value, `${at}.${key}`);
      }
      if (node.items) walk(node.items as Record<string, unknown>, `${at}[]`);
      for (const alt of ((node.anyOf as Record<string, unknown>[]) ?? [])) walk(alt, at);
    };
    const schema = JSON.parse(jsonSchemaText()) as Record<string, unknown>;
    walk(schema, '');
    for (const def of Object.values((schema.definitions as Record<string, Record<string, unknown>>) ?? {})) walk(def, '#');
    expect(missing).toEqual([]);
  });

  it('offers every layout and chart type for completion', () => {
    const text = jsonSchemaText();
    for (const name of ['chart-text', 'two-column', 'stacked-bar', 'doughnut', 'combo']) expect(text).toContain(`"${name}"`);
  });
});
