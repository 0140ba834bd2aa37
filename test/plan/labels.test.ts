import { describe, expect, it } from 'vitest';
import { fill, LABEL_LANGUAGES, quoted, resolveLabels } from '../../src/plan/labels.js';
import { TWINS } from '../../src/font-twins.js';
import { twinCovers } from '../../src/fonts.js';
import { parseOutline } from '../../src/load/load.js';
import type { TextShape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';
import { LABEL_KEYS } from '../../src/load/schema.js';

describe('labels', () => {
  it('has every word in English, Chinese, French, German, Spanish, Japanese, Korean, Arabic and Hebrew', () => {
    expect(LABEL_LANGUAGES.sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'ja', 'ko', 'zh']);
    for (const lang of LABEL_LANGUAGES) {
      const labels = resolveLabels(lang);
      expect(Object.keys(labels).sort()).toEqual([...LABEL_KEYS].sort());
      expect(labels.source).toContain('{list}');
      expect(labels.continued).toContain('{title}');
      expect(labels.paras).toContain('{n}');
    }
  });

  it('picks by the primary subtag and falls back to English', () => {
    expect(resolveLabels('zh-CN').sources).toBe('资料来源');
    expect(resolveLabels('FR-ca').agenda).toBe('Ordre du jour');
    expect(resolveLabels('pt-BR').sources).toBe('Sources');
  });

  it('lets the outline override any word', () => {
    const labels = resolveLabels('de-DE', { sources: 'Literatur' });
    expect(labels.sources).toBe('Literatur');
    expect(labels.agenda).toBe('Agenda');
    expect(fill(labels.source, { list: 'Amt, 2024' })).toBe('Quelle: Amt, 2024.');
  });
});

describe('quotes in the deck\'s language', () => {
  it('use only characters every metric twin has, outside CJK (no box for a missing glyph)', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt-BR']) {
      const marks = quoted('x', lang).replace('x', '');
      for (const twin of TWINS) expect(twinCovers(twin.family, marks), `${lang} in ${twin.family}`).toBe(true);
    }
  });

  it('take the language\'s quotation marks, and none twice', () => {
    expect(quoted('Wir müssen handeln.', 'de-DE')).toBe('\u201EWir müssen handeln.\u201C');
    expect(quoted('Il faut agir.', 'fr')).toBe('\u00AB\u00A0Il faut agir.\u00A0\u00BB');
    expect(quoted('今すぐ動く。', 'ja-JP')).toBe('\u300C今すぐ動く。\u300D');
    expect(quoted('Act now.', 'en-GB')).toBe('\u201CAct now.\u201D');
    expect(quoted('Act now.', 'pt-BR')).toBe('\u201CAct now.\u201D');
    expect(quoted('\u201EWir müssen.\u201C', 'de')).toBe('\u201EWir müssen.\u201C');
  });

  it('are set upright in Chinese, Japanese and Korean, in italics elsewhere', async () => {
    const quoteOf = (lang: string): TextShape => {
      const outline = parseOutline(`title: T\nlang: ${lang}\nslides:\n  - quote: { text: "今すぐ動く", by: 山田 }\n`, 'q.yaml');
      const shapes = planDeck(outline).deck.slides[1]!.shapes.filter((s): s is TextShape => s.kind === 'text');
      return shapes.find((s) => s.paragraphs.some((p) => p.runs.some((r) => r.text.includes('今すぐ動く'))))!;
    };
    expect(quoteOf('ja-JP').italic).toBeFalsy();
    expect(quoteOf('ja-JP').paragraphs[0]!.runs.map((r) => r.text).join('')).toBe('\u300C今すぐ動く\u300D');
    expect(quoteOf('en-US').italic).toBe(true);
  });
});

describe('citations in Chinese and Japanese', () => {
  const deck = (lang: string): string[] => {
    const outline = parseOutline(
      `title: T\nlang: ${lang}\nsources:\n  - { id: a, title: 月次経営指標レポート, author: 経営企画部, date: 2024 }\nslides:\n  - title: 売上\n    bullets:\n      - { text: 増加, source: a }\n`,
      'c.yaml',
    );
    return planDeck(outline).deck.slides.flatMap((s) => s.shapes.filter((x): x is TextShape => x.kind === 'text').map((x) => x.paragraphs.map((p) => p.runs.map((r) => `${r.italic ? '<i>' : ''}${r.text}`).join('')).join('\n')));
  };

  it('use the language\'s punctuation and title marks, never italics', () => {
    const ja = deck('ja-JP');
    expect(ja).toContain('出典：経営企画部、2024。');
    expect(ja).toContain('1. 経営企画部、『月次経営指標レポート』、2024。');
    const zh = deck('zh-CN');
    expect(zh).toContain('来源：经营企划部，2024。'.replace('经营企划部', '経営企画部'));
    expect(zh.join('\n')).toContain('《月次経営指標レポート》');
    expect([...ja, ...zh].join('\n')).not.toContain('<i>');
    expect(deck('en-US')).toContain('1. 経営企画部, <i>月次経営指標レポート, 2024.');
  });
});
