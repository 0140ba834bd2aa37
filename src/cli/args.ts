/** Argument parsing for every command: node's parseArgs, with errors as plain usage messages. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../load/suggest.js';

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON: Options = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
};

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: Options, maxPositionals = 1): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const names = Object.keys({ ...COMMON, ...options }).map((o) => `--${o}`);
      const guess = didYouMean(unknown, names);
      throw new UsageError(`unknown option ${unknown}${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    throw new UsageError(message.split('. ')[0]!);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`expected at most ${maxPositionals} argument${maxPositionals === 1 ? '' : 's'}, got: ${parsed.positionals.join(' ')}`);
  }
  return parsed;
}

/**
 * `--out` for a deck: "deck4" becomes "deck4.pptx", as PowerPoint needs the extension to open it.
 * A folder (an existing one, or a path ending in "/") is left for the writer to refuse.
 */
export function deckOut(value: string | boolean | (string | boolean)[] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Only a name that does not exist yet gets ".pptx": an existing path (a folder, a device) is
  // taken as given, so the write step can say why it cannot be written there.
  if (/[/\\]$/.test(value) || path.extname(value) !== '' || statSync(value, { throwIfNoEntry: false })) return value;
  return `${value}.pptx`;
}
