/**
 * Per-chart floors for `npm run bench`: work every chart costs whatever deckgen does around it.
 *
 *   node scripts/floors.mjs OUTLINE [CHARTS]
 *
 * Plans OUTLINE and draws its first CHARTS charts (default 40) twice, the first time to warm the
 * JIT, and prints, as JSON, the CPU milliseconds per chart of (a) drawing it and reading its pixels
 * (Chart.js and Skia's rasterising) and (b) deflating its PNG rows at level 6, which the PNG's
 * committed bytes need (each is checked to give exactly the IDAT deckgen writes). Neither can
 * shrink without changing the deck's bytes; deckgen's own palette step is left out. The other
 * floor, the canvas's start, is scripts/canvas-ready.cjs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outline, count = '40'] = process.argv.slice(2);
const { loadOutline } = await import(path.join(root, 'dist/load/load.js'));
const { planDeck } = await import(path.join(root, 'dist/plan/plan.js'));
const { drawnChart } = await import(path.join(root, 'dist/render/draw.js'));
const { encodePng } = await import(path.join(root, 'dist/render/png.js'));
const { chartCanvasSize } = await import(path.join(root, 'dist/plan/units.js'));
const deck = planDeck(await loadOutline(outline)).deck;
const charts = deck.slides.flatMap((s) => s.shapes).filter((s) => s.kind === 'chart').slice(0, Number(count));
if (!charts.length) throw new Error(`${outline} has no charts`);

const cpu = (f) => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
/** The chart's IDAT as deckgen writes it, and the rows it deflates. */
const idatOf = (png) => {
  const parts = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
};

// A canvas kept per size, as the render worker keeps them (src/render/draw.ts).
const spare = new Map();
const draw1 = (shape) => {
  const { width, height } = chartCanvasSize(shape.box);
  const drawn = drawnChart(shape, spare.get(`${width}x${height}`));
  spare.set(`${width}x${height}`, drawn.canvas);
  return drawn;
};
const drawAll = () => {
  for (const shape of charts) {
    const drawn = draw1(shape);
    drawn.canvas.data();
    drawn.chart.destroy();
  }
};
drawAll();
const draw = cpu(drawAll);

const images = [];
for (const shape of charts) {
  const drawn = draw1(shape);
  const idat = idatOf(await encodePng(drawn.canvas.data(), drawn.canvas.width, drawn.canvas.height));
  drawn.chart.destroy();
  images.push({ idat, rows: inflateSync(idat) });
}
for (const { rows } of images) deflateSync(rows, { level: 6 });
const deflate = cpu(() => {
  for (const { rows, idat } of images) if (!deflateSync(rows, { level: 6 }).equals(idat)) throw new Error('level 6 did not give the IDAT deckgen wrote');
});
console.log(JSON.stringify({ charts: charts.length, drawMs: draw / charts.length, deflateMs: deflate / charts.length }));
