import { describe, expect, it } from 'vitest';
import { guessOutline } from '../../src/render/early.js';

describe('the launcher\'s guess of what a command will draw', () => {
  it('finds the outline the way the commands read their arguments', () => {
    expect(guessOutline([])).toEqual({ command: 'build', outline: 'deck.yaml', cache: true });
    expect(guessOutline(['build'])).toEqual({ command: 'build', outline: 'deck.yaml', cache: true });
    expect(guessOutline(['build', 'talks/q3.yaml', '--out', 'x.pptx'])).toEqual({ command: 'build', outline: 'talks/q3.yaml', cache: true });
    expect(guessOutline(['build', '-o', 'x.yaml', 'talks/q3.yaml'])).toEqual({ command: 'build', outline: 'talks/q3.yaml', cache: true });
    expect(guessOutline(['build', '--check', '--source', 'a.txt', 'b.yaml'])?.outline).toBe('b.yaml');
    expect(guessOutline(['talks/q3.yaml', '-q'])).toEqual({ command: 'build', outline: 'talks/q3.yaml', cache: true });
    expect(guessOutline(['watch', '--no-cache'])).toEqual({ command: 'watch', outline: 'deck.yaml', cache: false });
    expect(guessOutline(['preview', 'a.yaml'])?.outline).toBe('a.yaml');
  });

  it('starts nothing for commands that draw nothing, or for help', () => {
    for (const argv of [['validate'], ['check', '--source', 'a.txt'], ['init'], ['--version'], ['build', '--help'], ['watch', '-h']]) expect(guessOutline(argv), argv.join(' ')).toBeUndefined();
  });
});
