/** How the CLI talks: colour only on a terminal and never with NO_COLOR, problems on stderr. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export interface Output {
  quiet: boolean;
  json: boolean;
}

const colour = (stream: NodeJS.WriteStream): boolean => !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

export function paint(code: string, s: string, stream: NodeJS.WriteStream = process.stderr): string {
  return colour(stream) ? `\x1b[${code}m${s}\x1b[0m` : s;
}

export function report(ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    const line = formatDiagnostic(d).replace(/ (error|warning): /, (_m, sev: string) => ` ${paint(sev === 'error' ? '31;1' : '33;1', sev)}: `);
    process.stderr.write(`${line}\n`);
  }
}

export function problemCount(ds: readonly Diagnostic[]): string {
  const n = ds.filter((d) => d.severity === 'error').length;
  return `${n} problem${n === 1 ? '' : 's'}`;
}

export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export const ok = (line: string): void => void process.stdout.write(`${paint('32;1', '✓', process.stdout)} ${line}\n`);

/** The one line build and watch print for a deck written: where, slides, charts, size and time. */
export function summary(result: { out: string; deck: { slides: readonly unknown[] }; charts: number; bytes: Uint8Array; ms: number }): string {
  return `${result.out}: ${count(result.deck.slides.length, 'slide')}, ${count(result.charts, 'chart')}, ${size(result.bytes.length)}, ${(result.ms / 1000).toFixed(2)} s`;
}
