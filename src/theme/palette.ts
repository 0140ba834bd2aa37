/**
 * Series colours beyond the palette, and the colour-vision simulation that checks them. A chart
 * with more series (or pie slices) than palette colours gets new colours, never repeats: each
 * round beyond the palette is the palette again, lightened, then darkened, then lighter still.
 */

type Rgb = [number, number, number];

export const toRgb = (hex: string): Rgb => {
  const n = parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const toHex = (rgb: Rgb): string => rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('').toUpperCase();
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Tints and shades by round: round 1 lightens by half, round 2 darkens by 40%, then lighter tints. */
const ROUNDS: { towards: Rgb; t: number }[] = [
  { towards: [255, 255, 255], t: 0.5 },
  { towards: [0, 0, 0], t: 0.4 },
  { towards: [255, 255, 255], t: 0.72 },
  { towards: [0, 0, 0], t: 0.62 },
];

/** `count` colours: the palette, then its tints and shades; after those, evenly spread hues. */
export function seriesColours(palette: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = palette[i % palette.length]!;
    const round = Math.floor(i / palette.length);
    if (round === 0) out.push(base);
    else if (round <= ROUNDS.length) {
      const r = ROUNDS[round - 1]!;
      out.push(toHex(mix(toRgb(base), r.towards, r.t)));
    } else out.push(hue((i * 137.508) % 360, 0.45 + 0.25 * ((i * 7) % 3) / 2));
  }
  // Never hand out the same colour twice, whatever palette the outline gives.
  const seen = new Set<string>();
  return out.map((c, i) => {
    let colour = c;
    for (let k = 1; seen.has(colour); k++) colour = hue((i * 137.508 + k * 29) % 360, 0.5);
    seen.add(colour);
    return colour;
  });
}

function hue(h: number, lightness: number): string {
  const s = 0.6;
  const c = (1 - Math.abs(2 * lightness - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = lightness - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return toHex([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

// --- colour-vision simulation (Machado, Oliveira and Fernandes 2009, severity 1.0) ---

const MACHADO: Record<'protanopia' | 'deuteranopia', number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (l: number): number => 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);

/** How the colour looks to someone with the given deficiency. */
export function simulate(hex: string, deficiency: 'protanopia' | 'deuteranopia'): string {
  const lin = toRgb(hex).map(toLinear);
  const m = MACHADO[deficiency];
  const out = m.map((row) => fromLinear(Math.min(1, Math.max(0, row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!))));
  return toHex(out as Rgb);
}

/** CIE76 colour difference in CIELAB: about 2 is just noticeable, above 20 is clearly different. */
export function deltaE(a: string, b: string): number {
  const lab = (hex: string): Rgb => {
    const [r, g, bl] = toRgb(hex).map(toLinear) as Rgb;
    const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883];
    const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const [fx, fy, fz] = xyz.map(f) as Rgb;
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
