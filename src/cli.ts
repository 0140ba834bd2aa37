/** The deckgen command: picks the command, runs it, and turns failures into messages and exit codes. */
import { readFileSync } from 'node:fs';
import './no-system-fonts.js';
import { UsageError } from './cli/args.js';
import { didYouMean } from './load/suggest.js';
import { problemCount, report } from './cli/output.js';
import { EXIT, InputError } from './diagnostics.js';
import { closeUnclaimed } from './render/early.js';
import { commandStarted, timingsOn, timingsReport } from './timings.js';
import { config as zodConfig } from 'zod/v4/core';

// zod compiles a fast parser for each object schema on first use, which pays off only past a few
// hundred slides: validating a 12-slide outline takes 11 ms without that and 15 with, 100 slides
// 13 ms against 30, 1,000 slides 97 against 89. Set for the CLI's process only, not for programs
// that use deckgen as a library (it is zod's global setting).
zodConfig({ jitless: true });

interface Command {
  help: string;
  run(argv: string[]): Promise<number>;
}

/** Each command's module loads only when it runs, so --help answers at once. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: () => import('./cli/build.js'),
  validate: () => import('./cli/validate.js'),
  check: () => import('./cli/check.js'),
  watch: () => import('./cli/watch.js'),
  preview: () => import('./cli/preview.js'),
  init: () => import('./cli/init.js'),
  template: () => import('./cli/template.js'),
};

const USAGE = `deckgen: turn a YAML outline into a PowerPoint briefing deck

Usage:
  deckgen build [outline] [--out FILE]    build the deck (default: deck.yaml -> output/deck.pptx)
  deckgen validate [outline] [--json]     report every problem without building
  deckgen check [outline] --source FILE   check every figure against its cited source
  deckgen watch [outline] [--out FILE]    build, then rebuild on every save (npm run dev)
  deckgen preview [outline] [--out DIR]   PDF, slide PNGs and a contact sheet (needs LibreOffice)
  deckgen init [dir] [--force]            start a project: starter deck.yaml, schema, logo, how-to
  deckgen template FILE                   what deckgen reads from a .potx/.pptx, and its layout choices
  deckgen <command> --help                help for one command
  deckgen --version                       the version

Exit codes: 0 done, 1 invalid input (the messages say where and how to fix it), 2 internal error.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Whether the command writes files, so a failure can say that nothing was written. */
let writes = true;

async function main(argv: string[]): Promise<number> {
  commandStarted();
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') return process.stdout.write(`${version()}\n`), EXIT.ok;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return process.stdout.write(`${USAGE}\n`), EXIT.ok;
  // A first argument that is an option or a file means "build".
  const name = first.startsWith('-') || !/^[a-z]+$/.test(first) ? 'build' : first;
  const args = name === first ? rest : argv;
  const load = COMMANDS[name];
  if (!load) {
    const guess = didYouMean(name, Object.keys(COMMANDS));
    throw new UsageError(`unknown command "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  writes = name !== 'validate' && name !== 'check';
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) return process.stdout.write(`${command.help}\n`), EXIT.ok;
  return command.run(args);
}

// No SIGINT or SIGTERM handler here: a signal stops a build at once, even in the middle of a long
// computation. Only while a deck is being written does write.ts handle them, to remove its temp file.
main(process.argv.slice(2))
  .finally(closeUnclaimed)
  .finally(() => {
    if (timingsOn()) process.stderr.write(timingsReport());
  })
  .then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`deckgen: ${e.message}\nRun "deckgen --help" for usage.\n`);
      process.exitCode = EXIT.invalidInput;
    } else if (e instanceof InputError) {
      report(e.diagnostics);
      process.stderr.write(`${problemCount(e.diagnostics)}${writes ? '; nothing was written' : ''}.\n`);
      process.exitCode = EXIT.invalidInput;
    } else {
      const detail = process.env.DECKGEN_DEBUG ? `\n${(e as Error).stack ?? String(e)}` : '';
      process.stderr.write(`deckgen: internal error: ${(e as Error)?.message ?? String(e)}${detail}\nThis is a bug in deckgen; set DECKGEN_DEBUG=1 for details.\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
