/** The outline's JSON Schema, generated from the zod schema, for editor completion and hover docs. */
import { z } from 'zod';
import { referenceMarkdown } from './reference.js';
import { OutlineInput } from './schema.js';

export function outlineJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(OutlineInput, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'deckgen outline',
    description: 'A YAML outline that deckgen turns into a PowerPoint briefing deck.',
  };
}

export const jsonSchemaText = (): string => `${JSON.stringify(outlineJsonSchema(), null, 2)}\n`;

export const referenceText = (): string => referenceMarkdown(outlineJsonSchema());
