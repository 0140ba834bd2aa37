import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/load/load.js';
import { deckgen, tempDir } from '../support/cli.js';

const FILES = ['deck.yaml', 'deck.schema.json', 'assets/logo.png', 'HOW-TO.md'];
const read = (dir: string, f: string): Buffer => readFileSync(path.join(dir, f));

describe('deckgen init', () => {
  it('creates the starter files in a new folder and says what to run next', () => {
    const dir = tempDir();
    const r = deckgen(['init', 'talk'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const project = path.join(dir, 'talk');
    for (const f of FILES) expect(existsSync(path.join(project, f)), f).toBe(true);
    expect(read(project, 'deck.yaml').toString().split('\n')[0]).toBe('# yaml-language-server: $schema=./deck.schema.json');
    expect(read(project, 'deck.schema.json').equals(readFileSync('deck.schema.json'))).toBe(true);
    expect(read(project, 'assets/logo.png').equals(readFileSync('assets/logo.png'))).toBe(true);
    expect(read(project, 'HOW-TO.md').toString()).toMatch(/npx deckgen build[\s\S]*npx deckgen validate|npx deckgen validate[\s\S]*npx deckgen build/);
    expect(read(project, 'HOW-TO.md').toString()).toContain('npx deckgen preview');
    for (const f of FILES) expect(r.stdout).toContain(path.join('talk', f));
    // deckgen is not installed in the new folder, so the next step names the CLI that ran.
    expect(r.stdout).toContain(`cd talk && node ${path.resolve('dist/cli.js')} build`);
  });

  it('writes a starter deck that validates and builds, showing the main layouts', async () => {
    const dir = tempDir();
    expect(deckgen(['init'], dir).code).toBe(0);
    for (const f of FILES) expect(existsSync(path.join(dir, f)), f).toBe(true);

    const valid = deckgen(['validate'], dir);
    expect(valid.stderr).toBe('');
    expect(valid.code).toBe(0);

    const built = deckgen(['build'], dir);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^✓ output\/deck\.pptx: \d+ slides, 2 charts/);
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);

    const outline = await loadOutline(path.join(dir, 'deck.yaml'));
    expect(new Set(outline.slides.map((s) => s.layout))).toEqual(new Set(['title', 'section', 'bullets', 'kpis', 'chart', 'chart-text', 'table', 'sources']));
    expect(outline.meta.title).not.toMatch(/Liangjiang/);
  });

  it('refuses to overwrite: lists the files in the way in one message, exits 1 and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), 'title: Mine\n');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets/logo.png'), 'my logo');
    const r = deckgen(['init'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('deck.yaml, assets/logo.png');
    expect(r.stderr).toContain('--force');
    expect(read(dir, 'deck.yaml').toString()).toBe('title: Mine\n');
    expect(read(dir, 'assets/logo.png').toString()).toBe('my logo');
    expect(existsSync(path.join(dir, 'deck.schema.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'HOW-TO.md'))).toBe(false);
  });

  it('replaces existing files with --force', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), 'title: Mine\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const r = deckgen(['init', '.', '--force'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deck\.yaml .*\(replaced\)/);
    expect(read(dir, 'deck.yaml').toString()).toMatch(/^# yaml-language-server: \$schema=\.\/deck\.schema\.json\n/);
    for (const f of FILES) expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect(read(dir, 'notes.txt').toString()).toBe('keep me');
  });

  it('refuses a file as the project folder', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'taken'), '');
    const r = deckgen(['init', 'taken'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('taken is a file');
  });

  it('is listed in the help', () => {
    expect(deckgen(['--help']).stdout).toContain('deckgen init [dir] [--force]');
    const r = deckgen(['init', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--force');
  });
});
