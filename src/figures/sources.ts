/**
 * The texts of an outline's sources, for `deckgen check`: from --source arguments, else from each
 * source's `file` (relative to the outline, inside its folder).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import type { Outline } from '../load/load.js';
import type { SourceText } from './check.js';

/**
 * `--source FILE` names the text of the outline's only source; with several sources each is
 * named `--source id=FILE`.
 */
export async function readSourceTexts(outline: Outline, args: readonly string[]): Promise<Map<string, SourceText>> {
  const texts = new Map<string, SourceText>();
  const problems: Diagnostic[] = [];
  const named = new Map<string, string>();
  for (const arg of args) {
    const m = /^([\w.-]+)=(.+)$/.exec(arg);
    if (m && outline.sources.some((s) => s.id === m[1])) named.set(m[1]!, m[2]!);
    else if (outline.sources.length === 1) named.set(outline.sources[0]!.id, arg);
    else {
      const ids = outline.sources.map((s) => s.id).join(', ');
      problems.push(diagnostic(arg, 'source-arg', `cannot tell which source "${arg}" is the text of`, { hint: `name it: --source <id>=${arg} (ids: ${ids || 'none'})` }));
    }
  }
  for (const [i, source] of outline.sources.entries()) {
    const fromArg = named.get(source.id);
    const file = fromArg ?? (source.file ? path.resolve(outline.dir, source.file) : undefined);
    if (!file) continue;
    try {
      texts.set(source.id, { id: source.id, file: path.basename(file), text: await readFile(file, 'utf8') });
    } catch {
      const at = fromArg ? { line: 1, column: 1 } : outline.locate(['sources', i, 'file']);
      problems.push(diagnostic(fromArg ?? outline.file, 'source-file', `cannot read the text of source "${source.id}" (${file})`, { ...at, hint: 'check the path; the text is a plain-text copy of the source' }));
    }
  }
  if (problems.length) throw new InputError(problems);
  return texts;
}
