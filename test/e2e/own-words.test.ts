// The default deck is about an article that must not be copied into the project: only its facts
// and figures, in our own words. Any run of eight words shared with the article fails this test.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ARTICLE = '../shared/source/liangjiang-2012.txt';
const RUN = 8;

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9.]+/g) ?? [];
const runs = (ws: string[]): Set<string> => new Set(ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(' ')));

describe('the project, against the source article', () => {
  it('shares no run of eight words with it, apart from the article title it cites', (ctx) => {
    ctx.skip(!existsSync(ARTICLE), `needs the source article at ${ARTICLE} (beside the clone, not in it)`);
    const text = readFileSync(ARTICLE, 'utf8');
    const title = text.split('\n')[0]!;
    const article = runs(words(text));
    for (const r of runs(words(title))) article.delete(r);
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter((f) => f && !/\.(png|jpe?g|json)$/.test(f) && existsSync(f));
    const copied = files.flatMap((f) => [...runs(words(readFileSync(f, 'utf8')))].filter((r) => article.has(r)).map((r) => `${f}: "${r}"`));
    expect(copied).toEqual([]);
  });
});
