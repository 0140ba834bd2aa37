// Runs the compiled CLI as a user would, in a folder of the test's choosing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CLI = path.resolve('dist/cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function deckgen(args: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Run {
  // A hang fails the test (signal SIGTERM, code null) instead of stopping the whole run.
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'deckgen-'));
