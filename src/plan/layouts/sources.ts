/** The closing Sources slide, generated from the outline's `sources`. */
import type { PlanContext } from '../context.js';
import type { Shape } from '../deck.js';
import { fullCite } from '../cite.js';

export function sourcesBody(ctx: PlanContext, index: number | undefined): Shape[] {
  const paragraphs = ctx.outline.sources.map((s, i) => ctx.para(`${i + 1}. ${fullCite(s, ctx.outline.meta.lang)}`, 0, false, i ? 12 : 0));
  if (!paragraphs.length) paragraphs.push(ctx.para(ctx.labels.noSources));
  const frame = ctx.frame('sources');
  const ph = frame.bodies[0];
  return [ctx.text(ph?.box ?? frame.body, paragraphs, { role: 'body', max: 18, ...(ph ? { placeholder: ph.ref } : {}) }, index === undefined ? ['sources'] : ['slides', index])];
}
