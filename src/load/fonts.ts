/**
 * theme.fonts: the outline's own font files, read before planning so planning stays pure. Each file
 * must lie inside the outline's folder (like images and CSV data) and be a TrueType, OpenType,
 * WOFF or WOFF2 font; its advance widths become the table the plan measures that font with.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import { fontKey } from '../font-twins.js';
import type { FontBook } from '../plan/metrics/advance.js';
import type { AdvanceTable, Face } from '../plan/metrics/ranges.js';
import { faceTable } from './font-table.js';
import type { Outline } from './load.js';
import type { FontFiles } from './schema.js';
import { fontWidths, FontFileError, type FontWidths } from './sfnt.js';

/** A CJK font with every weight runs to 20-30 MB; nothing a deck needs is larger. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;
/** Renderers embolden a font that has no bold face: its letters widen by a few percent. */
const SYNTHETIC_BOLD = 1.05;

export interface FontFile {
  /** The font's name as the outline writes it. */
  name: string;
  path: string;
  sha256: string;
}

export interface OutlineFonts {
  /** Advance tables by fontKey of the font's name. */
  book: FontBook;
  /** Every file, for drawing charts with them. */
  files: readonly FontFile[];
}

export const NO_FONTS: OutlineFonts = { book: new Map(), files: [] };

async function readFace(outline: Outline, name: string, ref: string, at: readonly PropertyKey[]): Promise<{ widths: FontWidths; file: FontFile } | Diagnostic> {
  const fail = (message: string, hint: string): Diagnostic => diagnostic(outline.file, 'font-file', message, { ...outline.locate(at), hint });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return fail(`"${ref}" is a URL; deckgen never fetches from the network`, 'download the font into assets/ and give its path');
  const root = await realpath(outline.dir);
  const real = await realpath(path.resolve(outline.dir, ref)).catch(() => undefined);
  if (!real) return fail(`font file "${ref}" not found`, `paths are relative to the outline's folder (${outline.dir})`);
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return fail(`font file "${ref}" lies outside the outline's folder`, "copy it into the outline's assets/ folder");
  const info = await stat(real);
  if (!info.isFile()) return fail(`"${ref}" is not a file`, 'give the path of a .ttf, .otf, .woff or .woff2 font file');
  if (info.size > MAX_FONT_BYTES) return fail(`font file "${ref}" is ${(info.size / 1024 / 1024).toFixed(0)} MB, larger than any font a deck needs`, 'give a file with only the faces the deck uses');
  const bytes = new Uint8Array(await readFile(real));
  try {
    const widths = fontWidths(bytes);
    return { widths, file: { name, path: real, sha256: createHash('sha256').update(bytes).digest('hex') } };
  } catch (e) {
    if (!(e instanceof FontFileError)) throw e;
    return fail(`font file "${ref}" cannot be read: ${e.message}`, 'give a TrueType (.ttf), OpenType (.otf), WOFF or WOFF2 font file');
  }
}

const widen = (rows: number[][], by: number): number[][] => rows.map((row) => row.map((w) => (w < 0 ? w : Math.ceil(w * by))));

/** Reads every font file in theme.fonts; throws InputError with every problem found. */
export async function readFonts(outline: Outline): Promise<OutlineFonts> {
  const fonts = outline.theme.fonts;
  if (!fonts) return NO_FONTS;
  const book = new Map<string, AdvanceTable>();
  const files: FontFile[] = [];
  const problems: Diagnostic[] = [];
  for (const [name, given] of Object.entries(fonts)) {
    const refs: Partial<Record<Face, string>> = typeof given === 'string' ? { regular: given } : (given as Exclude<FontFiles, string>);
    const faces: Partial<Record<Face, number[][]>> = {};
    for (const [face, ref] of Object.entries(refs) as [Face, string | undefined][]) {
      if (ref === undefined) continue;
      const at = ['theme', 'fonts', name, ...(typeof given === 'string' ? [] : [face])];
      const read = await readFace(outline, name, ref, at);
      if ('code' in read) problems.push(read);
      else {
        faces[face] = faceTable([read.widths]);
        files.push(read.file);
      }
    }
    const regular = faces.regular;
    if (!regular) continue;
    const bold = faces.bold ?? widen(regular, SYNTHETIC_BOLD);
    book.set(fontKey(name), { regular, bold, italic: faces.italic ?? regular, boldItalic: faces.boldItalic ?? faces.bold ?? widen(faces.italic ?? regular, SYNTHETIC_BOLD) });
  }
  if (problems.length) throw new InputError(problems);
  return { book, files };
}
