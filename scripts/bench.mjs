#!/usr/bin/env node
// npm run bench: times whole deckgen processes (cold start included, as a user runs them) side by
// side with yardsticks run in the same session (Node starting, a bare pptxgenjs script, pandoc),
// records peak memory and each stage's time (DECKGEN_TIMINGS), and writes it all to BENCHMARKS.md.
// Times are measured here, never asserted in tests.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const rssProbe = path.join(root, 'scripts', 'peak-rss.cjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'deckgen-bench-'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
// A cache of the bench's own, never the user's: charts, image checks and compiled code.
const cacheDir = path.join(work, 'cache');
/**
 * Node 20 reads every certificate named by NODE_EXTRA_CA_CERTS, and builds its whole root store,
 * when a process starts, before any JavaScript runs: ~100 ms per process on the machines here,
 * paid by every Node program (node -e 0 included) and by none of the others (pandoc). deckgen makes
 * no network connections. So all the bench's processes run without it, as on a machine where it
 * is unset, and a yardstick row shows what it costs where it is set. BENCH_KEEP_ENV=1 keeps it.
 */
const keepEnv = !!process.env.BENCH_KEEP_ENV;
const taxed = process.env.NODE_EXTRA_CA_CERTS;
const base = { ...process.env };
if (!keepEnv) delete base.NODE_EXTRA_CA_CERTS;
const env = { ...base, DECKGEN_CACHE_DIR: cacheDir, DECKGEN_TIMINGS: '1' };
const STAGES = ['start-up', 'modules', 'load', 'images', 'template', 'plan', 'render', 'emit', 'package', 'write'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One deckgen process: wall time (ms), peak RSS (MiB) as the child reports it, and its stages.
 * `cache`: 'empty' removes the drawn charts and image checks first (a first build of this deck, or
 * --no-cache); 'kept' keeps them (a rebuild after a text edit); 'none' also removes the compiled
 * code, as for the very first command after installing deckgen.
 */
function buildOnce(outline, out, cache) {
  if (cache !== 'kept') for (const part of ['charts', 'images', 'builds']) rmSync(path.join(cacheDir, part), { recursive: true, force: true });
  if (cache === 'none') rmSync(path.join(cacheDir, 'v8'), { recursive: true, force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rssProbe, cli, 'build', outline, '--out', out, '-q'], { cwd: root, encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`deckgen failed on ${outline}:\n${r.stderr}`);
  const rss = Number(/peak-rss-kib=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const stages = Object.fromEntries([...r.stderr.matchAll(/^ {2}(\S+) +(\d+\.\d) ms$/gm)].map((m) => [m[1], Number(m[2])]));
  return { ms, rss, stages };
}

/** A case: one untimed warm-up run (file-system cache; for 'kept', the chart cache), then `n` timed ones. */
function measure(name, outline, cache, target, n = runs) {
  const out = path.join(work, `${path.basename(outline, '.yaml')}.pptx`);
  buildOnce(outline, out, cache === 'kept' ? 'empty' : cache);
  const samples = Array.from({ length: n }, () => buildOnce(outline, out, cache));
  const times = samples.map((s) => s.ms);
  const row = {
    name,
    times,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    rss: Math.max(...samples.map((s) => s.rss)),
    size: statSync(out).size,
    stages: Object.fromEntries([...STAGES, 'total'].map((s) => [s, median(samples.map((x) => x.stages[s] ?? 0))])),
    target,
  };
  for (const y of yardsticks) resample(y, 2);
  console.log(`${name}: median ${row.median.toFixed(0)} ms (min ${row.min.toFixed(0)}, max ${row.max.toFixed(0)}), peak RSS ${row.rss.toFixed(0)} MiB, ${(row.size / 1024).toFixed(0)} KB`);
  return row;
}

/** The bench's generated outlines: `slides` slides, a chart on every `chartEvery`-th one (0: none). */
function slidesOf(slides, chartEvery) {
  const out = [];
  for (let i = 0; i < slides; i++) {
    if (chartEvery && i % chartEvery === 0) {
      // Every chart differs, so the chart cache cannot make the big deck look cheaper than it is.
      const values = Array.from({ length: 6 }, (_, j) => ((i * 7 + j * 13) % 50) + 5 + i / 1000);
      out.push({ kind: 'chart', i, values });
    } else {
      out.push({ kind: 'text', i });
    }
  }
  return out;
}
const TEXT = (i, short) =>
  short
    ? // Short enough for 5,000 slides to stay under the outline's 1,000,000 characters.
      { title: `Point ${i + 1}, said as a takeaway`, bullets: [`Slide ${i + 1} has **bold** words, figure ${i * 3}`, 'A second point, long enough to wrap'], nested: 'A nested detail', last: 'Third point', notes: `Notes ${i + 1}.` }
    : {
        title: `Point ${i + 1} of the generated deck, said as a takeaway`,
        bullets: [`First point of slide ${i + 1}, with **bold** words and a figure of ${i * 3}`, 'Second point, a little longer, to make the line wrap on a normal slide width'],
        nested: 'A nested detail under the second point',
        last: 'Third point',
        notes: `Notes for slide ${i + 1}.`,
      };

function generated(slides, chartEvery, short = false) {
  const lines = ['title: Generated benchmark deck', 'sources:', '  - { id: s, title: Benchmark source, author: deckgen }', 'slides:'];
  for (const s of slidesOf(slides, chartEvery)) {
    if (s.kind === 'chart') {
      lines.push(
        `  - title: Chart ${s.i + 1} shows six categories of generated data`,
        '    chart:',
        `      type: ${['bar', 'line', 'hbar', 'stacked-bar', 'doughnut'][s.i % 5]}`,
        '      labels: [North, South, East, West, Central, Other]',
        `      series: [{ name: Units, values: [${s.values.join(', ')}] }]`,
        '      source: s',
        `    notes: Notes for chart slide ${s.i + 1}.`,
      );
    } else {
      const t = TEXT(s.i, short);
      lines.push(`  - title: ${t.title}`, '    bullets:', `      - "${t.bullets[0]}"`, `      - ${t.bullets[1]}`, `      - - ${t.nested}`, `      - ${t.last}`, `    notes: ${t.notes}`);
    }
  }
  const file = path.join(work, `generated-${slides}-${chartEvery}${short ? '-short' : ''}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The same text slides as Markdown for pandoc: a title slide from the metadata, then one slide per heading. */
function generatedMarkdown(slides) {
  const lines = ['---', 'title: Generated benchmark deck', '---', ''];
  for (const s of slidesOf(slides, 0)) {
    const t = TEXT(s.i);
    lines.push(`# ${t.title}`, '', `- ${t.bullets[0]}`, `- ${t.bullets[1]}`, `    - ${t.nested}`, `- ${t.last}`, '', '::: notes', t.notes, ':::', '');
  }
  const file = path.join(work, `generated-${slides}.md`);
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
  const child = spawn(process.execPath, [cli, 'watch'], { cwd: dir, env: { ...env, DECKGEN_TIMINGS: '', NO_COLOR: '1' } });
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
  const row = { name: `Watch: rebuild after a one-word edit (${edits} edits)`, times: wall, median: median(wall), min: Math.min(...wall), max: Math.max(...wall), rss: NaN, size: NaN, target: { ms: 100 }, note: `build alone: median ${median(build).toFixed(0)} ms` };
  console.log(`${row.name}: save to deck written median ${row.median.toFixed(0)} ms (min ${row.min.toFixed(0)}, max ${row.max.toFixed(0)}); ${row.note}`);
  return row;
}

/**
 * Yardsticks for this machine on this day, sampled again between the cases so each median spans
 * the whole bench: Node starting, a bare pptxgenjs script writing 12 text slides (the issue's
 * reference machine: 0.06 s and 0.13 s), and pandoc on the 12 text slides, when it is installed.
 */
const yardsticks = [];
function yardstick(name, command, args, reference, envOf = base) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: envOf });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const row = { name, command, args, env: envOf, times, rss: NaN, size: NaN, target: reference ? `reference machine: ${reference}` : '–', note: 'yardstick' };
  summarise(row);
  yardsticks.push(row);
  console.log(`${name}: median ${row.median.toFixed(0)} ms`);
  return row;
}

function summarise(row) {
  Object.assign(row, { median: median(row.times), min: Math.min(...row.times), max: Math.max(...row.times) });
}

function resample(row, n) {
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    spawnSync(row.command, row.args, { cwd: root, encoding: 'utf8', env: row.env });
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
const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const pandocVersion = pandoc.status === 0 ? pandoc.stdout.split('\n')[0] : undefined;

const nodeRow = yardstick('Yardstick: node -e 0', process.execPath, ['-e', '0'], '0.06 s');
const taxRow = taxed && !keepEnv ? yardstick('Yardstick: node -e 0 with this machine\'s NODE_EXTRA_CA_CERTS (what every Node process here pays; the bench runs without it)', process.execPath, ['-e', '0'], undefined, { ...base, NODE_EXTRA_CA_CERTS: taxed }) : undefined;
const bareRow = yardstick('Yardstick: bare pptxgenjs, 12 text slides', process.execPath, [bare], '0.13 s');
const pandocRow = pandocVersion ? yardstick(`Yardstick: ${pandocVersion}, the same 12 text slides from Markdown`, 'pandoc', [generatedMarkdown(12), '-o', path.join(work, 'pandoc.pptx')]) : undefined;
const fontFiles = spawnSync('find', ['/usr/share/fonts', '-type', 'f'], { encoding: 'utf8' }).stdout?.split('\n').filter(Boolean).length ?? 0;
const canvasRow = yardstick(`Yardstick: the canvas ready to draw (Node, @napi-rs/canvas and its scan of the ${fontFiles} files in /usr/share/fonts; scripts/canvas-ready.cjs)`, process.execPath, [path.join(root, 'scripts', 'canvas-ready.cjs')]);
if (!pandocVersion) console.log('pandoc is not installed: its yardstick and the target that compares with it are skipped (apt-get install pandoc).');

// Targets: { ms } an absolute time on the reference machine (judged on the scaled median too),
// { mib } peak memory, { times, of } a multiple of another row's median in this same run,
// { linear, per } time per slide at most `linear` times that of row `per`.
const text12 = measure('12 text slides (the pandoc yardstick\'s content; 14 slides with title and Sources)', generated(12, 0), 'empty', pandocRow ? { times: 1, of: pandocRow } : undefined);
const rows = [
  nodeRow,
  ...(taxRow ? [taxRow] : []),
  bareRow,
  ...(pandocRow ? [pandocRow] : []),
  canvasRow,
  text12,
  measure('Default deck (deck.yaml, 12 slides, 4 charts), empty chart cache (first build)', path.join(root, 'deck.yaml'), 'empty', { times: 2, of: bareRow }),
  measure('Default deck, charts cached (rebuild after a text edit)', path.join(root, 'deck.yaml'), 'kept', { times: 1.2, of: bareRow }),
  measure('Default deck, the very first command (no compiled code either)', path.join(root, 'deck.yaml'), 'none', undefined, Math.min(runs, 3)),
  measure('100 text slides', generated(100, 0), 'empty', { ms: 250 }),
  measure('100 slides, 20 charts, empty chart cache', generated(100, 5), 'empty'),
  measure('1,000 slides, 200 charts, empty chart cache', generated(1000, 5), 'empty', { ms: 4000, mib: 300 }, Math.min(runs, 3)),
  measure('1,000 slides, 200 charts, charts cached', generated(1000, 5), 'kept', undefined, Math.min(runs, 3)),
];
// The outline's bounds (5,000 slides, 1,000,000 characters) allow 4,998 slides with title and Sources.
const text1000 = measure('1,000 text slides (short ones)', generated(998, 0, true), 'empty', undefined, Math.min(runs, 3));
rows.push(text1000, measure('5,000 text slides (short ones, 4,998 in the outline)', generated(4998, 0, true), 'empty', { mib: 350, linear: 1.25, per: text1000, slides: 5000, perSlides: 1000 }, Math.min(runs, 3)));
rows.push(await watchRebuild());

/**
 * Per-chart floors (scripts/floors.mjs): CPU per chart of drawing and rasterising, and of deflating
 * at the level its bytes need; the median of 3 processes for each outline.
 */
function floorsOf(outline, charts) {
  const samples = Array.from({ length: 3 }, () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'floors.mjs'), outline, String(charts)], { cwd: root, encoding: 'utf8', env: base });
    if (r.status !== 0) throw new Error(`floors failed on ${outline}:\n${r.stderr}`);
    return JSON.parse(r.stdout);
  });
  return { charts: samples[0].charts, drawMs: median(samples.map((x) => x.drawMs)), deflateMs: median(samples.map((x) => x.deflateMs)) };
}
const defaultFloor = floorsOf(path.join(root, 'deck.yaml'), 4);
const bigFloor = floorsOf(generated(1000, 5), 40);
console.log(`floors: default deck ${JSON.stringify(defaultFloor)}, generated deck ${JSON.stringify(bigFloor)}`);

// The reference machine's bare pptxgenjs yardstick took 0.13 s; machines here run slower, and
// vary by the hour. The scaled column multiplies each median by this ratio, as an estimate, given
// beside the measured time and never in place of it.
const scale = 130 / bareRow.median;

/** ✓, or ✗ with how far over, for a row's targets: `ms` is the measured or the scaled median. */
function verdict(r, ms, scaled) {
  const t = r.target;
  if (!t || typeof t !== 'object') return '–';
  const over = [];
  const check = (value, limit, what) => value > limit && over.push(`${what} +${((value / limit - 1) * 100).toFixed(0)}%`);
  if (t.ms !== undefined) check(ms, t.ms, 'time');
  if (t.mib !== undefined) check(r.rss, t.mib, 'memory');
  if (t.of && !scaled) check(r.median, t.times * t.of.median, 'time');
  if (t.per && !scaled) check(r.median / t.slides, t.linear * (t.per.median / t.perSlides), 'time per slide');
  if (scaled && t.ms === undefined && t.mib === undefined) return '–';
  return over.length ? `✗ ${over.join(', ')}` : '✓';
}
function targetText(r) {
  const t = r.target;
  if (!t || typeof t !== 'object') return t ?? '–';
  const parts = [];
  if (t.ms !== undefined) parts.push(`≤ ${t.ms / 1000} s (reference machine)`);
  if (t.mib !== undefined) parts.push(`≤ ${t.mib} MiB`);
  if (t.of) parts.push(`≤ ${t.times}× ${t.of.name.replace(/^Yardstick: /, '').replace(/, the same.*$/, '')} (${((t.times * t.of.median) / 1000).toFixed(3)} s this run)`);
  if (t.per) parts.push(`time per slide ≤ ${t.linear}× the 1,000-slide deck's`);
  return parts.join(', ');
}
const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const table = [
  '| case | median | min | max | peak RSS | deck size | target | met, as measured | median scaled to the reference machine | met, scaled |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |',
  ...rows.map((r) => `| ${r.name} | ${s(r.median)} | ${s(r.min)} | ${s(r.max)} | ${Number.isNaN(r.rss) ? '–' : `${r.rss.toFixed(0)} MiB`} | ${Number.isNaN(r.size) ? (r.note ?? '–') : `${(r.size / 1024).toFixed(0)} KB`} | ${targetText(r)} | ${verdict(r, r.median, false)} | ${r.note === 'yardstick' ? '–' : `≈ ${((r.median * scale) / 1000).toFixed(2)} s`} | ${verdict(r, r.median * scale, true)} |`),
].join('\n');
const staged = rows.filter((r) => r.stages);
const stageTable = [
  `| case | ${STAGES.join(' | ')} | total |`,
  `| --- | ${STAGES.map(() => '---:').join(' | ')} | ---: |`,
  ...staged.map((r) => `| ${r.name} | ${[...STAGES, 'total'].map((st) => r.stages[st].toFixed(0)).join(' | ')} |`),
].join('\n');

const cores = Math.max(1, Math.min(2, os.availableParallelism()));
const perChart = (f) => f.drawMs + f.deflateMs;
const coldFloor = canvasRow.median + Math.ceil(4 / cores) * perChart(defaultFloor);
const coldTarget = 2 * bareRow.median;
const bigFloorMs = (200 * perChart(bigFloor)) / cores;
const ms0 = (x) => `${x.toFixed(0)} ms`;
const floors = `## Floors: what the targets leave for deckgen's own work

Costs any build of these decks pays, whatever deckgen does around them, as long as the charts are
drawn with Chart.js on @napi-rs/canvas and the deck's bytes stay the same (the issue's conditions):

- **The canvas's start**: a fresh process that only loads @napi-rs/canvas and registers one font,
  which makes the canvas scan the system font folder (compiled into it; it cannot be skipped), took
  ${s(canvasRow.median)} (the "canvas ready" yardstick). No chart pixel can exist sooner.
- **Each chart**, measured in a process whose JIT is warm (\`scripts/floors.mjs\`, CPU per chart,
  median of 3 processes): drawing and rasterising ${ms0(defaultFloor.drawMs)} for the default deck's ${defaultFloor.charts} charts and
  ${ms0(bigFloor.drawMs)} for ${bigFloor.charts} of the 1,000-slide deck's; deflating each PNG's rows at level 6, which its
  bytes need (checked: it gives exactly the IDAT deckgen writes), ${ms0(defaultFloor.deflateMs)} and ${ms0(bigFloor.deflateMs)}. deckgen's
  palette step, its GC and everything else come on top.

So, with ${cores} core${cores > 1 ? 's' : ''} drawing:

| target | its limit this run | floor | left for reading, planning, emitting and writing the deck |
| --- | ---: | ---: | ---: |
| Default deck, empty chart cache: ≤ 2× bare pptxgenjs | ${s(coldTarget)} | ${s(coldFloor)}: the canvas's start, then ${Math.ceil(4 / cores)} chart${Math.ceil(4 / cores) > 1 ? 's' : ''} per core | ${s(coldTarget - coldFloor)} |
| 1,000 slides, 200 charts: ≤ 4 s on the reference machine (${s(4000 / scale)} here) | ${s(4000 / scale)} | ${s(bigFloorMs)}: 200 charts over ${cores} core${cores > 1 ? 's' : ''} | ${s(4000 / scale - bigFloorMs)} |

For comparison, the stages around the charts (load, images, plan, emit, package, write) took
${ms0(['load', 'images', 'plan', 'emit', 'package', 'write'].reduce((a, st) => a + rows[rows.findIndex((r) => r.name.startsWith('Default deck, charts cached'))].stages[st], 0))} in the default deck's rebuild with its charts cached, and ${s(['load', 'images', 'plan', 'emit', 'package', 'write'].reduce((a, st) => a + rows[rows.findIndex((r) => r.name.startsWith('1,000 slides, 200 charts, charts cached'))].stages[st], 0))} in the 1,000-slide deck's.
`;

const envNote = taxed && !keepEnv
  ? `This machine sets NODE_EXTRA_CA_CERTS, which makes Node 20 parse its whole certificate store as each process starts (${s(taxRow.median - nodeRow.median)} per process in the second yardstick row), before any JavaScript runs and whatever the program; pandoc does not pay it, and deckgen opens no network connections. Every process of this bench ran without it, as on a machine where it is unset (\`BENCH_KEEP_ENV=1\` keeps it).`
  : taxed ? 'NODE_EXTRA_CA_CERTS was kept (BENCH_KEEP_ENV=1): every Node process here, the yardsticks included, paid for reading it at start.' : '';
const doc = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.
Each case runs the compiled CLI as a fresh process (\`node dist/cli.cjs build ... -q\`, as \`npm run build\` runs it), so times
include Node start-up and module loading, as a user sees them. ${runs} timed runs per case after one
untimed warm-up (3 for the 1,000- and 5,000-slide decks and the very first command); peak RSS is the
child's own \`maxRSS\`. "Empty chart cache" runs start with no drawn charts, as a first build (or
\`--no-cache\`) does; "charts cached" runs keep the charts the warm-up drew, as a rebuild after a text
edit does. Every run but "the very first command" keeps the compiled CLI that the warm-up saved
(\`v8/\` in the cache folder), as a user's runs do after their first.

Machine: ${machine}. The yardsticks ran between the cases, in the same session, so the targets
that are multiples of a yardstick compare like with like. This machine's bare pptxgenjs yardstick
took ${s(bareRow.median)} (median of ${bareRow.times.length} runs) against the reference machine's 0.13 s, so
the "scaled" column multiplies each median by ${scale.toFixed(2)}: an estimate of the same build there, given
beside the measured time and never in place of it. ${envNote} ${pandocVersion ? `pandoc: ${pandocVersion}.` : 'pandoc was not installed, so its yardstick and target were skipped.'}

${table}

## Where the time goes

Medians of each stage, in ms, as \`DECKGEN_TIMINGS=1\` prints them: start-up is Node starting and
the CLI loading (from the process's start), modules the build's code loading, then the pipeline's
stages; total is the process's whole life up to the report (its exit follows).

${stageTable}

${floors}`;
writeFileSync(path.join(root, 'BENCHMARKS.md'), doc);
console.log(`\n${table}\n\n${stageTable}\n\n${floors}\nwritten to BENCHMARKS.md`);
rmSync(work, { recursive: true, force: true });
