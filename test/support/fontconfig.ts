/**
 * A private fontconfig for the LibreOffice the rendered-fit test runs: the system's fonts, plus
 * Gelasio (Georgia's twin, published only as a web font, on npm) unpacked from WOFF to TrueType,
 * and aliases from the Office names to their twins, so LibreOffice lays text out with the widths
 * PowerPoint would use. Microsoft YaHei, which no Linux has, is drawn in Noto Sans CJK SC.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { TWINS } from '../../src/font-twins.js';
import { twinFiles } from '../../src/fonts.js';

/** WOFF 1.0 -> the TrueType/OpenType file it wraps (tables inflated, directory rewritten). */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const b = Buffer.from(woff);
  if (b.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const n = b.readUInt16BE(12);
  const tables = Array.from({ length: n }, (_, i) => {
    const o = 44 + 20 * i;
    const [tag, off, comp, orig, sum] = [b.readUInt32BE(o), b.readUInt32BE(o + 4), b.readUInt32BE(o + 8), b.readUInt32BE(o + 12), b.readUInt32BE(o + 16)];
    const raw = b.subarray(off, off + comp);
    return { tag, sum, data: comp < orig ? inflateSync(raw) : raw };
  });
  let es = 0;
  while (1 << (es + 1) <= n) es++;
  const head = Buffer.alloc(12 + 16 * n);
  head.writeUInt32BE(b.readUInt32BE(4), 0);
  head.writeUInt16BE(n, 4);
  head.writeUInt16BE(16 * (1 << es), 6);
  head.writeUInt16BE(es, 8);
  head.writeUInt16BE(16 * n - 16 * (1 << es), 10);
  const parts: Buffer[] = [head];
  let off = head.length;
  tables.forEach((t, i) => {
    head.writeUInt32BE(t.tag, 12 + 16 * i);
    head.writeUInt32BE(t.sum, 16 + 16 * i);
    head.writeUInt32BE(off, 20 + 16 * i);
    head.writeUInt32BE(t.data.length, 24 + 16 * i);
    const pad = (4 - (t.data.length % 4)) % 4;
    parts.push(t.data, Buffer.alloc(pad));
    off += t.data.length + pad;
  });
  return new Uint8Array(Buffer.concat(parts));
}

const ALIASES: [string, string][] = [
  ...TWINS.flatMap((t) => t.names.filter((n) => n !== t.family).map((n) => [n, t.family] as [string, string])),
  ['Microsoft YaHei', 'Noto Sans CJK SC'],
];

/** Writes the fonts and fonts.conf under `dir`; returns the environment to run LibreOffice with. */
export function twinFontconfig(dir: string): NodeJS.ProcessEnv {
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const gelasio = TWINS.find((t) => t.family === 'Gelasio')!;
  for (const file of twinFiles(gelasio).filter((f) => /-latin-\d00/.test(f))) {
    writeFileSync(path.join(fonts, path.basename(file).replace(/\.woff$/, '.ttf')), woffToSfnt(new Uint8Array(readFileSync(file))));
  }
  const alias = ([from, to]: [string, string]): string => `  <alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`;
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${fonts}</dir>`,
      `  <cachedir>${path.join(dir, 'cache')}</cachedir>`,
      ...ALIASES.map(alias),
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return { ...process.env, FONTCONFIG_FILE: conf };
}
