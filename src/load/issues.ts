/** Turns zod issues into diagnostics a person can act on: where, what, and how to fix it. */
import type { z } from 'zod';
import { COLOUR_FORMS, nearestColour } from './colour.js';
import { CHART_TYPES, HEX_COLOUR, LAYOUTS } from './schema.js';
import { didYouMean, suggestValue } from './suggest.js';

export interface Finding {
  path: PropertyKey[];
  message: string;
  hint?: string;
  /** Report at the key rather than the value (unknown keys). */
  atKey?: boolean;
  /** The key an unknown key most likely meant (its did-you-mean). */
  meant?: string;
}

type Issue = z.core.$ZodIssue;

/** Known keys by the name of the key that holds them, for "did you mean". */
const KEYS: Record<string, string[]> = {
  '': ['title', 'subtitle', 'author', 'date', 'footer', 'lang', 'labels', 'theme', 'sources', 'sourcesSlide', 'charts', 'slides'],
  theme: ['preset', 'primary', 'accent', 'text', 'muted', 'background', 'palette', 'font', 'headingFont', 'logo', 'fonts', 'template', 'layouts'],
  sources: ['id', 'title', 'author', 'publisher', 'date', 'url', 'file'],
  slides: ['layout', 'title', 'subtitle', 'bullets', 'kpis', 'chart', 'table', 'quote', 'image', 'left', 'right', 'source', 'notes', 'skip', 'theme'],
  bullets: ['text', 'source', 'bullets'],
  kpis: ['value', 'derived', 'unit', 'label', 'source'],
  derived: ['formula', 'format'],
  chart: ['type', 'data', 'labels', 'series', 'unit', 'dataLabels', 'decimals', 'xTitle', 'yTitle', 'y2Title', 'source', 'alt', 'yMin', 'yMax', 'native'],
  series: ['name', 'values', 'type', 'axis'],
  table: ['columns', 'rows', 'source'],
  quote: ['text', 'by', 'source'],
  image: ['path', 'alt', 'caption', 'source'],
  left: ['heading', 'bullets'],
  right: ['heading', 'bullets'],
  source: ['id', 'para'],
};

/**
 * Where a key that is unknown here belongs, when it is a key of another part of the outline: a
 * chart's `series` written at the slide's level, or `sourcesSlide` written on a slide.
 */
function homeOf(key: string, path: readonly PropertyKey[]): string | undefined {
  const here = [...path].reverse().find((p) => typeof p === 'string') ?? '';
  const elsewhere = (k: string): boolean => Object.entries(KEYS).some(([owner, keys]) => owner !== '' && keys.includes(k));
  if (here !== '' && KEYS['']!.includes(key) && !elsewhere(key)) return 'at the top of the outline, with `title` and `slides`';
  const owners = Object.entries(KEYS).filter(([owner, keys]) => owner !== '' && owner !== here && owner !== 'source' && keys.includes(key)).map(([owner]) => owner);
  if (!owners.length || (here === 'slides' && KEYS.slides!.includes(key))) return undefined;
  const under = owners.filter((o) => KEYS[here]?.includes(o));
  return `under ${(under.length ? under : owners).map((o) => `\`${o}:\``).join(' or ')}: indent it below that key`;
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  const named = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  // A slide's own theme takes only colours; the deck's theme takes more.
  if (named === 'theme' && path[0] === 'slides') return ['primary', 'accent', 'text', 'background'];
  // theme.fonts.<name> is a font file, or one file per face.
  if (path[0] === 'theme' && path[1] === 'fonts' && path.length === 3) return ['regular', 'bold', 'italic', 'boldItalic'];
  return KEYS[named ?? ''] ?? [];
}

export function findingsFromIssues(issues: readonly Issue[], base: PropertyKey[] = []): Finding[] {
  const all = issues.flatMap((issue) => fromIssue(issue, base));
  // One misspelt key ({ txt: hello }) also leaves its object without the key it meant: the
  // did-you-mean at the key says it all, so the object's own complaint is dropped.
  const same = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean => a.length === b.length && a.every((p, i) => p === b[i]);
  const misspelt = all.filter((f) => f.meant !== undefined);
  return all.filter((f) => f.atKey || !misspelt.some((m) => same(m.path.slice(0, -1), f.path) || same([...m.path.slice(0, -1), m.meant!], f.path)));
}

function fromIssue(issue: Issue, base: PropertyKey[]): Finding[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const candidates = knownKeys(path);
        const guess = didYouMean(key, candidates);
        const home = guess ? undefined : homeOf(key, path);
        return {
          path: [...path, key],
          atKey: true,
          ...(guess ? { meant: guess } : {}),
          message: `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : home ? ` here: it belongs ${home}` : ''}`,
          hint: candidates.length ? `allowed here: ${candidates.join(', ')}` : 'remove it',
        };
      });
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const got = String((issue as { input?: unknown }).input ?? '');
      const guess = suggestValue(got, allowed);
      const mean = guess ? ` (${guess.note ? `${guess.note}; ` : ''}did you mean "${guess.value}"?)` : '';
      return [
        {
          path,
          message: `"${got}" is not one of the allowed values${mean}`,
          hint: `allowed: ${allowed.join(', ')}`,
        },
      ];
    }
    case 'invalid_union':
      return fromUnion(issue, path);
    case 'invalid_key': {
      const key = String((issue as { input?: unknown }).input ?? '');
      const why = issue.issues[0]?.message;
      return [{ path: [...path, key], atKey: true, message: `"${key}" is not a usable key here${why ? `: ${why}` : ''}`, hint: hintFor([...path, key]) ?? 'rename it' }];
    }
    case 'invalid_type': {
      const last = path[path.length - 1];
      if ((issue as { input?: unknown }).input === undefined && typeof last === 'string') {
        return [{ path: path.slice(0, -1), message: `\`${last}\` is missing`, hint: `add \`${last}: ...\`; ${hintFor(path) ?? `it is required here`}` }];
      }
      return [{ path, message: `expected ${describeExpected(issue.expected, path)}, got ${describeInput(issue.input)}`, hint: hintFor(path) ?? `write ${describeExpected(issue.expected, path)} here, or remove the key` }];
    }
    case 'invalid_format':
      if (issue.format === 'regex' && (issue as { pattern?: string }).pattern === String(HEX_COLOUR)) {
        const input = (issue as { input?: unknown }).input;
        const near = nearestColour(input);
        return [{ path, message: `${JSON.stringify(input)} is not a colour`, hint: `a colour is ${COLOUR_FORMS}${near ? `; nearest valid: "${near}"` : ''}` }];
      }
      if (path[path.length - 1] === 'lang') return [{ path, message: issue.message, hint: languageHint((issue as { input?: unknown }).input) }];
      return [{ path, message: issue.message, hint: hintFor(path) }];
    case 'too_small':
    case 'too_big': {
      const count = kpiCount(issue, path);
      if (count) return [count];
      const own = issue.message.startsWith('Too ') ? undefined : issue.message;
      const chartData = path.includes('values') || path.includes('labels');
      const hint =
        issue.origin === 'string'
          ? 'write something here, or remove the key'
          : issue.code === 'too_big'
            ? chartData
              ? 'aggregate the data (by month, by group) before charting it'
              : 'split it up; docs/outline-reference.md gives the limits'
            : (hintFor(path) ?? 'see docs/outline-reference.md for what this key takes');
      return [{ path, message: own ?? issue.message.replace(/^Too (small|big): expected (\w+) to have/, 'expected $2 to have'), hint }];
    }
    case 'custom': {
      const hint = (issue.params as { hint?: string } | undefined)?.hint;
      return [hint ? { path, message: issue.message, hint } : { path, message: issue.message }];
    }
    default:
      return [{ path, message: issue.message, hint: hintFor(path) }];
  }
}

/** "a kpis slide shows 2 to 4 figures; this one has 5", at the `kpis:` key, with what to do. */
function kpiCount(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, path: PropertyKey[]): Finding | undefined {
  const input = (issue as { input?: unknown }).input;
  if (path[path.length - 1] !== 'kpis' || path[0] !== 'slides' || !Array.isArray(input)) return undefined;
  return {
    path,
    atKey: true,
    message: `a kpis slide shows 2 to 4 figures; this one has ${input.length}`,
    hint: issue.code === 'too_big' ? 'split the figures over two kpis slides, or move the rest into a table or the notes' : 'add a second figure, or show this one in a bullets or chart slide',
  };
}

/**
 * A union fails in every branch; report the branch that got furthest (its problems sit deepest),
 * which is the one the user meant: an object with a typo, not "expected a string".
 */
function fromUnion(issue: Extract<Issue, { code: 'invalid_union' }>, path: PropertyKey[]): Finding[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  const depth = (b: readonly Issue[]): number =>
    Math.max(...b.map((i) => (i.code === 'invalid_type' && i.path.length === 0 ? -1 : i.path.length + (i.code === 'invalid_type' ? 0 : 1))));
  const best = [...branches].sort((a, b) => depth(b) - depth(a))[0];
  if (best && depth(best) >= 0) return findingsFromIssues(best, path);
  const font = path[0] === 'theme' && path[1] === 'fonts';
  const what = path.includes('bullets') ? 'text, { text, source, bullets } or a nested list' : font ? 'a font file path or { regular, bold, italic, boldItalic }' : 'a different kind of value';
  return [{ path, message: `expected ${what}, got ${describeInput((issue as { input?: unknown }).input)}`, hint: hintFor(path) }];
}

function describeExpected(expected: string, path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (expected === 'array') return `a list (YAML "- item" lines) for "${String(last)}"`;
  if (expected === 'object') return `a mapping of keys for "${String(last)}"`;
  return expected === 'number' ? 'a number' : expected === 'string' ? 'text' : expected;
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input).slice(0, 40)}`;
}

/** Language names people write for `lang`, and the tag PowerPoint uses. */
const LANGUAGE_TAGS: Record<string, string> = {
  english: 'en-US', british: 'en-GB', german: 'de-DE', deutsch: 'de-DE', french: 'fr-FR', français: 'fr-FR', francais: 'fr-FR', spanish: 'es-ES', español: 'es-ES', espanol: 'es-ES',
  italian: 'it-IT', portuguese: 'pt-BR', dutch: 'nl-NL', polish: 'pl-PL', swedish: 'sv-SE', danish: 'da-DK', norwegian: 'nb-NO', finnish: 'fi-FI', czech: 'cs-CZ', russian: 'ru-RU',
  turkish: 'tr-TR', chinese: 'zh-CN', mandarin: 'zh-CN', japanese: 'ja-JP', korean: 'ko-KR', arabic: 'ar-SA', hebrew: 'he-IL', hindi: 'hi-IN',
};

function languageHint(input: unknown): string {
  const tag = typeof input === 'string' ? LANGUAGE_TAGS[input.trim().toLowerCase()] : undefined;
  return tag ? `write the language's tag: lang: ${tag}` : 'e.g. lang: en-US, lang: de-DE, lang: fr-FR, lang: zh-CN (language, then region)';
}

function hintFor(path: readonly PropertyKey[]): string | undefined {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  if (last === 'layout') return `layouts: ${LAYOUTS.join(', ')}`;
  if (last === 'type') return `chart types: ${CHART_TYPES.join(', ')}`;
  if (last === 'values') return 'write plain numbers, like [4.1433, 20]; no units or quotes';
  if (last === 'kpis') return 'a KPI slide shows two to four figures';
  if (last === 'slides') return 'list the slides under `slides:`, e.g. "- title: First point" then "  bullets: [...]"';
  if (path.includes('theme') && typeof last === 'string' && ['primary', 'accent', 'text', 'muted', 'background', 'palette'].includes(last)) return `a colour is ${COLOUR_FORMS}`;
  if (path.includes('palette')) return `a colour is ${COLOUR_FORMS}`;
  if (last === 'font' || last === 'headingFont') return 'write the font as PowerPoint names it, e.g. "Calibri" or "Source Sans 3"';
  // Too many labels has its own hint (aggregate the data), in the too_big case.
  if (last === 'labels') return 'write the category labels as a list, one per value, e.g. [July, August, September]';
  return undefined;
}
