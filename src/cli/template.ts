/** deckgen template: what deckgen reads from a .potx/.pptx, and which layout each slide gets. */
import { readFile } from 'node:fs/promises';
import { diagnostic, InputError } from '../diagnostics.js';
import { LAYOUTS } from '../load/schema.js';
import { parse } from './args.js';
import { report } from './output.js';

export const help = `deckgen template FILE [--json]

Reads a PowerPoint template (.potx) or presentation (.pptx) as deckgen would for
\`theme: { template: FILE }\`, and prints its slide size, fonts and colours, every layout with its
placeholders, and the layout deckgen would build each kind of slide on, with a warning for each
kind that has no good match (override it with \`theme.layouts\`).

Options:
  --json        print the same as JSON

Exit codes: 0 usable, 1 not a usable template.

Examples:
  deckgen template brand/template.potx`;

const inches = (n: number): string => `${Number(n.toFixed(2))}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  const file = positionals[0];
  if (!file) throw new InputError([diagnostic('deckgen', 'usage', 'name the template to read', { hint: 'deckgen template brand/template.potx' })]);
  const [{ readTemplate, TemplateError }, { mapLayouts }] = await Promise.all([import('../template/read.js'), import('../template/map.js')]);
  const bytes = await readFile(file).catch(() => {
    throw new InputError([diagnostic(file, 'no-template', 'no such file', { hint: 'give the path of a .potx or .pptx' })]);
  });
  let t;
  try {
    t = readTemplate(bytes);
  } catch (e) {
    if (e instanceof TemplateError) throw new InputError([diagnostic(file, 'bad-template', `this template cannot be used: ${e.message}`, { hint: e.hint })]);
    throw e;
  }
  const { chosen, warnings } = mapLayouts(t.layouts, t.size);
  if (values.json) {
    const layouts = t.layouts.map(({ name, type, master, placeholders }) => ({ name, type, master, placeholders }));
    const mapping = Object.fromEntries(LAYOUTS.map((l) => [l, { layout: t.layouts[chosen[l]]!.name, ...(warnings[l] ? { warning: warnings[l] } : {}) }]));
    process.stdout.write(`${JSON.stringify({ size: t.size, fonts: t.fonts, colours: t.colours, masters: t.masters.length, layouts, mapping }, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(`${file}: ${inches(t.size.w)} x ${inches(t.size.h)} in, ${t.masters.length} master${t.masters.length === 1 ? '' : 's'}, ${t.layouts.length} layouts`);
  out.push(`fonts: headings ${t.fonts.major}, body ${t.fonts.minor}`);
  out.push(`colours: ${Object.entries(t.colours).map(([k, v]) => `${k} #${v}`).join(', ')}`);
  out.push('layouts:');
  t.layouts.forEach((l, i) => {
    const ph = l.placeholders.map((p) => `${p.type}${p.idx !== undefined ? `#${p.idx}` : ''} ${inches(p.box.x)},${inches(p.box.y)} ${inches(p.box.w)}x${inches(p.box.h)}`);
    out.push(`  ${i + 1}. "${l.name}" (${l.type}${t.masters.length > 1 ? `, master ${l.master + 1}` : ''}): ${ph.join('; ') || 'no placeholders'}`);
  });
  out.push('deckgen builds:');
  for (const l of LAYOUTS) out.push(`  ${l.padEnd(11)} on "${t.layouts[chosen[l]]!.name}"${warnings[l] ? `  (warning: ${warnings[l]})` : ''}`);
  process.stdout.write(`${out.join('\n')}\n`);
  report(LAYOUTS.filter((l) => warnings[l]).map((l) => diagnostic(file, 'layout-match', warnings[l]!, { severity: 'warning', hint: `choose one with theme.layouts: { ${l}: "Layout name" }` })));
  return 0;
}
