/** deckgen init: a starter project (outline, schema, logo, how-to) in a folder. */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { makeDir } from '../make-dir.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, UsageError } from './args.js';
import { ok } from './output.js';

export const help = `deckgen init [dir] [--force] [--quiet]

Creates a starter project in dir (default: the current folder):
  deck.yaml          a short outline with the main layouts, to edit
  deck.schema.json   the outline's schema, for completion and checking in editors
  assets/logo.png    a placeholder logo the outline uses; replace it with yours
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
  'assets/logo.png': 'a placeholder logo for every slide: replace it with yours',
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

/** Everything init writes: the files in templates/init/ (outline, how-to, a neutral logo) and the package's schema. */
export async function starterFiles(root = packageRoot()): Promise<Starter[]> {
  const templates = path.join(root, 'templates', 'init');
  const lost = [templates, path.join(root, 'deck.schema.json')].filter((f) => !existsSync(f));
  if (lost.length) throw new Error(`the package is incomplete, ${lost.join(' and ')} ${lost.length === 1 ? 'is' : 'are'} missing (reinstall deckgen)`);
  const files: Starter[] = (await listFiles(templates)).map((target) => ({ target, from: path.join(templates, target), about: '' }));
  files.push({ target: 'deck.schema.json', from: path.join(root, 'deck.schema.json'), about: '' });
  const order = Object.keys(ABOUT);
  const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : order.length);
  return files.map((f) => ({ ...f, about: ABOUT[f.target] ?? '' })).sort((a, b) => rank(a.target) - rank(b.target) || a.target.localeCompare(b.target));
}

/** Where the starter files say how to run deckgen; init writes the command that works here. */
const COMMAND = '{{deckgen}}';

/**
 * The command that runs this deckgen from `dir`: \`npx deckgen\` where it is a dependency of the
 * project, \`deckgen\` where the one on the PATH is this one (npm install -g <path>, npm link),
 * else node and the path of the CLI running now. Never a bare \`npx deckgen\` that would ask the
 * npm registry for a package of that name.
 */
export function commandFor(dir: string, cli = process.argv[1] ?? 'dist/cli.cjs', env: NodeJS.ProcessEnv = process.env): string {
  const real = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const self = real(cli) ?? path.resolve(cli);
  // The command is dist/cli.cjs; dist/cli.js runs it for `node dist/cli.js`.
  if (['cli.cjs', 'cli.js'].some((f) => real(path.join(dir, 'node_modules', 'deckgen', 'dist', f)) === self)) return 'npx deckgen';
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (real(path.join(folder, process.platform === 'win32' ? 'deckgen.cmd' : 'deckgen')) === self) return 'deckgen';
  }
  return `node ${shellQuote(self)}`;
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
  const command = commandFor(dir);
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
      // The outline's comments and the how-to name the command that runs deckgen as installed here.
      if (/\.(md|yaml)$/.test(f.target)) await writeFile(target, (await readFile(f.from, 'utf8')).replaceAll(COMMAND, command));
      else await copyFile(f.from, target);
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
    process.stdout.write(`Next: edit ${shown(files[0]!)}, then run: ${cd}${command} build\n`);
  }
  return 0;
}
