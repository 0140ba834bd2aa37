#!/usr/bin/env node
// npm run bench: times whole deckgen processes (cold start included, as a user runs them) and
// records peak memory. Prints a table and writes it, with the machine, to BENCHMARKS.md.
// Times are measured here, never asserted in tests.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const rssProbe = path.join(root, 'scripts', 'peak-rss.cjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'deckgen-bench-'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
// A chart cache of the bench's own, never the user's; emptied before every "empty cache" run.
const cacheDir = path.join(work, 'chart-cache');
const env = { ...process.env, DECKGEN_CACHE_DIR: cacheDir };

/** One cold deckgen process: wall time (ms) and peak RSS (MiB) as the child itself reports it. */
function buildOnce(outline, out, cache) {
  // Only the drawn charts go: the compiled CLI (v8/) stays, as it does for a user after the first
  // command they ever run (which takes ~50 ms longer).
  if (cache === 'empty') for (const part of ['charts', 'images', 'builds']) rmSync(path.join(cacheDir, part), { recursive: true, force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rssProbe, cli, 'build', outline, '--out', out, '-q'], { cwd: root, encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`deckgen failed on ${outline}:\n${r.stderr}`);
  const rss = Number(/peak-rss-kib=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss };
}

/**
 * `cache`: 'empty' runs every build with an empty chart cache (a first build, or --no-cache);
 * 'kept' keeps what the untimed warm-up drew (a rebuild after editing text).
 */
function measure(name, outline, target, cache, n = runs, limit = undefined) {
  const out = path.join(work, `${path.basename(outline, '.yaml')}.pptx`);
  buildOnce(outline, out, 'empty'); // warms the file-system cache (and, for 'kept', the chart cache); not counted
  const samples = Array.from({ length: n }, () => buildOnce(outline, out, cache));
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const row = {
    name,
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times[times.length - 1],
    rss: Math.max(...samples.map((s) => s.rss)),
    size: statSync(out).size,
    target,
    limit,
  };
  resample(bareRow, 2);
  console.log(`${name}: median ${row.median.toFixed(0)} ms (min ${row.min.toFixed(0)}, max ${row.max.toFixed(0)}), peak RSS ${row.rss.toFixed(0)} MiB, ${(row.size / 1024).toFixed(0)} KB`);
  return row;
}

/** A generated outline: `slides` slides, a chart on every `chartEvery`-th one (0: none). */
function generated(slides, chartEvery) {
  const lines = ['title: Generated benchmark deck', 'sources:', '  - { id: s, title: Benchmark source, author: deckgen }', 'slides:'];
  for (let i = 0; i < slides; i++) {
    if (chartEvery && i % chartEvery === 0) {
      // Every chart differs, so the chart cache cannot make the big deck look cheaper than it is.
      const values = Array.from({ length: 6 }, (_, j) => ((i * 7 + j * 13) % 50) + 5 + i / 1000);
      lines.push(
        `  - title: Chart ${i + 1} shows six categories of generated data`,
        '    chart:',
        `      type: ${['bar', 'line', 'hbar', 'stacked-bar', 'doughnut'][i % 5]}`,
        '      labels: [North, South, East, West, Central, Other]',
        `      series: [{ name: Units, values: [${values.join(', ')}] }]`,
        '      source: s',
        `    notes: Notes for chart slide ${i + 1}.`,
      );
    } else {
      lines.push(
        `  - title: Point ${i + 1} of the generated deck, said as a takeaway`,
        '    bullets:',
        `      - "First point of slide ${i + 1}, with **bold** words and a figure of ${i * 3}"`,
        '      - Second point, a little longer, to make the line wrap on a normal slide width',
        '      - - A nested detail under the second point',
        '      - Third point',
        `    notes: Notes for slide ${i + 1}.`,
      );
    }
  }
  const file = path.join(work, `generated-${slides}-${chartEvery}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Watch mode: a one-word edit of the default outline, timed from the save to the watcher's
 * summary line (file-system notice, debounce, build and write), and the build alone as reported.
 */
async function watchRebuild(edits = 10) {
  const dir = mkdtempSync(path.join(work, 'watch-'));
  cpSync(path.join(root, 'deck.yaml'), path.join(dir, 'deck.yaml'));
  cpSync(path.join(root, 'assets'), path.join(dir, 'assets'), { recursive: true });
  const child = spawn(process.execPath, [cli, 'watch'], { cwd: dir, env: { ...env, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const next = async (from) => {
    for (;;) {
      const line = out.slice(from).split('\n').find((l) => l.startsWith('✓'));
      if (line) return line;
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  await next(0);
  await new Promise((r) => setTimeout(r, 300));
  const outline = readFileSync(path.join(dir, 'deck.yaml'), 'utf8');
  const wall = [];
  const build = [];
  for (let i = 0; i < edits; i++) {
    const from = out.length;
    const start = process.hrtime.bigint();
    writeFileSync(path.join(dir, 'deck.yaml'), outline.replace('What to watch', `What to watch ${i}`));
    const line = await next(from);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    build.push(Number(/, (\d+\.\d+) s/.exec(line)[1]) * 1000);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGINT');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = { name: `Watch: rebuild after a one-word edit (${edits} edits)`, median: median(wall), min: Math.min(...wall), max: Math.max(...wall), rss: NaN, size: NaN, target: '≤ 100 ms', note: `build alone: median ${median(build).toFixed(0)} ms` };
  console.log(`${row.name}: save to deck written median ${row.median.toFixed(0)} ms (min ${row.min.toFixed(0)}, max ${row.max.toFixed(0)}); ${row.note}`);
  return row;
}

/**
 * Yardsticks for this machine on this day: Node starting, and a bare pptxgenjs script writing 12
 * text slides (the issue's reference machine: 0.06 s and 0.13 s). Machines here vary by 1.5x.
 */
function yardstick(name, args, n = runs) {
  const times = [];
  for (let i = 0; i <= n; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const row = { name, args, times, rss: NaN, size: NaN, target: 'reference machine: ' + (args[0] === '-e' ? '0.06 s' : '0.13 s'), note: 'yardstick' };
  summarise(row);
  console.log(`${name}: median ${row.median.toFixed(0)} ms`);
  return row;
}

function summarise(row) {
  const times = [...row.times].sort((a, b) => a - b);
  Object.assign(row, { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] });
}

/** More samples of a yardstick, taken between cases, so its median spans the whole bench. */
function resample(row, n) {
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, row.args, { cwd: root, encoding: 'utf8' });
    row.times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  summarise(row);
}
const bare = path.join(work, 'bare.mjs');
writeFileSync(bare, `import pptxgen from ${JSON.stringify(path.join(root, 'node_modules/pptxgenjs/dist/pptxgen.es.js'))};
const p = new pptxgen();
for (let i = 0; i < 12; i++) { const s = p.addSlide(); s.addText('Slide ' + i, { x: 0.5, y: 0.5, w: 9, h: 1 }); s.addText('Body text', { x: 0.5, y: 2, w: 9, h: 3 }); }
await p.writeFile({ fileName: ${JSON.stringify(path.join(work, 'bare.pptx'))} });
`);

const nodeRow = yardstick('Yardstick: node -e 0', ['-e', '0']);
const bareRow = yardstick('Yardstick: bare pptxgenjs, 12 text slides', [bare]);
const rows = [
  nodeRow,
  bareRow,
  measure('Default deck (deck.yaml, 12 slides, 4 charts), charts cached', path.join(root, 'deck.yaml'), '≤ 0.5 s', 'kept', runs, { ms: 500 }),
  measure('Default deck, empty chart cache (first build)', path.join(root, 'deck.yaml'), '≤ 0.5 s', 'empty', runs, { ms: 500 }),
  measure('100 text slides', generated(100, 0), '≤ 0.25 s', 'empty', runs, { ms: 250 }),
  measure('100 slides, 20 charts, empty chart cache', generated(100, 5), 'reference for linearity', 'empty'),
  measure('1,000 slides, 200 charts, empty chart cache', generated(1000, 5), '≤ 8 s, ≤ 500 MiB', 'empty', Math.min(runs, 3), { ms: 8000, mib: 500 }),
  measure('1,000 slides, 200 charts, charts cached', generated(1000, 5), '–', 'kept', Math.min(runs, 3)),
];
const watchRow = await watchRebuild();
watchRow.limit = { ms: 100 };
rows.push(watchRow);

// The issue's targets were set on a reference machine where the bare pptxgenjs yardstick takes
// 0.13 s; machines here run 1.3x to 1.8x slower, and vary by the hour. The last column scales
// each median by this machine's yardstick, as an estimate, never in place of the measured time.
const scale = 130 / bareRow.median;

/** ✓, or ✗ with how far over, for a median (ms) and peak RSS against a row's limits. */
function verdict(r, ms) {
  if (!r.limit) return '–';
  const over = [];
  if (ms > r.limit.ms) over.push(`time +${((ms / r.limit.ms - 1) * 100).toFixed(0)}%`);
  if (r.limit.mib && r.rss > r.limit.mib) over.push(`memory +${((r.rss / r.limit.mib - 1) * 100).toFixed(0)}%`);
  return over.length ? `✗ ${over.join(', ')}` : '✓';
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const table = [
  '| case | median | min | max | peak RSS | deck size | target | met, as measured | median scaled to the reference machine | met, scaled |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |',
  ...rows.map((r) => `| ${r.name} | ${(r.median / 1000).toFixed(3)} s | ${(r.min / 1000).toFixed(3)} s | ${(r.max / 1000).toFixed(3)} s | ${Number.isNaN(r.rss) ? '–' : `${r.rss.toFixed(0)} MiB`} | ${Number.isNaN(r.size) ? (r.note ?? '–') : `${(r.size / 1024).toFixed(0)} KB`} | ${r.target} | ${verdict(r, r.median)} | ${r.note === 'yardstick' ? '–' : `≈ ${((r.median * scale) / 1000).toFixed(2)} s`} | ${verdict(r, r.median * scale)} |`),
].join('\n');

const doc = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.
Each case runs the compiled CLI as a fresh process (\`node dist/cli.js build ... -q\`), so times
include Node start-up and module loading, as a user sees them. ${runs} timed runs per case after one
untimed warm-up (3 for the 1,000-slide decks); peak RSS is the child's own \`maxRSS\`.
"Empty chart cache" runs start with no drawn charts, as a first build (or \`--no-cache\`) does;
"charts cached" runs keep the charts the warm-up drew, as a rebuild after a text edit does.
Every run keeps the compiled CLI that the warm-up saved (\`v8/\` in the cache folder), as a user's
runs do after their very first command, which takes about 50 ms longer.

Machine: ${machine}. This machine's bare pptxgenjs yardstick took ${(bareRow.median / 1000).toFixed(3)} s
(median of ${bareRow.times.length} runs spread over the whole bench) against the reference machine's 0.13 s,
so the "scaled" column multiplies each median by ${scale.toFixed(2)}: an estimate of the same build
there, given beside the measured time and never in place of it. Machines here vary by the hour.

${table}
`;
writeFileSync(path.join(root, 'BENCHMARKS.md'), doc);
console.log(`\n${table}\n\nwritten to BENCHMARKS.md`);
rmSync(work, { recursive: true, force: true });
