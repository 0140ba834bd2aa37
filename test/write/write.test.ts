// The write stage: never over an input, never over anything but a regular file, a temp name that
// fits any target name, and nothing left behind.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { writeDeck } from '../../src/write/write.js';
import { tempDir } from '../support/cli.js';

async function refusal(out: string, inputs: string[] = []): Promise<string | undefined> {
  try {
    await writeDeck(out, Buffer.from('deck'), inputs);
    return undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics[0]!.message;
  }
}

const posix = process.platform !== 'win32';

describe('writeDeck', () => {
  it('never writes over an input reached through a link to its folder', async (ctx) => {
    ctx.skip(!posix, 'needs POSIX links, FIFOs and devices (not Windows)');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), 'title: T\n');
    symlinkSync('.', path.join(dir, 'sub'));
    expect(await refusal(path.join(dir, 'sub/deck.yaml'), [path.join(dir, 'deck.yaml')])).toMatch(/would overwrite the outline itself/);
    expect(await refusal(path.join(dir, 'sub/sub/./deck.yaml'), [path.join(dir, 'deck.yaml')])).toMatch(/would overwrite the outline itself/);
    expect(readFileSync(path.join(dir, 'deck.yaml'), 'utf8')).toBe('title: T\n');
  });

  it('never writes over an input reached through a link to the file itself, or any image or CSV', async (ctx) => {
    ctx.skip(!posix, 'needs POSIX links, FIFOs and devices (not Windows)');
    const dir = tempDir();
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets/data.csv'), 'a,b\n');
    symlinkSync(path.join(dir, 'assets/data.csv'), path.join(dir, 'out.pptx'));
    expect(await refusal(path.join(dir, 'out.pptx'), [path.join(dir, 'deck.yaml'), path.join(dir, 'assets/data.csv')])).toMatch(/data\.csv, an input/);
    expect(readFileSync(path.join(dir, 'assets/data.csv'), 'utf8')).toBe('a,b\n');
  });

  it('refuses a target that exists and is not a regular file: a device, a pipe', async (ctx) => {
    ctx.skip(!posix, 'needs POSIX links, FIFOs and devices (not Windows)');
    expect(await refusal('/dev/null')).toMatch(/not a regular file/);
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.pptx')]);
    expect(await refusal(path.join(dir, 'pipe.pptx'))).toMatch(/not a regular file/);
    symlinkSync('/dev/null', path.join(dir, 'null.pptx'));
    expect(await refusal(path.join(dir, 'null.pptx'))).toMatch(/not a regular file/);
  });

  it('writes a deck whose name is as long as the file system allows, with no temp file left', async () => {
    const dir = tempDir();
    const name = `${'d'.repeat(250)}.pptx`;
    await writeDeck(path.join(dir, name), Buffer.from('deck'), []);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('leaves no temp file when the write fails', async () => {
    const dir = tempDir();
    // A name past the limit fails at the rename, after the temp file is written.
    const name = `${'d'.repeat(300)}.pptx`;
    expect(await refusal(path.join(dir, name))).toMatch(/cannot write/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
