// The README's examples are what the tool does: its error example, its check command for a fresh
// clone, and the takeaway rule its layout table states.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TAKEAWAYS } from '../../src/load/layouts.js';
import { deckgen, tempDir } from '../support/cli.js';

const README = readFileSync('README.md', 'utf8');

/** The first fenced block after `marker`. */
function blockAfter(marker: string): string {
  const at = README.indexOf(marker);
  expect(at, marker).toBeGreaterThan(-1);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  return m![1]!;
}

describe('the README', () => {
  it('shows exactly what build prints for its broken outline', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'outline.yaml'), blockAfter('Given this outline:'));
    const expected = blockAfter('`deckgen build outline.yaml` prints the following').replace('/home/you/briefing', dir);
    const r = deckgen(['build', 'outline.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(expected);
  });

  it('gives a check command that works in a fresh clone', () => {
    const command = /^node dist\/cli\.js check test\/fixtures\/check\/port\.yaml .*$/m.exec(README)?.[0];
    expect(command).toBeDefined();
    const r = deckgen(command!.split(' ').slice(2));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(README).not.toMatch(/^deckgen check deck\.yaml --source \.\.\/shared/m);
  });

  it('states the takeaway rule the loader applies', () => {
    expect(MAX_TAKEAWAYS).toBe(4);
    expect(README).toContain('| `chart-text` | `title`, `chart`, `bullets` (1 to 4) | |');
  });
});
