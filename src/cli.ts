#!/usr/bin/env node
/** The deckgen command: parses arguments, calls the library, prints problems and one summary line. */
import { readFileSync, unlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import './no-system-fonts.js';
import { EXIT, formatDiagnostic, InputError, type Diagnostic } from './diagnostics.js';
import { pendingTempFiles } from './write/write.js';

const USAGE = `deckgen: turn a YAML outline into a PowerPoint briefing deck

Usage:
  deckgen build [outline] [--out FILE]   build the deck (default outline: deck.yaml,
                                         default output: output/<outline name>.pptx)
  deckgen --help | -h                    this help
  deckgen --version | -v                 the version

Options:
  -o, --out FILE   where to write the .pptx
  -q, --quiet      print nothing on success

Examples:
  deckgen build
  deckgen build talks/q3.yaml --out dist/q3.pptx
  npm run build -- talks/q3.yaml

Exit codes: 0 built, 1 invalid input (the messages say where and how to fix it), 2 internal error.`;

const colour = process.stderr.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const paint = (code: string, s: string): string => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function report(ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    const line = formatDiagnostic(d).replace(/ (error|warning): /, (_m, sev: string) => ` ${paint(sev === 'error' ? '31;1' : '33;1', sev)}: `);
    process.stderr.write(`${line}\n`);
  }
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    process.stderr.write(`deckgen: ${(e as Error).message}\nRun "deckgen --help" for usage.\n`);
    return EXIT.invalidInput;
  }
  const { values, positionals } = args;
  if (values.help) return process.stdout.write(`${USAGE}\n`), EXIT.ok;
  if (values.version) return process.stdout.write(`${version()}\n`), EXIT.ok;
  const [command = 'build', ...rest] = positionals;
  if (command !== 'build') {
    process.stderr.write(`deckgen: unknown command "${command}"\nRun "deckgen --help" for usage.\n`);
    return EXIT.invalidInput;
  }
  if (rest.length > 1) {
    process.stderr.write(`deckgen: build takes one outline, got ${rest.length}: ${rest.join(' ')}\n`);
    return EXIT.invalidInput;
  }
  // The render worker starts before the pipeline's modules load, so the two overlap on two cores;
  // the pipeline is loaded only for a build, so --help and --version answer at once.
  const { startRenderer } = await import('./render/renderer.js');
  const renderer = startRenderer();
  const { buildDeck } = await import('./build.js');
  const result = await buildDeck(rest[0] ?? 'deck.yaml', values.out, { renderer }).finally(() => renderer.close());
  report(result.warnings);
  if (!values.quiet) {
    const slides = result.deck.slides.length;
    const line = `${paint('32;1', '✓')} ${result.out}: ${slides} slides, ${result.charts} charts, ${kb(result.bytes.length)}, ${(result.ms / 1000).toFixed(2)} s`;
    process.stdout.write(`${line}\n`);
  }
  return EXIT.ok;
}

function cleanUpAndExit(code: number): never {
  for (const temp of pendingTempFiles()) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place or never created: nothing to remove.
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => cleanUpAndExit(130));
process.on('SIGTERM', () => cleanUpAndExit(143));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InputError) {
      report(e.diagnostics);
      const n = e.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`${n} problem${n === 1 ? '' : 's'}; nothing was written.\n`);
      process.exitCode = EXIT.invalidInput;
      return;
    }
    const detail = process.env.DECKGEN_DEBUG ? `\n${(e as Error).stack ?? String(e)}` : '';
    process.stderr.write(`deckgen: internal error: ${(e as Error)?.message ?? String(e)}${detail}\nThis is a bug in deckgen; set DECKGEN_DEBUG=1 for details.\n`);
    process.exitCode = EXIT.internal;
  },
);
