// The default deck on another template: deck.yaml and its assets copied into a folder with the
// template, `theme.template` pointing at it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './cli.js';

export const TEST_TEMPLATES = ['office', 'german', 'serif'] as const;

export function deckWithTemplate(template: string, extraTheme = ''): string {
  const dir = tempDir();
  cpSync('assets', path.join(dir, 'assets'), { recursive: true });
  cpSync(template.includes('/') ? template : `test/fixtures/templates/${template}.potx`, path.join(dir, 'template.potx'));
  const yaml = readFileSync('deck.yaml', 'utf8').replace(/^theme:\n/m, `theme:\n  template: template.potx\n${extraTheme}`);
  if (yaml === readFileSync('deck.yaml', 'utf8')) throw new Error('deck.yaml has no theme: mapping to add the template to');
  const file = path.join(dir, 'deck.yaml');
  writeFileSync(file, yaml);
  return file;
}
