/** The characters the advance table covers, shared by the table's builder and its reader. */

/** Latin, Latin Extended, punctuation, currency, letterlike, arrows and maths: what Carlito covers. */
export const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x24f],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];

/** The index in RANGES of the range that holds code point `cp`, or -1. */
export function rangeOf(cp: number): number {
  for (let r = 0; r < RANGES.length; r++) if (cp >= RANGES[r]![0] && cp <= RANGES[r]![1]) return r;
  return -1;
}

export const FACES = { regular: '', bold: 'bold ', italic: 'italic ', boldItalic: 'italic bold ' } as const;
export type Face = keyof typeof FACES;

/** Per face, per range, advances in thousandths of an em. */
export type AdvanceTable = Record<Face, number[][]>;
