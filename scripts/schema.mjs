#!/usr/bin/env node
// npm run schema: regenerates deck.schema.json and docs/outline-reference.md from the zod schema in src/load/schema.ts.
import { writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { jsonSchemaText, referenceText } from '../dist/load/json-schema.js';

writeFileSync(new URL('../deck.schema.json', import.meta.url), jsonSchemaText());
mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/outline-reference.md', import.meta.url), referenceText());
console.log('wrote deck.schema.json and docs/outline-reference.md');
