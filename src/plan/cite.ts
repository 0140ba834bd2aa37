/** Source lines: which sources a slide cites, said briefly under the content. */
import type { Slide } from '../load/layouts.js';
import { OWN_SOURCE, type Source, type SourceRef } from '../load/schema.js';
import { fill, primaryLanguage, type Labels } from './labels.js';

interface Citation {
  id: string;
  paras: Set<number>;
}

/** Every source reference on a slide, in order of first appearance. */
export function citations(slide: Slide): Citation[] {
  const found = new Map<string, Citation>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v));
    if (key === 'source' && value !== undefined) {
      const ref = value as SourceRef;
      const id = typeof ref === 'string' ? ref : ref.id;
      const c = found.get(id) ?? { id, paras: new Set<number>() };
      if (typeof ref !== 'string' && ref.para !== undefined) for (const n of [ref.para].flat()) c.paras.add(n);
      found.set(id, c);
      return;
    }
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(slide);
  return [...found.values()];
}

/**
 * How citations are punctuated in the deck's language: Chinese and Japanese use their own comma
 * and stop, and mark a title with brackets (《》, 『』) where Latin scripts set it in italics,
 * which CJK type does not have.
 */
interface CiteStyle {
  comma: string;
  /** Between the citations of one source line. */
  list: string;
  stop: string;
  title: (t: string) => string;
}
const LATIN: CiteStyle = { comma: ', ', list: '; ', stop: '.', title: (t) => `_${t}_` };
const CITE_STYLES: Record<string, CiteStyle> = {
  zh: { comma: '，', list: '；', stop: '。', title: (t) => `《${t}》` },
  ja: { comma: '、', list: '；', stop: '。', title: (t) => `『${t}』` },
  ko: { comma: ', ', list: '; ', stop: '.', title: (t) => `《${t}》` },
  // Arabic and Hebrew type has no italics: a title goes in the language's quotation marks.
  ar: { comma: '\u060C ', list: '\u061B ', stop: '.', title: (t) => `\u00AB${t}\u00BB` },
  he: { comma: ', ', list: '; ', stop: '.', title: (t) => `\u201C${t}\u201D` },
};
export const citeStyle = (lang = 'en'): CiteStyle => CITE_STYLES[primaryLanguage(lang)] ?? LATIN;

/** "Huang Xiqin, 2012" style: who and when, enough to find it on the Sources slide. */
export function shortCite(source: Source, style: CiteStyle = LATIN): string {
  const who = source.author ?? source.publisher ?? source.title;
  const year = source.date !== undefined ? String(source.date).match(/\d{4}/)?.[0] : undefined;
  return year ? `${who}${style.comma}${year}` : who;
}

/** Short citations that tell sources apart: two "Town Office, 2024" get their titles added. */
function distinctCites(sources: readonly Source[], style: CiteStyle): Map<string, string> {
  const short = sources.map((s) => shortCite(s, style));
  return new Map(sources.map((s, i) => [s.id, short.filter((c) => c === short[i]).length > 1 ? `${short[i]}${style.comma}${style.title(s.title)}` : short[i]!]));
}

export function sourceLine(slide: Slide, sources: readonly Source[], derived: boolean, labels: Labels, lang = 'en'): string | undefined {
  const style = citeStyle(lang);
  const cites = distinctCites(sources, style);
  const parts = citations(slide).map((c) => {
    const paras = [...c.paras].sort((a, b) => a - b);
    const where = paras.length ? ` ${fill(labels.paras, { n: paras.join(', ') })}` : '';
    // `source: own`: the presenter's own figures (targets, estimates), said as such.
    if (c.id === OWN_SOURCE) return labels.own;
    return `${cites.get(c.id) ?? c.id}${where}`;
  });
  if (!parts.length && !derived) return undefined;
  const line = parts.length ? fill(labels.source, { list: parts.join(style.list) }) : '';
  return derived ? `${line}${line ? ' ' : ''}${labels.derivedNote}` : line;
}

/** The full entry on the Sources slide. */
export function fullCite(source: Source, lang = 'en'): string {
  const style = citeStyle(lang);
  const bits = [source.author, style.title(source.title), source.publisher, source.date !== undefined ? String(source.date) : undefined];
  const line = bits.filter(Boolean).join(style.comma);
  return source.url ? `${line}${style.stop} ${source.url}` : `${line}${style.stop}`;
}
