// A list continues over at most MAX_PAGES slides: refused, at the list, before it is measured page
// by page.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/load/load.js';
import { MAX_PAGES } from '../../src/plan/paginate.js';
import { planDeck } from '../../src/plan/plan.js';

const outline = (bullets: string[]): string => `title: T\nslides:\n  - title: Long\n    bullets:\n${bullets.map((b) => `      - "${b}"\n`).join('')}`;

describe('continued lists', () => {
  it('continue over as many slides as they need, up to the bound', () => {
    const plan = planDeck(parseOutline(outline(Array.from({ length: 60 }, (_, i) => `Point ${i}`)), 'deck.yaml'));
    expect(plan.diagnostics).toEqual([]);
    expect(plan.deck.slides.length).toBeGreaterThan(3);
  });

  it(`are refused at the list when they would need more than ${MAX_PAGES} slides`, () => {
    const long = 'a long bullet that wraps over several lines at the smallest size '.repeat(6);
    const plan = planDeck(parseOutline(outline(Array.from({ length: 300 }, () => long)), 'deck.yaml'));
    expect(plan.diagnostics).toHaveLength(1);
    expect(plan.diagnostics[0]).toMatchObject({ code: 'too-much', line: 5, column: 7, message: expect.stringMatching(new RegExp(`needs at least \\d+ slides; a list continues over at most ${MAX_PAGES}`)) });
  });

  it('are refused by count alone when even one line a bullet cannot fit the bound', () => {
    const plan = planDeck(parseOutline(outline(Array.from({ length: 300 }, (_, i) => `p${i}`)), 'deck.yaml'));
    const many = plan.diagnostics.filter((d) => d.code === 'too-much');
    // 300 one-line bullets fit in fewer than 30 slides: no problem at all.
    expect(many).toEqual([]);
  });
});
