/** Inline emphasis in outline text: **bold** and _italic_ (or *italic*), nothing more. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

const TOKEN = /(\*\*[^*]+?\*\*|(?<![\w*])_[^_]+?_(?![\w])|(?<![\w*])\*[^*\s][^*]*?\*(?![\w*]))/g;

/**
 * Line breaks inside a text are spaces, as in Markdown: a YAML block scalar wraps for the
 * writer's convenience, and the slide wraps to its own width (and is measured that way).
 */
export function parseInline(text: string): Run[] {
  const source = text.replace(/\s*\r?\n\s*/g, ' ');
  const runs: Run[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (start > last) runs.push({ text: source.slice(last, start) });
    const token = m[0];
    if (token.startsWith('**')) runs.push({ text: token.slice(2, -2), bold: true });
    else runs.push({ text: token.slice(1, -1), italic: true });
    last = start + token.length;
  }
  if (last < source.length) runs.push({ text: source.slice(last) });
  return runs.length ? runs : [{ text: '' }];
}

export const plainText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');
