/**
 * The texts of an outline's sources, for `deckgen check`: from --source arguments, else from each
 * source's `file` (relative to the outline, inside its folder).
 */
import path from 'node:path';
import { readConfined, readRegularFile } from '../confine.js';
import { diagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import type { Outline } from '../load/load.js';
import type { SourceText } from './check.js';

/** A source text larger than this is not one article. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

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
    if (fromArg === undefined && source.file === undefined) continue;
    // A --source file is the user's own choice on the command line; a `file:` in the outline is
    // confined to the outline's folder, as images and CSV files are. Both must be regular files.
    const read = fromArg !== undefined ? await readRegularFile(path.resolve(fromArg), MAX_SOURCE_BYTES) : await readConfined(outline.dir, source.file!, MAX_SOURCE_BYTES);
    const shown = fromArg ?? source.file!;
    if (!('problem' in read)) {
      texts.set(source.id, { id: source.id, file: path.basename(shown), text: read.data.toString('utf8') });
      continue;
    }
    const at = fromArg !== undefined ? { line: 1, column: 1 } : outline.locate(['sources', i, 'file']);
    const [message, hint] = {
      missing: [`cannot read the text of source "${source.id}" (${shown}): no such file`, "check the path; a source's `file` is relative to the outline's folder"],
      outside: [`the text of source "${source.id}" (${shown}) lies outside the outline's folder`, "copy the plain-text source into the outline's folder, or give it with --source"],
      'not-a-file': [`the text of source "${source.id}" (${shown}) is not a regular file`, 'give a plain-text copy of the source, not a folder, pipe or device'],
      'too-large': [`the text of source "${source.id}" (${shown}) is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`, 'give a plain-text copy of just the cited source'],
    }[read.problem] as [string, string];
    problems.push(diagnostic(fromArg ?? outline.file, 'source-file', message, { ...at, hint }));
  }
  if (problems.length) throw new InputError(problems);
  return texts;
}
