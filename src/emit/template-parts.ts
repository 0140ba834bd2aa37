/**
 * A user's template into the deck: its masters, layouts, themes and everything they use (logos,
 * pictures, tags), renamed into the deck's part names with their relationships rewritten, in place
 * of the master, layout and theme pptxgenjs writes. Its own slides are not copied.
 */
import path from 'node:path/posix';
import type { TemplateFile } from '../template/model.js';
import type { Parts } from './parts.js';

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const relsOf = (part: string): string => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
const RELS = /<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\/>/g;

function targets(files: Record<string, Uint8Array>, part: string): string[] {
  const rels = files[relsOf(part)];
  if (!rels) return [];
  return [...decode(rels).matchAll(RELS)].filter((m) => !/TargetMode="External"/.test(m[0])).map((m) => path.normalize(path.join(path.dirname(part), m[1]!)).replace(/^\//, ''));
}

/** Every part the masters and layouts reach, with the name it gets in the deck. */
function renames(file: TemplateFile, taken: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  file.masters.forEach((m, i) => names.set(m, `ppt/slideMasters/slideMaster${i + 1}.xml`));
  file.layouts.forEach((l, i) => names.set(l, `ppt/slideLayouts/slideLayout${i + 1}.xml`));
  let themes = 0;
  const queue = [...file.masters, ...file.layouts];
  while (queue.length) {
    const part = queue.shift()!;
    for (const t of targets(file.files, part)) {
      if (names.has(t) || !file.files[t] || /^ppt\/(slides|notesSlides|slideLayouts)\//.test(t)) continue;
      if (/^ppt\/theme\//.test(t)) names.set(t, `ppt/theme/theme${++themes}.xml`);
      else {
        let name = path.join(path.dirname(t), `template-${path.basename(t)}`);
        for (let n = 2; taken.has(name); n++) name = path.join(path.dirname(t), `template${n}-${path.basename(t)}`);
        names.set(t, name);
      }
      queue.push(t);
    }
  }
  return names;
}

function contentTypes(file: TemplateFile): { defaults: Map<string, string>; overrides: Map<string, string> } {
  const xml = decode(file.files['[Content_Types].xml'] ?? new Uint8Array());
  const attr = (tag: string, name: string): string => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  const defaults = new Map([...xml.matchAll(/<Default\b[^>]*\/>/g)].map((m) => [attr(m[0], 'Extension').toLowerCase(), attr(m[0], 'ContentType')]));
  const overrides = new Map([...xml.matchAll(/<Override\b[^>]*\/>/g)].map((m) => [attr(m[0], 'PartName').replace(/^\//, ''), attr(m[0], 'ContentType')]));
  return { defaults, overrides };
}

export function copyTemplate(parts: Parts, file: TemplateFile, masterIds: readonly number[]): void {
  for (const name of [...parts.keys()]) if (/^ppt\/(slideMasters|slideLayouts)\//.test(name) || name === 'ppt/theme/theme1.xml') parts.delete(name);
  const names = renames(file, new Set(parts.keys()));
  const types = contentTypes(file);
  let ct = parts.get('[Content_Types].xml') as string;
  ct = ct.replace(/<Override PartName="\/ppt\/(slideMasters|slideLayouts|theme)\/[^"]+" ContentType="[^"]+"\/>/g, '');
  for (const [from, to] of names) {
    parts.set(to, file.files[from]!);
    const rels = file.files[relsOf(from)];
    if (rels) {
      const rewritten = decode(rels).replace(RELS, (tag, target: string) => {
        if (/TargetMode="External"/.test(tag)) return tag;
        const abs = path.normalize(path.join(path.dirname(from), target)).replace(/^\//, '');
        const renamed = names.get(abs);
        return renamed ? tag.replace(`Target="${target}"`, `Target="${path.relative(path.dirname(to), renamed)}"`) : tag;
      });
      parts.set(relsOf(to), rewritten);
    }
    const type = types.overrides.get(from);
    const ext = path.extname(to).slice(1).toLowerCase();
    if (type) ct = ct.replace('</Types>', `<Override PartName="/${to}" ContentType="${type}"/></Types>`);
    else if (!new RegExp(`<Default Extension="${ext}"`, 'i').test(ct) && types.defaults.has(ext)) ct = ct.replace('<Override', `<Default Extension="${ext}" ContentType="${types.defaults.get(ext)}"/><Override`);
  }
  parts.set('[Content_Types].xml', ct);
  // The presentation lists every master; pptxgenjs's rId1 already points at slideMaster1.
  const extra = file.masters.slice(1).map((_, i) => ({ id: `rIdM${i + 2}`, target: `slideMasters/slideMaster${i + 2}.xml` }));
  const presRels = parts.get('ppt/_rels/presentation.xml.rels') as string;
  parts.set('ppt/_rels/presentation.xml.rels', presRels.replace('</Relationships>', `${extra.map((r) => `<Relationship Id="${r.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster" Target="${r.target}"/>`).join('')}</Relationships>`));
  const list = [`<p:sldMasterId id="${masterIds[0] ?? 2147483648}" r:id="rId1"/>`, ...extra.map((r, i) => `<p:sldMasterId id="${masterIds[i + 1] ?? 2147483648 + 1000 * (i + 1)}" r:id="${r.id}"/>`)].join('');
  const pres = parts.get('ppt/presentation.xml') as string;
  parts.set('ppt/presentation.xml', pres.replace(/<p:sldMasterIdLst>.*?<\/p:sldMasterIdLst>/s, `<p:sldMasterIdLst>${list}</p:sldMasterIdLst>`));
}
