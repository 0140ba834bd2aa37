/** deckgen init: a starter project (outline, schema, logo, how-to) in a folder. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, readdir } from 'node:fs/promises';
import { makeDir } from '../make-dir.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, UsageError } from './args.js';
import { ok } from './output.js';

export const help = `deckgen init [dir] [--force] [--quiet]

Creates a starter project in dir (default: the current folder):
  deck.yaml          a short outline with the main layouts, to edit
  deck.schema.json   the outline's schema, for completion and checking in editors
  assets/logo.png    the logo the outline uses
  HOW-TO.md          how to edit, validate, build and preview the deck

Existing files are never replaced unless --force is given: without it, init lists the files
that are in the way and writes nothing.

Options:
  -f, --force   replace existing files
  -q, --quiet   print nothing on success

Examples:
  deckgen init
  deckgen init q3-briefing`;

/** The package's folder: the nearest one above this module with deckgen's package.json (from dist/ or src/). */
export function packageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'deckgen') return dir;
    if (path.dirname(dir) === dir) throw new Error(`deckgen's package.json not found above ${from}`);
  }
}

interface Starter {
  /** Path in the new project, with forward slashes. */
  target: string;
  /** Absolute path of the file it is copied from. */
  from: string;
  about: string;
}

const ABOUT: Record<string, string> = {
  'deck.yaml': 'the outline: edit this',
  'deck.schema.json': 'its schema, for completion and checking in editors',
  'assets/logo.png': 'the logo on every slide',
  'HOW-TO.md': 'how to edit, validate, build and preview the deck',
};

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), `${prefix}${e.name}/`)));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
  return out;
}

/** Everything init writes: the files in templates/init/, the package's schema and its logo. */
export async function starterFiles(root = packageRoot()): Promise<Starter[]> {
  const templates = path.join(root, 'templates', 'init');
  const lost = [templates, path.join(root, 'deck.schema.json'), path.join(root, 'assets', 'logo.png')].filter((f) => !existsSync(f));
  if (lost.length) throw new Error(`the package is incomplete, ${lost.join(' and ')} ${lost.length === 1 ? 'is' : 'are'} missing (reinstall deckgen)`);
  const files: Starter[] = (await listFiles(templates)).map((target) => ({ target, from: path.join(templates, target), about: '' }));
  files.push({ target: 'deck.schema.json', from: path.join(root, 'deck.schema.json'), about: '' });
  files.push({ target: 'assets/logo.png', from: path.join(root, 'assets', 'logo.png'), about: '' });
  const order = Object.keys(ABOUT);
  const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : order.length);
  return files.map((f) => ({ ...f, about: ABOUT[f.target] ?? '' })).sort((a, b) => rank(a.target) - rank(b.target) || a.target.localeCompare(b.target));
}

/** A folder name as it can be typed into a shell. */
const shellQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function explain(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `cannot write ${file}: permission denied`;
  if (code === 'EISDIR') return `cannot write ${file}: a folder has that name`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `cannot write ${file}: a file is in the way of its folder`;
  if (code === 'ENOSPC') return `cannot write ${file}: no space left on the disk`;
  if (code === 'ENOENT') return `cannot write ${file}: its folder cannot be created there`;
  return `cannot write ${file} (${code ?? (e as Error).message})`;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { force: { type: 'boolean', short: 'f' } });
  const dir = positionals[0] ?? '.';
  let found;
  try {
    found = statSync(dir, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR: part of the path is a file.
    throw new UsageError(`cannot create ${dir}: a file is in the way of its folder; give a folder to create the project in`);
  }
  if (found?.isDirectory() === false) throw new UsageError(`${dir} is a file; give a folder to create the project in`);
  const files = await starterFiles();
  const shown = (f: Starter): string => path.join(dir, f.target);

  const existing = files.filter((f) => existsSync(path.join(dir, f.target)));
  if (existing.length && !values.force) {
    const where = dir === '.' ? 'this folder' : dir;
    process.stderr.write(
      `deckgen: ${where} already has ${existing.map((f) => f.target).join(', ')}; nothing was written. Run "deckgen init${dir === '.' ? '' : ` ${shellQuote(dir)}`} --force" to replace ${existing.length === 1 ? 'it' : 'them'}.\n`,
    );
    return 1;
  }

  for (const f of files) {
    const target = path.join(dir, f.target);
    try {
      makeDir(path.dirname(target));
      await copyFile(f.from, target);
    } catch (e) {
      process.stderr.write(`deckgen: ${explain(e, target)}\n`);
      return 1;
    }
  }

  if (!values.quiet) {
    const replaced = new Set(existing.map((f) => f.target));
    ok(`created a deckgen project in ${dir === '.' ? 'this folder' : dir}:`);
    const pad = Math.max(...files.map((f) => shown(f).length));
    for (const f of files) {
      const about = [f.about, replaced.has(f.target) ? '(replaced)' : ''].filter(Boolean).join(' ');
      process.stdout.write(`  ${about ? shown(f).padEnd(pad + 2) + about : shown(f)}\n`);
    }
    const cd = dir === '.' ? '' : `cd ${shellQuote(dir)} && `;
    // npx finds deckgen only where it is installed; otherwise name the CLI that is running now.
    const installed = existsSync(path.join(dir, 'node_modules', 'deckgen'));
    const run = installed ? 'npx deckgen' : `node ${shellQuote(path.resolve(process.argv[1] ?? 'dist/cli.js'))}`;
    process.stdout.write(`Next: edit ${shown(files[0]!)}, then run: ${cd}${run} build\n`);
  }
  return 0;
}
