import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/load/load.js';
import { CLI, deckgen, tempDir } from '../support/cli.js';

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
    // Its own neutral logo, not the default deck's Liangjiang one.
    expect(read(project, 'assets/logo.png').equals(readFileSync('templates/init/assets/logo.png'))).toBe(true);
    expect(read(project, 'assets/logo.png').equals(readFileSync('assets/logo.png'))).toBe(false);
    // deckgen is neither installed in the new folder nor on the PATH: every command names the CLI that ran.
    const cli = `node ${CLI}`;
    const howTo = read(project, 'HOW-TO.md').toString();
    for (const command of ['validate', 'build', 'preview']) expect(howTo).toContain(`${cli} ${command}`);
    expect(read(project, 'deck.yaml').toString()).toContain(`${cli} build`);
    for (const text of [howTo, read(project, 'deck.yaml').toString()]) {
      expect(text).not.toContain('{{deckgen}}');
      // "npx deckgen" only where the how-to explains when it works.
      expect(text.split('\n').filter((l) => l.includes('npx deckgen') && !/do not run|--save-dev/.test(l))).toEqual([]);
    }
    for (const f of FILES) expect(r.stdout).toContain(path.join('talk', f));
    expect(r.stdout).toContain(`cd talk && ${cli} build`);
  });

  it('names `deckgen` when the deckgen on the PATH is this one, as after npm install -g <path> or npm link', () => {
    const dir = tempDir();
    // What npm install -g and npm link make: a bin folder with a link to the package's bin, dist/cli.cjs.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(path.resolve('dist/cli.cjs'), path.join(bin, 'deckgen'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; files: string[] };
    expect(pkg.bin).toEqual({ deckgen: 'dist/cli.cjs' });
    for (const f of ['dist/cli.cjs', 'dist/cli.js']) expect(readFileSync(f, 'utf8').split('\n')[0], f).toBe('#!/usr/bin/env node');
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    const r = spawnSync(path.join(bin, 'deckgen'), ['init', 'talk'], { cwd: dir, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('cd talk && deckgen build');
    expect(readFileSync(path.join(dir, 'talk', 'HOW-TO.md'), 'utf8')).toContain('\ndeckgen build\n');
    const built = spawnSync('deckgen', ['build', '-q'], { cwd: path.join(dir, 'talk'), encoding: 'utf8', env });
    expect(built.status).toBe(0);
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

describe('logos', () => {
  it('gives the example and the starter project their own logos, not the Liangjiang one', () => {
    const lna = readFileSync('assets/logo.png');
    const example = readFileSync('examples/assets/logo.png');
    const starter = readFileSync('templates/init/assets/logo.png');
    expect(example.equals(lna)).toBe(false);
    expect(starter.equals(lna)).toBe(false);
    expect(starter.equals(example)).toBe(false);
    expect(readFileSync('examples/all-layouts.yaml', 'utf8')).toMatch(/logo: assets\/logo\.png/);
  });
});
