#!/usr/bin/env node
// npm run font-metrics: measures every character of the Carlito and Arimo faces shipped in
// @fontsource/carlito and @fontsource/arimo and writes src/plan/metrics/<family>.json, the
// advance widths the plan measures text with. Run it after upgrading either package; a test
// fails when a table is stale.
import { writeFileSync } from 'node:fs';
import { advanceTable } from '../dist/plan/metrics/measure-font.js';

for (const family of ['Carlito', 'Arimo']) {
  const file = `src/plan/metrics/${family.toLowerCase()}.json`;
  writeFileSync(new URL(`../${file}`, import.meta.url), `${JSON.stringify(advanceTable(family))}\n`);
  console.log(`wrote ${file}`);
}
