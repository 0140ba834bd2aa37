/** deckgen validate: every problem in an outline, for people or (with --json) for editors and CI. */
import type { Diagnostic } from '../diagnostics.js';
import { InputError } from '../diagnostics.js';
import { parse } from './args.js';
import { ok, problemCount, report } from './output.js';

export const help = `deckgen validate [outline] [--json] [--quiet]

Checks an outline without writing a deck: YAML syntax, the schema (with "did you mean" for
unknown keys and layouts), sources, formulas, images, CSV data and text that cannot fit.

Options:
  --json        print the problems as a JSON array of {file, line, column, severity, code, message, hint}
  -q, --quiet   print nothing when the outline is valid

Exit codes: 0 valid, 1 problems found.

Examples:
  deckgen validate
  deckgen validate talks/q3.yaml --json`;

/** Every problem the build would stop at, found without rendering or writing anything. */
export async function problems(file: string): Promise<Diagnostic[]> {
  const [{ planFile }, { startRenderer }] = await Promise.all([import('../build.js'), import('../render/renderer.js')]);
  // In-process: validate decodes at most a few images and draws no charts, so a worker would not pay.
  const renderer = startRenderer({ inProcess: true });
  try {
    return (await planFile(file, renderer)).warnings;
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  } finally {
    await renderer.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  const file = positionals[0] ?? 'deck.yaml';
  const found = await problems(file);
  const failed = found.some((d) => d.severity === 'error');
  if (values.json) {
    const rows = found.map(({ file, line, column, severity, code, message, hint }) => ({ file, line, column, severity, code, message, hint: hint ?? null }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    report(found);
    if (failed) process.stderr.write(`${problemCount(found)} in ${file}.\n`);
    else if (!values.quiet) ok(`${file} is valid`);
  }
  return failed ? 1 : 0;
}
