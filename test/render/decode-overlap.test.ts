/**
 * The canvas's decode of each image (in the render worker, which may still be starting) runs while
 * the build plans; an image it cannot decode still stops the build, at its line.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { InputError } from '../../src/diagnostics.js';
import type { Renderer } from '../../src/render/renderer.js';
import { tempDir } from '../support/cli.js';

function outlineWithLogo(slides = '  - title: One slide\n    bullets: [a point]\n'): string {
  const dir = tempDir();
  copyFileSync('assets/logo.png', path.join(dir, 'logo.png'));
  copyFileSync('examples/assets/photo.png', path.join(dir, 'photo.png'));
  const file = path.join(dir, 'deck.yaml');
  writeFileSync(file, `title: Decoding\ntheme:\n  logo: logo.png\nslides:\n${slides}`);
  return file;
}
const PICTURE = (file: string): string => `  - title: A picture\n    image: { path: ${file}, alt: A picture }\n`;

/** A renderer whose decode answers `ok` only when released, recording what happened first. */
function slowRenderer(ok: boolean, events: string[]): Renderer & { release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return {
    release,
    chart: () => Promise.reject(new Error('no charts here')),
    decodes: async () => {
      events.push('decode asked');
      await gate;
      events.push('decode answered');
      return ok;
    },
    close: async () => {},
  };
}

describe('image decoding overlaps planning', () => {
  it('plans while the decode is still running, then builds', async () => {
    const events: string[] = [];
    const renderer = slowRenderer(true, events);
    const built = compileDeck(outlineWithLogo(), {
      renderer,
      progress: (stage) => {
        events.push(stage);
        if (stage === 'plan') setTimeout(renderer.release, 20);
      },
    });
    await expect(built).resolves.toMatchObject({ bytes: expect.any(Uint8Array) });
    expect(events.slice(0, 3)).toEqual(['decode asked', 'plan', 'decode answered']);
  });

  it('stops the build at the image\'s line when the canvas cannot decode it', async () => {
    const renderer = slowRenderer(false, []);
    renderer.release();
    const failure = await compileDeck(outlineWithLogo(), { renderer }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    const problems = (failure as InputError).diagnostics.filter((d) => d.severity !== 'warning');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, message: 'image "logo.png" is damaged and cannot be decoded' });
  });

  it('reports a failed decode at every line that names the image', async () => {
    const renderer = slowRenderer(false, []);
    renderer.release();
    const failure = (await compileDeck(outlineWithLogo(PICTURE('logo.png')), { renderer }).catch((e: unknown) => e)) as InputError;
    expect(failure).toBeInstanceOf(InputError);
    expect(failure.diagnostics.filter((d) => /cannot be decoded/.test(d.message)).map((d) => d.line)).toEqual([3, 6]);
  });

  it('reports a worker that fails while later images are still being read, without an unhandled rejection', async () => {
    const renderer: Renderer = {
      chart: () => Promise.reject(new Error('no charts here')),
      decodes: () => new Promise((_, reject) => setTimeout(() => reject(new Error('the render worker stopped')), 0)),
      close: async () => {},
    };
    // The first image's decode fails while the second is read and checked.
    await expect(compileDeck(outlineWithLogo(PICTURE('photo.png')), { renderer })).rejects.toThrow('the render worker stopped');
  });
});
