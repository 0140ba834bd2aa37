/**
 * The words deckgen writes itself ("Source", "Agenda", "(cont.)", "derived"...), in the deck's
 * language. Templates hold {list}, {title} and {n}; the outline's `labels:` overrides any of them.
 */
import type { LabelKey, LabelsInput } from '../load/schema.js';

export type Labels = Record<LabelKey, string>;

const EN: Labels = {
  source: 'Source: {list}.',
  sources: 'Sources',
  agenda: 'Agenda',
  cont: 'cont.',
  continued: 'Continued from the previous slide, "{title}".',
  derived: 'derived',
  derivedNote: 'Figures marked "derived" are computed from the cited figures.',
  paras: '(para. {n})',
  introduction: 'Introduction',
  quote: 'Quote',
  noSources: 'No sources are listed in this outline.',
  own: "presenter's own figures",
};

/** By primary language subtag. */
const BUILT_IN: Record<string, Labels> = {
  en: EN,
  zh: {
    source: '来源：{list}。',
    sources: '资料来源',
    agenda: '议程',
    cont: '续',
    continued: '接上一页“{title}”。',
    derived: '推算',
    derivedNote: '标注“推算”的数字由所引数字计算得出。',
    paras: '（第 {n} 段）',
    introduction: '引言',
    quote: '引语',
  noSources: '本大纲未列出资料来源。',
  own: '演示者自己的数字',
  },
  fr: {
    source: 'Source : {list}.',
    sources: 'Sources',
    agenda: 'Ordre du jour',
    cont: 'suite',
    continued: 'Suite de la diapositive précédente, « {title} ».',
    derived: 'calculé',
    derivedNote: 'Les chiffres marqués « calculé » sont calculés à partir des chiffres cités.',
    paras: '(§ {n})',
    introduction: 'Introduction',
    quote: 'Citation',
  noSources: 'Aucune source n’est indiquée dans ce plan.',
  own: 'chiffres propres du présentateur',
  },
  de: {
    source: 'Quelle: {list}.',
    sources: 'Quellen',
    agenda: 'Agenda',
    cont: 'Forts.',
    continued: 'Fortsetzung der vorigen Folie, „{title}“.',
    derived: 'berechnet',
    derivedNote: 'Mit „berechnet“ markierte Zahlen sind aus den zitierten Zahlen berechnet.',
    paras: '(Abs. {n})',
    introduction: 'Einleitung',
    quote: 'Zitat',
  noSources: 'Diese Gliederung nennt keine Quellen.',
  own: 'eigene Zahlen der Vortragenden',
  },
  es: {
    source: 'Fuente: {list}.',
    sources: 'Fuentes',
    agenda: 'Agenda',
    cont: 'cont.',
    continued: 'Continuación de la diapositiva anterior, «{title}».',
    derived: 'calculado',
    derivedNote: 'Las cifras marcadas «calculado» se calculan a partir de las cifras citadas.',
    paras: '(párr. {n})',
    introduction: 'Introducción',
    quote: 'Cita',
  noSources: 'Este esquema no incluye fuentes.',
  own: 'cifras propias del presentador',
  },
  ja: {
    source: '出典：{list}。',
    sources: '出典',
    agenda: 'アジェンダ',
    cont: '続き',
    continued: '前のスライド「{title}」の続き。',
    derived: '算出',
    derivedNote: '「算出」と記した数値は引用した数値から計算したものです。',
    paras: '（第 {n} 段落）',
    introduction: 'はじめに',
    quote: '引用',
  noSources: 'このアウトラインには出典がありません。',
  own: '発表者自身の数値',
  },
  ko: {
    source: '출처: {list}.',
    sources: '출처',
    agenda: '목차',
    cont: '계속',
    continued: '이전 슬라이드 “{title}”에서 계속.',
    derived: '산출',
    derivedNote: '“산출”로 표시된 수치는 인용한 수치로 계산한 것입니다.',
    paras: '({n}번째 단락)',
    introduction: '소개',
    quote: '인용',
    noSources: '이 개요에는 출처가 없습니다.',
    own: '발표자 자체 수치',
  },
  ar: {
    source: 'المصدر: {list}.',
    sources: 'المصادر',
    agenda: 'جدول الأعمال',
    cont: 'تابع',
    continued: 'تابع للشريحة السابقة، «{title}».',
    derived: 'محسوب',
    derivedNote: 'الأرقام المميزة بكلمة «محسوب» محسوبة من الأرقام المقتبسة.',
    paras: '(الفقرة {n})',
    introduction: 'مقدمة',
    quote: 'اقتباس',
    noSources: 'لا يذكر هذا المخطط أي مصادر.',
    own: 'أرقام المقدّم الخاصة',
  },
  he: {
    source: 'מקור: {list}.',
    sources: 'מקורות',
    agenda: 'סדר יום',
    cont: 'המשך',
    continued: 'המשך מהשקופית הקודמת, “{title}”.',
    derived: 'מחושב',
    derivedNote: 'נתונים המסומנים “מחושב” חושבו מהנתונים המצוטטים.',
    paras: '(פסקה {n})',
    introduction: 'מבוא',
    quote: 'ציטוט',
    noSources: 'במתווה זה לא צוינו מקורות.',
    own: 'נתונים של המציג',
  },
};

/** A BCP 47 tag's primary language subtag, lower case: "zh-TW" -> "zh". Every table by language is keyed by it. */
export const primaryLanguage = (lang: string): string => {
  const primary = lang.split('-')[0]!.toLowerCase();
  // Hebrew's withdrawn code, still written by some systems.
  return primary === 'iw' ? 'he' : primary;
};

/** Languages written right to left, by primary subtag: Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Sorani Kurdish. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);
export const rightToLeft = (lang: string): boolean => RIGHT_TO_LEFT.has(primaryLanguage(lang));

/** Languages with built-in words, by primary subtag. */
export const LABEL_LANGUAGES = Object.keys(BUILT_IN);

export function resolveLabels(lang: string, overrides: LabelsInput = {}): Labels {
  const base = BUILT_IN[primaryLanguage(lang)] ?? EN;
  const own = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...base, ...own };
}

/**
 * Quotation marks, opening and closing, by primary language subtag (English's for the rest).
 * French spaces its guillemets with a no-break space, not the narrow one typographers prefer:
 * none of the metric twins has the narrow one, and a missing glyph draws as a box (numbers do the
 * same, src/figures/format.ts).
 */
const QUOTES: Record<string, [string, string]> = {
  de: ['\u201E', '\u201C'],
  fr: ['\u00AB\u00A0', '\u00A0\u00BB'],
  es: ['\u00AB', '\u00BB'],
  ja: ['\u300C', '\u300D'],
  zh: ['\u201C', '\u201D'],
  ar: ['\u00AB', '\u00BB'],
};

/** `text` in the language's quotation marks, unless it already opens with one. */
export function quoted(text: string, lang: string): string {
  if (/^[\u201C\u201E\u00AB\u300C\u300E"']/.test(text.trimStart())) return text;
  const [open, close] = QUOTES[primaryLanguage(lang)] ?? ['\u201C', '\u201D'];
  return `${open}${text}${close}`;
}

/**
 * Chinese, Japanese and Korean have no italics (a slanted CJK glyph is a distortion), nor do
 * Arabic and Hebrew type: set upright.
 */
export const upright = (lang: string): boolean => ['zh', 'ja', 'ko'].includes(primaryLanguage(lang)) || rightToLeft(lang);

/** Fills {name} slots in a label. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
