import { describe, expect, it } from 'vitest';
import { fill, LABEL_LANGUAGES, resolveLabels } from '../../src/plan/labels.js';
import { LABEL_KEYS } from '../../src/load/schema.js';

describe('labels', () => {
  it('has every word in English, Chinese, French, German, Spanish and Japanese', () => {
    expect(LABEL_LANGUAGES.sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'zh']);
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
