// A source's `file` is read only from inside the outline's folder, only when it is a regular file
// of at most 10 MB; a --source file must be a regular file too. Nothing blocks on a pipe.
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { MAX_SOURCE_BYTES, readSourceTexts } from '../../src/figures/sources.js';
import { loadOutline } from '../../src/load/load.js';
import { tempDir } from '../support/cli.js';

async function problems(file: string | undefined, args: string[] = []): Promise<string[]> {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'project/sources'), { recursive: true });
  writeFileSync(path.join(dir, 'secret.txt'), 'The secret number is 4242.');
  writeFileSync(path.join(dir, 'project/sources/article.txt'), 'Trips rose to 11,200.');
  writeFileSync(path.join(dir, 'project/..article.txt'), 'Trips rose to 11,200.');
  const fileLine = file === undefined ? '' : `, file: ${JSON.stringify(file)}`;
  writeFileSync(path.join(dir, 'project/deck.yaml'), `title: T\nsources:\n  - { id: a, title: A${fileLine} }\nslides:\n  - { title: "11,200 trips", bullets: [x], source: a }\n`);
  if (file === 'sources/pipe.txt') execFileSync('mkfifo', [path.join(dir, 'project/sources/pipe.txt')]);
  if (file === 'sources/huge.txt') {
    writeFileSync(path.join(dir, 'project/sources/huge.txt'), '');
    truncateSync(path.join(dir, 'project/sources/huge.txt'), MAX_SOURCE_BYTES + 1);
  }
  const outline = await loadOutline(path.join(dir, 'project/deck.yaml'));
  try {
    const texts = await readSourceTexts(outline, args);
    return [...texts.values()].map((t) => `read ${t.file}`);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`);
  }
}

const posix = process.platform !== 'win32';

describe('source texts', () => {
  it('reads a file inside the folder, including one named "..article.txt"', async () => {
    expect(await problems('sources/article.txt')).toEqual(['read article.txt']);
    expect(await problems('..article.txt')).toEqual(['read ..article.txt']);
  });

  it('refuses an absolute path and a ../ escape, without reading them', async () => {
    expect(await problems('/etc/passwd')).toEqual(['deck.yaml:3:30 the text of source "a" (/etc/passwd) lies outside the outline\'s folder']);
    expect(await problems('../secret.txt')).toEqual(['deck.yaml:3:30 the text of source "a" (../secret.txt) lies outside the outline\'s folder']);
  });

  it('refuses a FIFO at once instead of waiting for a writer', async (ctx) => {
    ctx.skip(!posix, 'needs POSIX links, FIFOs and devices (not Windows)');
    expect(await problems('sources/pipe.txt')).toEqual(['deck.yaml:3:30 the text of source "a" (sources/pipe.txt) is not a regular file']);
  });

  it('refuses a text over the size limit', async () => {
    expect((await problems('sources/huge.txt'))[0]).toMatch(/is larger than 10 MB/);
  });

  it('refuses /dev/zero given with --source, where a user may point anywhere but at a device', async (ctx) => {
    ctx.skip(!posix, 'needs POSIX links, FIFOs and devices (not Windows)');
    expect(await problems(undefined, ['/dev/zero'])).toEqual(['zero:1:1 the text of source "a" (/dev/zero) is not a regular file']);
  });
});
