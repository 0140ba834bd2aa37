/**
 * WCAG 2.x contrast: the ratio PowerPoint's Accessibility Checker and every audit tool measure,
 * and the nearest colour that reaches a ratio when one does not.
 */

/** Text needs 4.5:1 against what lies behind it; large text (18 pt, or 14 pt bold) 3:1. */
export const MIN_CONTRAST = 4.5;
export const MIN_CONTRAST_LARGE = 3;

export function isLargeText(sizePt: number, bold: boolean): boolean {
  return sizePt >= 18 || (bold && sizePt >= 14);
}

export const minContrast = (sizePt: number, bold: boolean): number => (isLargeText(sizePt, bold) ? MIN_CONTRAST_LARGE : MIN_CONTRAST);

type Rgb = [number, number, number];

const rgb = (hex: string): Rgb => {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

const hex = ([r, g, b]: Rgb): string => [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase();

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours (hex, with or without "#"), from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `colour` itself when it reaches `min` against `background`, else the closest colour that does:
 * the same hue mixed towards black (or towards white on a dark background) just far enough.
 */
export function readableColour(colour: string, background: string, min: number): string {
  if (contrastRatio(colour, background) >= min) return colour.replace('#', '').toUpperCase();
  const from = rgb(colour);
  const towards = (target: number): string | undefined => {
    for (let step = 1; step <= 100; step++) {
      const t = step / 100;
      const mixed = hex(from.map((v) => v + (target - v) * t) as Rgb);
      if (contrastRatio(mixed, background) >= min) return mixed;
    }
    return undefined;
  };
  const darkFirst = luminance(background) > 0.18;
  return (darkFirst ? towards(0) ?? towards(255) : towards(255) ?? towards(0)) ?? (darkFirst ? '000000' : 'FFFFFF');
}

/** Near-black, for text on light fills. */
export const DARK_INK = '1F2933';

/** White or near-black (DARK_INK), whichever contrasts more with `fill` (hex, with or without "#"). */
export function inkOn(fill: string): 'FFFFFF' | typeof DARK_INK {
  return contrastRatio(DARK_INK, fill) > contrastRatio('FFFFFF', fill) ? DARK_INK : 'FFFFFF';
}

/** "2.6:1" */
export const formatRatio = (ratio: number): string => `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
