/** Maps a path in the parsed outline back to a line and column in the YAML text. */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

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
