/** Larger outlines are refused before parsing: bulk data belongs in CSV files. */
export const MAX_OUTLINE_BYTES = 5 * 1024 * 1024;

/**
 * Lines plus flow-list separators ("," "[" "{") an outline may have. The YAML parser spends about
 * 20 µs on each: a 1 MB flow list of 500,000 one-letter items took 8.5 s and 560 MB before this
 * bound. Ten times a 5,000-slide deck written out in full.
 */
export const MAX_YAML_ITEMS = 100_000;

/** Where the outline passes MAX_YAML_ITEMS, if it does: counted in one pass, before parsing. */
export function tooManyItems(text: string): { line: number; column: number } | undefined {
  let items = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , [ {
    if (c === 10 || c === 44 || c === 91 || c === 123) {
      if (++items > MAX_YAML_ITEMS) return { line, column: i - lineStart + 1 };
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return undefined;
}
