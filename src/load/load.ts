/**
 * load: outline text -> validated Outline, with every problem collected (not just the first) and
 * each one placed at its line and column.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import { diagnostic, hasErrors, InputError, type Diagnostic } from '../diagnostics.js';
import { evaluate, FormulaError, inlineDerivedProblems } from '../figures/derive.js';
import { findingsFromIssues, type Finding } from './issues.js';
import { readCsv } from './csv.js';
import { NO_FONTS, readFonts, type OutlineFonts } from './fonts.js';
import { layoutProblems, toSlide, type Slide } from './layouts.js';
import { positionOf, type Position } from './positions.js';
import { OutlineInput, SlideInput, type LabelsInput, type Source, type ThemeInput } from './schema.js';
import { MAX_OUTLINE_BYTES } from './limits.js';

export interface Outline {
  /** The outline's path as the user gave it, for messages. */
  file: string;
  /** Problems that do not stop the build (YAML warnings). */
  warnings: Diagnostic[];
  /** Folder that asset paths are relative to. */
  dir: string;
  meta: { title: string; subtitle?: string; author?: string; date?: string; footer?: string; lang: string };
  /** The outline's own words for what deckgen writes ("Source", "Agenda"...). */
  labels: LabelsInput;
  theme: ThemeInput;
  sources: Source[];
  sourcesSlide: boolean;
  slides: Slide[];
  /** Where a path in the outline sits in the file, for problems found by later stages. */
  locate: (path: readonly PropertyKey[]) => Position;
  /** The font files theme.fonts names, read and measured (empty until loadOutline reads them). */
  fonts: OutlineFonts;
}


export async function loadOutline(file: string): Promise<Outline> {
  const outline = parseOutline(await readOutlineText(file), file);
  await readChartData(outline);
  outline.fonts = await readFonts(outline);
  return outline;
}

/** Charts with `data:` get their labels and series from the CSV file it names. */
async function readChartData(outline: Outline): Promise<void> {
  const problems: Diagnostic[] = [];
  for (const slide of outline.slides) {
    if (slide.layout !== 'chart' && slide.layout !== 'chart-text') continue;
    const data = (slide.chart as { data?: string }).data;
    if (data === undefined) continue;
    const label = path.relative(process.cwd(), path.resolve(outline.dir, data)) || data;
    const csv = await readCsv(data, outline.dir, label);
    if (csv.data) Object.assign(slide.chart, csv.data);
    else if (csv.diagnostics[0]?.message === 'no such file') problems.push({ ...csv.diagnostics[0], file: outline.file, ...outline.locate(['slides', slide.index, 'chart', 'data']), message: `CSV file "${data}" not found` });
    else problems.push(...csv.diagnostics);
  }
  if (problems.length) throw new InputError(problems);
}

export async function readOutlineText(file: string): Promise<string> {
  const fail = (code: string, message: string, hint: string): never => {
    throw new InputError([diagnostic(file, code, message, { hint })]);
  };
  const info = await stat(file).catch(() => undefined);
  if (!info) return fail('file-missing', 'no such file', 'check the path, or run `deckgen init` to start an outline');
  if (info.isDirectory()) return fail('file-is-directory', 'this is a folder, not an outline file', `give the YAML file inside it, e.g. ${path.join(file, 'deck.yaml')}`);
  // Devices and pipes report size 0 and never end: /dev/zero would be read until memory ran out.
  if (!info.isFile()) return fail('not-a-file', 'this is not a regular file', 'give the path of a YAML outline');
  // Far beyond any real outline; parsing it would only burn memory and time.
  if (info.size > MAX_OUTLINE_BYTES) fail('file-too-large', `the outline is ${(info.size / 1024 / 1024).toFixed(0)} MB; an outline is at most ${MAX_OUTLINE_BYTES / 1024 / 1024} MB`, 'is this the right file? Put bulk data in CSV files under assets/');
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not-utf8', 'the file is not UTF-8 text', 'save the outline as UTF-8 (every editor offers it)');
  }
  if (text.trim() === '') fail('file-empty', 'the outline is empty', 'an outline needs at least `title:` and `slides:`');
  return text;
}

export function parseOutline(text: string, file: string): Outline {
  try {
    return parseChecked(text, file);
  } catch (e) {
    // The YAML parser and the validator recurse: thousands of nested levels exhaust the stack.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new InputError([diagnostic(file, 'too-deep', 'the outline nests too deeply to read', { hint: 'an outline needs a few levels of nesting; look for unclosed [ or { brackets' })]);
    }
    throw e;
  }
}

function parseChecked(text: string, file: string): Outline {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = (p: readonly PropertyKey[], key = false): Position => positionOf(doc, lines, p as (string | number)[], key);
  const at = (f: Finding): Diagnostic => {
    const pos = locate(f.path, f.atKey);
    return diagnostic(file, 'schema', f.message, { ...pos, ...(f.hint ? { hint: f.hint } : {}) });
  };

  const syntax = yamlProblems(doc, lines, file);
  if (hasErrors(syntax)) throw new InputError(syntax);

  const data = toData(doc, lines, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError([diagnostic(file, 'not-a-mapping', 'the outline must be a mapping of keys (title:, slides:, ...)', { hint: 'start with `title: My deck` and a `slides:` list' })]);
  }
  const parsed = OutlineInput.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // Report everything in one go: layout problems of the slides that are valid on their own too.
    const findings = findingsFromIssues(parsed.error.issues);
    const raw = (data as { slides?: unknown }).slides;
    if (Array.isArray(raw)) {
      raw.forEach((s, i) => {
        const slide = SlideInput.safeParse(s);
        if (slide.success && !slide.data.skip) findings.push(...layoutProblems(slide.data, i));
      });
    }
    throw new InputError(byPosition(findings.map(at)));
  }

  const o = parsed.data;
  // A skipped slide must still be valid YAML and schema (typos show), but may be unfinished.
  const findings: Finding[] = o.slides.flatMap((s, i) => (s.skip ? [] : layoutProblems(s, i)));
  findings.push(...referenceProblems(o));
  const problems = byPosition(findings.map(at));
  if (hasErrors(problems)) throw new InputError(problems);

  const meta: Outline['meta'] = { title: o.title, lang: o.lang };
  if (o.subtitle) meta.subtitle = o.subtitle;
  if (o.author) meta.author = o.author;
  if (o.date !== undefined) meta.date = o.date;
  if (o.footer) meta.footer = o.footer;
  return {
    file,
    warnings: syntax,
    dir: path.dirname(path.resolve(file)),
    meta,
    labels: o.labels ?? {},
    theme: o.theme,
    sources: o.sources,
    sourcesSlide: o.sourcesSlide,
    slides: o.slides.map(toSlide).filter((_, i) => !o.slides[i]!.skip),
    locate,
    fonts: NO_FONTS,
  };
}

/** The document as plain data; aliases that point nowhere or expand without end are reported. */
function toData(doc: Document, lines: LineCounter, file: string): unknown {
  try {
    // yaml's default alias budget (100) stops "billion laughs" documents long before memory does.
    return doc.toJS();
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_key, node) => void aliases.push(node) });
    const unresolved = aliases.filter((a) => a.resolve(doc) === undefined);
    const at = (a: Alias | undefined): { line: number; column: number } => {
      const pos = lines.linePos(a?.range?.[0] ?? 0);
      return { line: pos.line, column: pos.col };
    };
    if (unresolved.length) {
      throw new InputError(unresolved.map((a) => diagnostic(file, 'yaml-alias', `alias *${a.source} has no anchor &${a.source} before it`, { ...at(a), hint: 'define the anchor (&name) before using *name, or write the value out' })));
    }
    throw new InputError([diagnostic(file, 'yaml-alias-bomb', 'the aliases in this outline expand to too much data', { ...at(aliases[0]), hint: 'write the values out instead of nesting aliases of aliases' })]);
  }
}

const byPosition = (ds: Diagnostic[]): Diagnostic[] => [...ds].sort((a, b) => a.line - b.line || a.column - b.column);

/** YAML problems, the same message at most three times: one unclosed bracket can cause hundreds. */
function yamlProblems(doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const all = [...doc.errors, ...doc.warnings];
  const seen = new Map<string, number>();
  const exact = new Set<string>();
  const kept = all.filter((e) => {
    const key = `${e.pos[0]}|${e.message}`;
    if (exact.has(key)) return false;
    exact.add(key);
    const n = (seen.get(e.code) ?? 0) + 1;
    seen.set(e.code, n);
    return n <= 3;
  });
  const found = kept.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const raw = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The parser recurses per level and reports running out of stack as an ordinary error.
    const tooDeep = /call stack/i.test(raw);
    const message = tooDeep ? 'the outline nests too deeply to read' : raw;
    const hint = tooDeep
      ? 'an outline needs a few levels of nesting; look for unclosed or repeated [ or { brackets'
      : e.code === 'DUPLICATE_KEY'
        ? 'each key may appear once in a mapping; remove or rename the repeated one'
        : e.code === 'TAB_AS_INDENT'
          ? 'indent with spaces, not tabs'
          : 'check the indentation and quoting on this line; a value with ": " or "#" needs quotes';
    return diagnostic(file, `yaml-${e.code.toLowerCase()}`, message, {
      line: pos.line,
      column: pos.col,
      hint,
      severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
    });
  });
  if (kept.length < all.length) {
    found.push(diagnostic(file, 'yaml-more', `and ${all.length - kept.length} more YAML problems like these`, { hint: 'fix the first one; the rest often follow from it' }));
  }
  return found;
}

/** Source ids that resolve, and derived formulas that compute. */
function referenceProblems(o: OutlineInput): Finding[] {
  const ids = new Set(o.sources.map((s) => s.id));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  o.sources.forEach((s, i) => {
    if (seen.has(s.id)) findings.push({ path: ['sources', i, 'id'], message: `source id "${s.id}" is used twice`, hint: 'give each source its own id' });
    seen.add(s.id);
  });
  const walk = (value: unknown, p: PropertyKey[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...p, i]));
    if (typeof value === 'string') {
      for (const message of inlineDerivedProblems(value)) findings.push({ path: p, message, hint: 'write {{ 4.1433 / 20 | 0.0% }}: numbers, + - * / ( ), then a format' });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source' && p[0] === 'slides') {
        const id = typeof v === 'string' ? v : (v as { id: string }).id;
        if (!ids.has(id)) {
          findings.push({
            path: [...p, key],
            message: `unknown source "${id}"`,
            hint: ids.size ? `sources defined: ${[...ids].join(', ')}` : 'add it under `sources:` at the top of the outline',
          });
        }
      } else if (key === 'derived' && v && typeof v === 'object') {
        try {
          const n = evaluate((v as { formula: string }).formula);
          if (!Number.isFinite(n)) throw new FormulaError('the result is not a finite number');
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
          findings.push({ path: [...p, key, 'formula'], message: `formula does not compute: ${e.message}`, hint: 'e.g. formula: "4.1433 / 20"' });
        }
      } else {
        walk(v, [...p, key]);
      }
    }
  };
  walk(o, []);
  return findings;
}
