/**
 * The outline's `theme.template`, read from inside the outline's folder (like images) and turned
 * into the template model the plan builds on; every problem is reported at the line that names it.
 */
import path from 'node:path';
import { readConfined } from '../confine.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Outline } from '../load/load.js';
import type { Template } from './model.js';

export async function loadTemplate(outline: Outline): Promise<{ template?: Template; diagnostics: Diagnostic[] }> {
  // Read whatever else the outline's theme gets wrong: a template problem is reported all the same.
  const named = outline.files.find((f) => f.kind === 'template');
  if (!named) return { diagnostics: [] };
  // The reader (an XML parser that takes a while to load) only for decks that name a template.
  const [{ readTemplate, TEMPLATE_LIMITS, TemplateError }, { mapLayouts }, { fromTemplateFile }] = await Promise.all([import('./read.js'), import('./map.js'), import('./model-of.js')]);
  const ref = named.ref;
  const at = outline.locate(named.at);
  const fail = (message: string, hint: string): { diagnostics: Diagnostic[] } => ({ diagnostics: [diagnostic(outline.file, 'template', message, { ...at, hint })] });
  // Inside the outline's folder, a regular file, read without blocking on a pipe: as images are.
  const file = await readConfined(outline.dir, ref, TEMPLATE_LIMITS.bytes);
  if ('problem' in file) {
    if (file.problem === 'missing') return fail(`template "${ref}" not found`, `paths are relative to the outline's folder (${outline.dir})`);
    if (file.problem === 'outside') return fail(`template "${ref}" lies outside the outline's folder`, "copy it into the outline's folder, e.g. brand/template.potx");
    if (file.problem === 'too-large') return fail(`template "${ref}" is ${(file.size / 1048576).toFixed(0)} MB, over the 50 MB deckgen reads`, 'remove unused layouts and large pictures from it in PowerPoint');
    return fail(`"${ref}" is not a file`, 'give the path of a .potx or .pptx file');
  }
  try {
    const read = readTemplate(file.data);
    const mapping = mapLayouts(read.layouts, read.size, outline.theme.layouts ?? {});
    const diagnostics: Diagnostic[] = [];
    for (const [layout, name] of Object.entries(outline.theme.layouts ?? {})) {
      if (!read.layouts.some((l) => l.name.trim().toLowerCase() === name!.trim().toLowerCase())) {
        diagnostics.push(diagnostic(outline.file, 'template-layout', `the template has no layout named "${name}"`, { ...outline.locate(['theme', 'layouts', layout]), hint: `its layouts: ${read.layouts.map((l) => `"${l.name}"`).join(', ')}` }));
      }
    }
    for (const [layout, why] of Object.entries(mapping.warnings)) {
      diagnostics.push(diagnostic(outline.file, 'template-layout', why!, { ...at, severity: 'warning', hint: `choose one with theme.layouts: { ${layout}: "Layout name" } (deckgen template ${ref} lists them)` }));
    }
    return { template: fromTemplateFile(read, mapping, path.basename(ref, path.extname(ref))), diagnostics };
  } catch (e) {
    if (e instanceof TemplateError) return fail(`template "${ref}" cannot be used: ${e.message}`, e.hint);
    throw e;
  }
}
