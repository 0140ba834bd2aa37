/** Maps a path in the parsed outline back to a line and column in the YAML text. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

type Segment = string | number | symbol;

/**
 * The position of the value at `path`, or of its key when `key` is set (unknown keys are reported
 * at the key). A path that leaves the document (a missing key) resolves to its deepest existing
 * ancestor, which is where the user has to add it.
 */
export function positionOf(doc: Document, lines: LineCounter, path: readonly Segment[], key = false): Position {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    let next: unknown;
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (pair) {
        next = pair.value ?? pair.key;
        keyNode = pair.key;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined) break;
    node = next;
  }
  const target = (key && keyNode ? keyNode : node) as Node | undefined;
  const offset = target?.range?.[0] ?? 0;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** How load parses an outline: the parse positions are read from, first and again. */
export function parseWithPositions(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/**
 * locate() for an outline's text, from its parsed document while load holds it. A document with
 * positions is several times the size of the data it holds (~9 MB for 1,000 slides), and later
 * stages ask for a position only to report a problem, so load releases it once done; a later
 * question parses the text again, once, and keeps that document.
 */
export function locator(text: string, parsed: { doc: Document; lines: LineCounter }): { locate: (path: readonly PropertyKey[], key?: boolean) => Position; release: () => void } {
  let held: { doc: Document; lines: LineCounter } | undefined = parsed;
  return {
    locate: (p, key = false) => {
      held ??= parseWithPositions(text);
      return positionOf(held.doc, held.lines, p as Segment[], key);
    },
    release: () => {
      held = undefined;
    },
  };
}
