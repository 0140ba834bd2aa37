#!/usr/bin/env node
// npm run font-metrics: measures every character of the Carlito faces shipped in
// @fontsource/carlito and writes src/plan/metrics/carlito.json, the advance widths the plan
// measures text with. Run it after upgrading @fontsource/carlito; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { advanceTable } from '../dist/plan/metrics/measure-font.js';

writeFileSync(new URL('../src/plan/metrics/carlito.json', import.meta.url), `${JSON.stringify(advanceTable())}\n`);
console.log('wrote src/plan/metrics/carlito.json');
