/** The template reader (and its XML parser, slow to load) is loaded only for an outline that names a template. */
import { describe, expect, it, vi } from 'vitest';
import type { Outline } from '../../src/load/load.js';

vi.mock('../../src/template/read.js', () => {
  throw new Error('the template reader was loaded');
});

describe('loadTemplate without theme.template', () => {
  it('returns the built-in template without loading the reader', async () => {
    const { loadTemplate } = await import('../../src/template/file.js');
    expect(await loadTemplate({ files: [] } as unknown as Outline)).toEqual({ diagnostics: [] });
  });

  // vitest wraps the factory's error in its own message: either way, the reader was asked for.
  it('loads it as soon as a template is named', async () => {
    const { loadTemplate } = await import('../../src/template/file.js');
    const outline = { files: [{ kind: 'template', ref: 'brand.potx', at: ['theme', 'template'] }], dir: '/nowhere', file: 'deck.yaml', locate: () => ({}) } as unknown as Outline;
    await expect(loadTemplate(outline)).rejects.toThrow(/error when mocking a module/);
  });
});
