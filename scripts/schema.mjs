#!/usr/bin/env node
// npm run schema: regenerates deck.schema.json from the zod schema in src/load/schema.ts.
import { writeFileSync } from 'node:fs';
import { jsonSchemaText } from '../dist/load/json-schema.js';

writeFileSync(new URL('../deck.schema.json', import.meta.url), jsonSchemaText());
console.log('wrote deck.schema.json');
