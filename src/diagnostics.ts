/**
 * Problems are data, not console output: every stage reports them in this one shape so the CLI,
 * `--json` consumers and tests all see the same thing.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  hint?: string;
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, invalidInput: 1, internal: 2 } as const;

/** Thrown when the user's input (outline, assets, paths) is at fault; carries every problem found. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

export function diagnostic(
  file: string,
  code: string,
  message: string,
  at: { line?: number; column?: number; hint?: string; severity?: Severity } = {},
): Diagnostic {
  const d: Diagnostic = {
    code,
    severity: at.severity ?? 'error',
    message,
    file,
    line: at.line ?? 1,
    column: at.column ?? 1,
  };
  if (at.hint) d.hint = at.hint;
  return d;
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** The outline's problems by line and column, then those of other files (CSV data), file by file. */
export function sortDiagnostics(ds: readonly Diagnostic[], outline = ds[0]?.file): Diagnostic[] {
  const rank = (d: Diagnostic): number => (d.file === outline ? 0 : 1);
  return [...ds].sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}
