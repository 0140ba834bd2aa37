/**
 * The bench's floors (scripts/floors.mjs, scripts/canvas-ready.cjs; see BENCHMARKS.md "Floors")
 * claim that deflating a chart's rows at level 6 is work its committed bytes need. This checks
 * the claim on the default deck's charts: the script fails if deckgen's PNGs stop being exactly
 * that, and the canvas yardstick must still start the canvas and register a font.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };

describe('the bench floors', () => {
  it('measure drawing and level-6 deflating of the very PNGs deckgen writes', () => {
    const r = spawnSync(process.execPath, [path.resolve('scripts/floors.mjs'), path.resolve('deck.yaml'), '2'], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    const floors = JSON.parse(r.stdout) as { charts: number; drawMs: number; deflateMs: number };
    expect(floors.charts).toBe(2);
    expect(floors.drawMs).toBeGreaterThan(0);
    expect(floors.deflateMs).toBeGreaterThan(0);
  });

  it('fail when a chart PNG is not level 6 of its rows', () => {
    // The same script, with zlib's level 6 made to mean level 1: the IDAT check must catch it.
    const r = spawnSync(process.execPath, ['--import', 'data:text/javascript,import zlib from "node:zlib"; import { syncBuiltinESMExports } from "node:module"; const d = zlib.deflateSync; zlib.deflateSync = (b, o) => d(b, { ...o, level: 1 }); syncBuiltinESMExports();', path.resolve('scripts/floors.mjs'), path.resolve('deck.yaml'), '1'], { encoding: 'utf8', env });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/level 6 did not give the IDAT deckgen wrote/);
  });

  it('time a process that starts the canvas and registers a font', () => {
    const r = spawnSync(process.execPath, [path.resolve('scripts/canvas-ready.cjs')], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
  });
});
