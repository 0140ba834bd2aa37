/** deckgen check: every figure on the slides must be stated in the source it cites. */
import { parse } from './args.js';
import { ok, problemCount, report } from './output.js';

export const help = `deckgen check [outline] [--source FILE] [--json] [--quiet]

Checks that every number the deck will show (titles, bullets, KPIs, chart data and labels,
tables, quotes, notes) is stated in the source it cites, in the paragraph it cites, allowing for
units and rounding (11,183 million = 11.183 billion; 4.14 million = 4.1433 million rounded).
Derived figures ({{ a / b }} and KPI \`derived\`) must be computed from stated figures.

The source texts come from each source's \`file\`, or from --source:
  --source FILE        the text of the outline's only source
  --source ID=FILE     the text of the source with that id (repeat for several)

Options:
  --json        print the problems as a JSON array
  -q, --quiet   print nothing when every figure checks out

Exit codes: 0 every figure found, 1 problems found.

Examples:
  deckgen check deck.yaml --source ../shared/source/liangjiang-2012.txt
  deckgen build --check --source article=sources/article.txt`;

/** Problems with the figures of `file`, reading the sources' texts as `--source` says. */
export async function figureProblems(file: string, sourceArgs: readonly string[]) {
  const [{ loadOutline }, { readSourceTexts }, { checkFigures }] = await Promise.all([
    import('../load/load.js'),
    import('../figures/sources.js'),
    import('../figures/check.js'),
  ]);
  const outline = await loadOutline(file);
  return checkFigures(outline, await readSourceTexts(outline, sourceArgs));
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { source: { type: 'string', multiple: true }, json: { type: 'boolean' } });
  const file = positionals[0] ?? 'deck.yaml';
  const found = await figureProblems(file, (values.source as string[] | undefined) ?? []);
  if (values.json) process.stdout.write(`${JSON.stringify(found.map((d) => ({ ...d, hint: d.hint ?? null })), null, 2)}\n`);
  else if (found.length) {
    report(found);
    process.stderr.write(`${problemCount(found)}: figures not found as cited.\n`);
  } else if (!values.quiet) ok(`${file}: every figure is stated in its cited source`);
  return found.length ? 1 : 0;
}
