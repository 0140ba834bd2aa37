// PowerPoint refuses or "repairs" decks with dangling relationships, stale content types or
// schema-invalid parts, while LibreOffice and pptxgenjs itself stay silent, so tests check all three.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';

const fail = (message: string): never => {
  throw new Error(message);
};

export interface Pptx {
  /** Zip entry names of every part (directory entries excluded), no leading '/'. */
  readonly partNames: readonly string[];
  has(partName: string): boolean;
  bytes(partName: string): Promise<Uint8Array>;
  text(partName: string): Promise<string>;
}

export async function openPptx(bytes: Uint8Array | Buffer): Promise<Pptx> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, JSZip.JSZipObject>();
  zip.forEach((name, entry) => {
    if (!entry.dir) entries.set(name, entry);
  });
  const entry = (name: string): JSZip.JSZipObject => entries.get(name) ?? fail(`pptx has no part ${name}`);
  return {
    partNames: [...entries.keys()].sort(),
    has: (name) => entries.has(name),
    bytes: (name) => entry(name).async('uint8array'),
    text: async (name) => new TextDecoder().decode(await entry(name).async('uint8array')),
  };
}

const CONTENT_TYPES = '[Content_Types].xml';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

export async function packageProblems(pptx: Pptx): Promise<string[]> {
  const problems: string[] = [];
  const texts = new Map<string, string>();
  const xmlFiles: { name: string; contents: Uint8Array }[] = [];
  for (const name of pptx.partNames.filter(isXmlPart)) {
    const bytes = await pptx.bytes(name);
    xmlFiles.push({ name, contents: bytes });
    try {
      // fatal: a lenient decode would turn bad bytes into U+FFFD and hide them.
      texts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      problems.push(`${name}: not valid UTF-8`);
    }
  }
  for (const [name, text] of texts) {
    problems.push(...illegalCharProblems(name, text));
    // OPC forbids DTDs in parts, and they would make parsing depend on external entities.
    if (/<!DOCTYPE/i.test(text)) problems.push(`${name}: contains a DOCTYPE declaration`);
  }
  const parsed = await runXmllint(xmlFiles);
  problems.push(...parsed.map((f) => `${f.part}: ${f.line}: not well-formed: ${f.message}`));
  problems.push(...relationshipProblems(pptx, texts));
  problems.push(...contentTypeProblems(pptx, texts.get(CONTENT_TYPES)));
  return problems;
}

// XML 1.0 Char production; the u flag makes lone surrogates match as illegal code points.
const ILLEGAL_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function illegalCharProblems(part: string, text: string): string[] {
  const found: string[] = [];
  const where = (index: number): string => {
    const before = text.slice(0, index);
    const line = before.split('\n').length;
    return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
  };
  for (const m of text.matchAll(ILLEGAL_CHAR)) {
    found.push(`${part}: ${where(m.index)}: illegal XML character ${hex(m[0].codePointAt(0)!)}`);
  }
  // Character references must also name legal Chars, so &#x1; is as broken as a raw U+0001.
  for (const m of text.matchAll(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g)) {
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!isXmlChar(cp)) found.push(`${part}: ${where(m.index)}: reference to illegal XML character ${hex(cp)}`);
  }
  // A deck full of one bad character would otherwise bury every other problem.
  return found.length > 5 ? [...found.slice(0, 5), `${part}: … ${found.length - 5} more illegal characters`] : found;
}

type Attrs = Map<string, string>;

/** Attributes of every element with this local name; only meaningful on well-formed XML, which is checked separately. */
function elementsNamed(xml: string, localName: string): Attrs[] {
  const uncommented = xml.replace(/<!--[\s\S]*?-->/g, '');
  const tag = new RegExp(`<(?:[\\w.-]+:)?${localName}(\\s[^>]*?)?/?>`, 'g');
  return [...uncommented.matchAll(tag)].map((m) => attributes(m[1] ?? ''));
}

function attributes(source: string): Attrs {
  const attrs: Attrs = new Map();
  for (const m of source.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(\w+));/g, (all, h?: string, d?: string, n?: string) =>
    h ? String.fromCodePoint(parseInt(h, 16)) : d ? String.fromCodePoint(Number(d)) : named[n!] ?? all);
}

/** Resolves a relationship target against the source part's folder; null if it climbs above the package root. */
function resolveTarget(baseFolder: string, target: string): string | null {
  const path = target.split('#')[0]!;
  const segments = path.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (segments.pop() === undefined) return null;
    } else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

// Part names in rels and Overrides are URIs; zip entry names may hold the decoded form.
const safeDecodeUri = (name: string): string => {
  try { return decodeURIComponent(name); } catch { return name; }
};

function relationshipProblems(pptx: Pptx, texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const idsBySource = new Map<string, Set<string>>();
  for (const [relsName, text] of texts) {
    const m = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/.exec(relsName);
    if (!m) continue;
    const folder = m[1] ?? '';
    const source = m[2] ? (folder ? `${folder}/${m[2]}` : m[2]) : '';
    if (source && !pptx.has(source)) problems.push(`${relsName}: relationships for missing source part ${source}`);
    const ids = new Set<string>();
    idsBySource.set(source, ids);
    for (const rel of elementsNamed(text, 'Relationship')) {
      const id = rel.get('Id');
      const target = rel.get('Target');
      if (!id || !rel.get('Type') || target === undefined) {
        problems.push(`${relsName}: Relationship lacks Id, Type or Target`);
        continue;
      }
      if (ids.has(id)) problems.push(`${relsName}: duplicate relationship Id ${id}`);
      ids.add(id);
      if (rel.get('TargetMode') === 'External') continue;
      const resolved = resolveTarget(folder, target);
      if (resolved === null) problems.push(`${relsName}: ${id} target ${target} points above the package root`);
      else if (!pptx.has(resolved) && !pptx.has(safeDecodeUri(resolved))) {
        problems.push(`${relsName}: ${id} target ${target} resolves to missing part ${resolved}`);
      }
    }
  }
  // A dangling r:id/r:embed is what PowerPoint "repairs" away, so check the referencing side too.
  for (const [part, text] of texts) {
    if (part.endsWith('.rels')) continue;
    const prefixes = [...text.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)]
      .filter((m) => m[2] === REL_NS).map((m) => m[1]!);
    for (const prefix of new Set(prefixes)) {
      for (const m of text.matchAll(new RegExp(`\\s${prefix.replace(/\./g, '\\.')}:([\\w.-]+)\\s*=\\s*"([^"]+)"`, 'g'))) {
        if (!idsBySource.get(part)?.has(m[2]!)) problems.push(`${part}: ${prefix}:${m[1]}="${m[2]}" names no relationship of this part`);
      }
    }
  }
  return problems;
}

function contentTypeProblems(pptx: Pptx, text: string | undefined): string[] {
  if (text === undefined) return [`${CONTENT_TYPES}: missing or unreadable`];
  const problems: string[] = [];
  // OPC compares extensions and part names case-insensitively.
  const defaults = new Set<string>();
  for (const d of elementsNamed(text, 'Default')) {
    const ext = (d.get('Extension') ?? '').toLowerCase();
    if (defaults.has(ext)) problems.push(`${CONTENT_TYPES}: duplicate Default for extension ${ext}`);
    defaults.add(ext);
  }
  const partsByLower = new Map(pptx.partNames.map((n) => [n.toLowerCase(), n]));
  const overridden = new Set<string>();
  for (const o of elementsNamed(text, 'Override')) {
    const partName = o.get('PartName') ?? '';
    const lower = safeDecodeUri(partName.replace(/^\//, '')).toLowerCase();
    if (!partName.startsWith('/')) problems.push(`${CONTENT_TYPES}: Override PartName ${partName} is not absolute`);
    if (overridden.has(lower)) problems.push(`${CONTENT_TYPES}: duplicate Override for ${partName}`);
    overridden.add(lower);
    if (!partsByLower.has(lower)) problems.push(`${CONTENT_TYPES}: Override for ${partName} names a part that does not exist`);
  }
  for (const [lower, name] of partsByLower) {
    if (name === CONTENT_TYPES || overridden.has(lower)) continue;
    const ext = /\.([^./]+)$/.exec(lower)?.[1];
    if (ext === undefined || !defaults.has(ext)) problems.push(`${CONTENT_TYPES}: no content type covers ${name}`);
  }
  return problems;
}

interface Finding { part: string; line: number; message: string }

/**
 * Runs xmllint once over all files (worker start-up and schema compilation dominate the cost).
 * Parts are renamed to part<N>.xml so odd zip names cannot be mistaken for xmllint options or URIs.
 */
async function runXmllint(files: { name: string; contents: Uint8Array }[], schema?: { entry: XMLFileInfo; preload: XMLFileInfo[] }): Promise<Finding[]> {
  if (files.length === 0) return [];
  const alias = (i: number): string => `part${i}.xml`;
  const xml = files.map((f, i) => ({ fileName: alias(i), contents: f.contents }));
  const common = { xml, maxMemoryPages: 256 * memoryPages.MiB };
  const result = schema
    ? await validateXML({ ...common, schema: [schema.entry], preload: schema.preload })
    // The typings demand a schema or a normalization; swapping --format for --noout gives a plain parse.
    : await validateXML({ ...common, normalization: 'format', modifyArguments: (args) => args.map((a) => (a === '--format' ? '--noout' : a)) });
  const findings: Finding[] = [];
  for (const line of result.rawOutput.split('\n')) {
    if (/^part\d+\.xml (validates|fails to validate)$/.test(line) || /^\s*\^?\s*$/.test(line)) continue;
    const m = /^part(\d+)\.xml:(\d+): (.*)$/.exec(line);
    if (m) findings.push({ part: files[Number(m[1])]!.name, line: Number(m[2]), message: m[3]! });
    // libxml2 follows a parse error with an excerpt of the offending line; keep it to locate the error in one-line parts.
    else if (findings.length > 0) findings[findings.length - 1]!.message += ` | ${line.trim()}`;
    else findings.push({ part: '(xmllint)', line: 0, message: line });
  }
  return findings;
}

/**
 * Schema findings pptxgenjs 4.0.1 emits that PowerPoint tolerates and that post-processing cannot
 * reasonably remove. Each pattern is tested against the reported `part: line: message` (avoid the g flag).
 */
export const ACCEPTED_XSD_FINDINGS: { pattern: RegExp; reason: string }[] = [];

const VALIDATED_PARTS = /^ppt\/(presentation\.xml|slides\/slide[^/]*\.xml|(slideLayouts|slideMasters|notesSlides|notesMasters|theme)\/[^/]+\.xml)$/;
const CHART_PARTS = /^ppt\/charts\/chart[^/]*\.xml$/;
const NAMESPACE_PREFIXES: [string, string][] = [
  ['{http://schemas.openxmlformats.org/drawingml/2006/chart}', 'c:'],
  ['{http://schemas.openxmlformats.org/drawingml/2006/main}', 'a:'],
  ['{http://schemas.openxmlformats.org/presentationml/2006/main}', 'p:'],
  [`{${REL_NS}}`, 'r:'],
];
const schemaCache = new Map<string, Promise<XMLFileInfo[]>>();

async function loadSchemas(xsdDir: string): Promise<XMLFileInfo[]> {
  const names = (await readdir(xsdDir)).filter((n) => n.endsWith('.xsd'));
  if (!names.includes('pml.xsd')) fail(`${xsdDir} has no pml.xsd`);
  return Promise.all(names.map(async (fileName) => ({ fileName, contents: await readFile(join(xsdDir, fileName), 'utf8') })));
}

export async function xsdProblems(pptx: Pptx, xsdDir: string): Promise<string[]> {
  if (!schemaCache.has(xsdDir)) schemaCache.set(xsdDir, loadSchemas(xsdDir));
  const schemas = await schemaCache.get(xsdDir)!;
  const parts = pptx.partNames.filter((n) => VALIDATED_PARTS.test(n));
  const files = await Promise.all(parts.map(async (name) => ({ name, contents: await pptx.bytes(name) })));
  // pml.xsd imports dml-main.xsd, so a:theme (a global element there) is a valid root under the same entry schema.
  const entry = schemas.find((s) => s.fileName === 'pml.xsd')!;
  const findings = await runXmllint(files, { entry, preload: schemas.filter((s) => s !== entry) });
  // Native charts: their parts have c:chartSpace as root, from dml-chart.xsd.
  const chartParts = pptx.partNames.filter((n) => CHART_PARTS.test(n));
  const chartEntry = schemas.find((s) => s.fileName === 'dml-chart.xsd');
  if (chartParts.length && chartEntry) {
    const charts = await Promise.all(chartParts.map(async (name) => ({ name, contents: await pptx.bytes(name) })));
    findings.push(...(await runXmllint(charts, { entry: chartEntry, preload: schemas.filter((s) => s !== chartEntry) })));
  }
  const counts = new Map<string, number>();
  for (const f of findings) {
    let message = f.message.replace(/^(element \S+: )?Schemas validity error : /, '');
    for (const [ns, prefix] of NAMESPACE_PREFIXES) message = message.split(ns).join(prefix);
    const text = `${f.part}: ${f.line}: ${message}`;
    if (!ACCEPTED_XSD_FINDINGS.some((a) => a.pattern.test(text))) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  // One-line parts repeat the same finding per occurrence; a count keeps reports readable.
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text));
}
