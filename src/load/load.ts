/**
 * load: outline text -> validated Outline, with every problem collected (not just the first) and
 * each one placed at its line and column.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { visit, type Alias, type Document, type LineCounter } from 'yaml';
import { diagnostic, hasErrors, InputError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { formatNumber } from '../figures/format.js';
import { boundProblems } from './bounds.js';
import { findingsFromIssues, type Finding } from './issues.js';
import { readCsv, type CsvCells } from './csv.js';
import { inferLayout, layoutProblems, toSlide, type Slide } from './layouts.js';
import { NO_FONTS, readFonts, type OutlineFonts } from './fonts.js';
import { locator, parseWithPositions, type Position } from './positions.js';
import { slideReferenceProblems, topReferenceProblems } from './references.js';
import { fileRefs, salvage, type FileRef, type Salvaged } from './salvage.js';
import { OutlineInput, type LabelsInput, type Source, type ThemeInput } from './schema.js';
import { MAX_OUTLINE_BYTES, MAX_YAML_ITEMS, tooManyItems } from './limits.js';

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
  /** How charts are written unless a chart says otherwise. */
  charts: 'image' | 'native';
  /** The slides to build: when the outline has problems, only those valid on their own. */
  slides: Slide[];
  /** Every image and CSV file the outline names, checked whether or not their slides are valid. */
  files: FileRef[];
  /** Where the chart data read from CSV files sits in them, by slide index, for `deckgen check`. */
  csvCells: Map<number, CsvCells>;
  /** Whether the slides can be planned (fitted): false when the deck-wide title, footer or fonts are broken. */
  measurable: boolean;
  /** Where a path in the outline sits in the file, for problems found by later stages. */
  locate: (path: readonly PropertyKey[]) => Position;
  /** The font files theme.fonts names, read and measured (empty until loadOutline reads them). */
  fonts: OutlineFonts;
}

/** An outline and every problem found in it; the outline holds only what is valid. */
export interface Loaded {
  outline: Outline;
  problems: Diagnostic[];
}

/** The outline, or an InputError with every problem in it (CSV files included). */
export async function loadOutline(file: string): Promise<Outline> {
  const { outline, problems } = await loadParts(file);
  if (hasErrors(problems)) throw new InputError(problems);
  // What does not stop the deck (a date clamped for the zip) travels with it.
  outline.warnings.push(...problems);
  return outline;
}

/** The outline's valid parts, its CSV data read, and every problem found on the way. */
export async function loadParts(file: string): Promise<Loaded> {
  const loaded = parseParts(await readOutlineText(file), file);
  const csv = await readChartData(loaded.outline);
  // The font files theme.fonts names, read and measured: their problems are the outline's too.
  const fonts: Diagnostic[] = [];
  loaded.outline.fonts = await readFonts(loaded.outline).catch((e: unknown) => {
    if (!(e instanceof InputError)) throw e;
    fonts.push(...e.diagnostics);
    return NO_FONTS;
  });
  // Bounds on the whole deck (text, bullets, cells, charts and points, dates): what is valid is bounded too.
  const bounds = boundProblems(loaded.outline);
  return { outline: loaded.outline, problems: sortDiagnostics([...loaded.problems, ...csv, ...fonts, ...bounds], file) };
}

/**
 * Charts with `data:` get their labels and series from the CSV file it names. Every CSV file the
 * outline names is read, also on slides with other problems; a slide whose CSV fails is left out.
 */
async function readChartData(outline: Outline): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const failed = new Set<number>();
  for (const ref of outline.files) {
    if (ref.kind !== 'csv') continue;
    const data = ref.ref;
    const label = path.relative(process.cwd(), path.resolve(outline.dir, data)) || data;
    const csv = await readCsv(data, outline.dir, label);
    const slide = outline.slides.find((s) => s.index === ref.slide);
    if (csv.data) {
      if (slide && 'chart' in slide) Object.assign(slide.chart, csv.data);
      if (slide && csv.cells) outline.csvCells.set(slide.index, csv.cells);
      continue;
    }
    failed.add(ref.slide!);
    if (csv.diagnostics[0]?.message === 'no such file') problems.push({ ...csv.diagnostics[0], file: outline.file, ...outline.locate(ref.at), message: `CSV file "${data}" not found` });
    else problems.push(...csv.diagnostics);
  }
  if (failed.size) outline.slides = outline.slides.filter((s) => !failed.has(s.index));
  return problems;
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

/** The outline, or an InputError with every problem found in its text. */
export function parseOutline(text: string, file: string): Outline {
  const { outline, problems } = parseParts(text, file);
  if (hasErrors(problems)) throw new InputError(problems);
  return outline;
}

/** The outline's valid parts and every problem in its text; throws only when nothing can be read. */
export function parseParts(text: string, file: string): Loaded {
  const over = tooManyItems(text);
  if (over) {
    throw new InputError([diagnostic(file, 'too-many-items', `the outline has more than ${formatNumber(MAX_YAML_ITEMS)} lines and list items; this is where it passes that`, { ...over, hint: 'an outline is for slides: put bulk data in CSV files under assets/, and split very long decks' })]);
  }
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

function parseChecked(text: string, file: string): Loaded {
  const source = text.replace(/^\uFEFF/, '');
  const { doc, lines } = parseWithPositions(source);
  const { locate, release } = locator(source, { doc, lines });
  const at = (f: Finding): Diagnostic => {
    const pos = locate(f.path, f.atKey);
    return diagnostic(file, 'schema', f.message, { ...pos, ...(f.hint ? { hint: f.hint } : {}) });
  };

  const syntax = yamlProblems(doc, lines, file, source);
  if (hasErrors(syntax)) throw new InputError(syntax);

  const data = toData(doc, lines, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError([diagnostic(file, 'not-a-mapping', 'the outline must be a mapping of keys (title:, slides:, ...)', { hint: 'start with `title: My deck` and a `slides:` list' })]);
  }
  const parsed = OutlineInput.safeParse(data, { reportInput: true });
  // A valid outline is used as parsed; otherwise its valid parts still get every later check.
  const findings: Finding[] = parsed.success ? [] : findingsFromIssues(parsed.error.issues);
  const parts: Salvaged = parsed.success
    ? { top: parsed.data, slides: parsed.data.slides.map((input, index) => ({ input, index })), sourceIds: parsed.data.sources.map((s) => s.id), measurable: true }
    : salvage(data as Record<string, unknown>, parsed.error.issues);
  const o = parts.top;
  // A skipped slide must still be valid YAML and schema (typos show), but may be unfinished.
  const shown = parts.slides.filter((s) => !s.input.skip);
  const topProblems = topReferenceProblems(o);
  findings.push(...topProblems);
  const ids = new Set(parts.sourceIds);
  const usable = shown.filter(({ input, index }) => {
    const own = [...layoutProblems(input, index), ...slideReferenceProblems(input, index, ids)];
    findings.push(...own);
    return own.length === 0;
  });
  // The agenda lists the section slides: with some slides left out it would list the wrong ones.
  const rawCount = Array.isArray((data as { slides?: unknown }).slides) ? (data as { slides: unknown[] }).slides.length : 0;
  const allThere = usable.length === shown.length && parts.slides.length === rawCount;
  const planned = allThere ? usable : usable.filter((s) => inferLayout(s.input) !== 'agenda');
  const problems = byPosition(findings.map(at));

  const meta: Outline['meta'] = { title: o.title, lang: o.lang };
  if (o.subtitle) meta.subtitle = o.subtitle;
  if (o.author) meta.author = o.author;
  if (o.date !== undefined) meta.date = o.date;
  if (o.footer) meta.footer = o.footer;
  const outline: Outline = {
    file,
    warnings: syntax,
    dir: path.dirname(path.resolve(file)),
    meta,
    labels: o.labels ?? {},
    theme: o.theme,
    sources: o.sources,
    sourcesSlide: o.sourcesSlide,
    charts: o.charts,
    slides: planned.map((s) => toSlide(s.input, s.index)),
    files: fileRefs(data),
    csvCells: new Map(),
    // The deck's title, footer and fonts are on every slide: broken, no slide can be planned.
    measurable: parts.measurable && topProblems.length === 0,
    locate,
    fonts: NO_FONTS,
  };
  // Later stages ask for a position only to report a problem: until one does, the document goes.
  release();
  return { outline, problems };
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

const byPosition = (ds: Diagnostic[]): Diagnostic[] => sortDiagnostics(ds);

/**
 * YAML problems: the first on each line, and the same kind at most three times (one unclosed
 * bracket can cause hundreds).
 */
/**
 * Two YAML mistakes the parser names in its own terms, at a place that does not help: a list
 * item indented unlike its neighbours ("a block sequence may not be used as an implicit map key",
 * at column 1), and a quote never closed (reported at the end of the file). Said plainly, at the
 * dash and at the opening quote.
 */
function plainYamlProblem(code: string, raw: string, line: number, text: string): { line: number; column: number; message: string; hint: string } | undefined {
  const all = text.split(/\r?\n/);
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BAD_INDENT') {
    const here = all[line - 1] ?? '';
    const dash = /^( *)- /.exec(here);
    if (!dash) return undefined;
    const indent = dash[1]!.length;
    // The item before it in the same list: the nearest "- " line above, at about the same depth.
    for (let i = line - 2; i >= 0; i--) {
      const other = /^( *)- /.exec(all[i]!);
      if (!other || Math.abs(other[1]!.length - indent) > 2) continue;
      if (other[1]!.length === indent) return undefined;
      return {
        line,
        column: indent + 1,
        message: `this list item is indented ${indent} spaces, the item above it (line ${i + 1}) ${other[1]!.length}`,
        hint: `line the "- " up with the one on line ${i + 1}: ${other[1]!.length} spaces before it`,
      };
    }
    return undefined;
  }
  const quote = /^Missing closing (["'])quote/.exec(raw)?.[1];
  if (code === 'MISSING_CHAR' && quote) {
    // The first line with an odd number of that quote (a doubled '' or an escaped \" is text) opens it.
    for (let i = 0; i < Math.min(all.length, line); i++) {
      const content = (all[i] ?? '').replace(quote === '"' ? /\\./g : /''/g, '');
      const at = [...content.matchAll(new RegExp(quote, 'g'))];
      if (at.length % 2 === 1) {
        const column = (all[i] ?? '').lastIndexOf(quote) + 1;
        return { line: i + 1, column, message: `this ${quote === '"' ? 'double' : 'single'}-quoted text is never closed`, hint: `end it with ${quote} on the same line` };
      }
    }
  }
  return undefined;
}

function yamlProblems(doc: Document, lines: LineCounter, file: string, text: string): Diagnostic[] {
  const all = [...doc.errors, ...doc.warnings];
  const seen = new Map<string, number>();
  // One mistake makes the parser report several problems on its line: the first says what it is.
  const lineSeen = new Set<number>();
  let capped = 0;
  const kept = all.filter((e) => {
    const line = lines.linePos(e.pos[0]).line;
    if (lineSeen.has(line)) return false;
    lineSeen.add(line);
    const n = (seen.get(e.code) ?? 0) + 1;
    seen.set(e.code, n);
    if (n > 3) capped++;
    return n <= 3;
  });
  const found = kept.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const raw = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const plain = plainYamlProblem(e.code, raw, pos.line, text);
    if (plain) return diagnostic(file, `yaml-${e.code.toLowerCase()}`, plain.message, { line: plain.line, column: plain.column, hint: plain.hint });
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
  if (capped) {
    found.push(diagnostic(file, 'yaml-more', `and ${capped} more YAML problems like these`, { hint: 'fix the first one; the rest often follow from it' }));
  }
  return found;
}

