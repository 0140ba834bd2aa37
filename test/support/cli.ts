// Runs the compiled CLI as a user would, in a folder of the test's choosing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** The command as npm runs it (package.json's bin and scripts); dist/cli.js runs the same one. */
export const CLI = path.resolve('dist/cli.cjs');

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

const remove = (dir: string): void => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
const made: string[] = [];
// Folders made outside a test (in beforeAll) go when the file's tests are done.
afterAll(() => made.splice(0).forEach(remove));

/** A fresh folder, removed when the test that made it finishes, passed or failed. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deckgen-'));
  try {
    onTestFinished(() => remove(dir));
  } catch {
    made.push(dir);
  }
  return dir;
}
