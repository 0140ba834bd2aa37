#!/usr/bin/env node
// npm run font-metrics: reads the advance width of every character the tables cover from the
// metric twins' font files on npm (@fontsource/carlito, arimo, caladea, tinos, cousine, gelasio)
// and writes src/plan/metrics/<family>.json, the widths the plan measures text with. Run it after
// upgrading any of them; a test fails when a table is stale.
import { writeFileSync } from 'node:fs';
import { TWINS } from '../dist/font-twins.js';
import { twinTable } from '../dist/load/font-table.js';

for (const twin of TWINS) {
  const file = `src/plan/metrics/${twin.family.toLowerCase()}.json`;
  writeFileSync(new URL(`../${file}`, import.meta.url), `${JSON.stringify(twinTable(twin))}\n`);
  console.log(`wrote ${file}`);
}
