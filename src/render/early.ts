/**
 * A render worker started by the launcher (src/launch.ts) before the CLI itself is compiled and
 * run, so the worker's start-up (~150 ms, mostly the canvas's font set-up) overlaps the CLI's.
 * The launcher guesses the outline from the arguments; the command takes the renderer only if
 * the guess matches what it parsed, and otherwise closes it and starts its own.
 */
import path from 'node:path';
import { startRenderer, type Renderer } from './renderer.js';

const KEY = Symbol.for('deckgen.early-renderer');

interface Early {
  renderer: Renderer;
  outline: string;
  cache: boolean;
}

type Holder = { [KEY]?: Early };

/** Commands that draw, and the options among theirs that take a value. */
const DRAWING = new Set(['build', 'watch', 'preview']);
const WITH_VALUE = new Set(['-o', '--out', '--source']);

/** The launcher's guess: the command's outline, the way the commands read their arguments. */
export function guessOutline(argv: readonly string[]): { command: string; outline: string; cache: boolean } | undefined {
  const [first = 'build', ...rest] = argv;
  if (['--version', '-v', '--help', '-h', 'help'].includes(first)) return undefined;
  const named = /^[a-z]+$/.test(first);
  const command = named ? first : 'build';
  const args = named ? rest : argv;
  if (!DRAWING.has(command) || args.includes('--help') || args.includes('-h')) return undefined;
  let outline: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) {
      outline ??= a;
    }
  }
  return { command, outline: outline ?? 'deck.yaml', cache: !args.includes('--no-cache') };
}

export function startEarly(argv: readonly string[]): void {
  const guess = guessOutline(argv);
  if (!guess) return;
  (globalThis as Holder)[KEY] = { renderer: startRenderer({ cache: guess.cache, outline: guess.outline }), outline: guess.outline, cache: guess.cache };
}

/** The early renderer if it was started for this outline and cache setting; else a new one. */
/** The early renderer, if there is one, handed over once. */
function take(): Early | undefined {
  const holder = globalThis as Holder;
  const early = holder[KEY];
  delete holder[KEY];
  return early;
}

export function rendererFor(outline: string, cache: boolean): Renderer {
  const early = take();
  if (early && path.resolve(early.outline) === path.resolve(outline) && early.cache === cache) return early.renderer;
  void early?.renderer.close();
  return startRenderer({ cache, outline });
}

/**
 * Closes the early renderer if no command took it (a usage error, preview without LibreOffice).
 * A process must not end with the worker still starting: exiting while the canvas loads in it
 * hangs Node.
 */
export async function closeUnclaimed(): Promise<void> {
  await take()?.renderer.close();
}
