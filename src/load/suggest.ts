/** Optimal string alignment distance: Levenshtein plus adjacent swaps ("titel" is one edit from "title"). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = distance(needle, c.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  const allowed = Math.max(1, Math.floor(input.length / 3));
  return bestScore <= allowed ? best : undefined;
}

/**
 * Words people use for a value deckgen names differently, and values it does not support mapped
 * to the nearest one it does (with why). Looked up before the spelling-based guess.
 */
const SYNONYMS: Record<string, { to: string; note?: string }> = {
  donut: { to: 'doughnut' },
  ring: { to: 'doughnut' },
  column: { to: 'bar' },
  columns: { to: 'bar' },
  'column-chart': { to: 'bar' },
  'bar-chart': { to: 'bar' },
  histogram: { to: 'bar' },
  barh: { to: 'hbar' },
  'horizontal-bar': { to: 'hbar' },
  horizontal: { to: 'hbar' },
  'bar-horizontal': { to: 'hbar' },
  stacked: { to: 'stacked-bar' },
  'stacked-column': { to: 'stacked-bar' },
  stackedbar: { to: 'stacked-bar' },
  'line-chart': { to: 'line' },
  'pie-chart': { to: 'pie' },
  area: { to: 'line', note: 'area charts are not supported' },
  'stacked-area': { to: 'stacked-bar', note: 'area charts are not supported' },
  scatter: { to: 'line', note: 'scatter charts are not supported' },
  mixed: { to: 'combo' },
  'bar-line': { to: 'combo' },
  'line-bar': { to: 'combo' },
  cover: { to: 'title' },
  divider: { to: 'section' },
  list: { to: 'bullets' },
  text: { to: 'bullets' },
  kpi: { to: 'kpis' },
  metrics: { to: 'kpis' },
  stats: { to: 'kpis' },
  comparison: { to: 'two-column' },
  'two-columns': { to: 'two-column' },
  picture: { to: 'image' },
  photo: { to: 'image' },
  references: { to: 'sources' },
  bibliography: { to: 'sources' },
};

/** "did you mean" for a value: a known synonym first, then the closest spelling. */
export function suggestValue(input: string, allowed: readonly string[]): { value: string; note?: string } | undefined {
  const key = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const synonym = SYNONYMS[key];
  if (synonym && allowed.includes(synonym.to)) return synonym.note ? { value: synonym.to, note: synonym.note } : { value: synonym.to };
  const guess = didYouMean(input, allowed);
  return guess ? { value: guess } : undefined;
}
