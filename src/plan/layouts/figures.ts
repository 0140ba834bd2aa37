/** KPI cards: two to four headline figures. */
import type { SlideOf } from '../../load/layouts.js';
import type { Kpi } from '../../load/schema.js';
import { ENGLISH, formatNumber, type NumberStyle } from '../../figures/format.js';
import { evaluate, formatDerived, prettyFormula } from '../../figures/derive.js';
import type { PlanContext } from '../context.js';
import type { Shape, TextShape } from '../deck.js';
import { columns, pad } from '../grid.js';
import { parseInline } from '../inline.js';
import { lineWidth } from '../measure.js';

/** A KPI's value as shown: numbers keep the digits the source gives, with the language's separators. */
export function kpiValue(k: Kpi, numbers: NumberStyle = ENGLISH): string {
  const shown = k.derived ? formatDerived(evaluate(k.derived.formula), k.derived.format, numbers) : typeof k.value === 'number' ? formatNumber(k.value, undefined, numbers) : String(k.value);
  // "%" belongs to the number, as it does in a derived "0%" figure: 87 with unit "%" shows "87%".
  return k.unit?.startsWith('%') && !shown.endsWith('%') ? `${shown}${numbers.percentGap ?? ''}%` : shown;
}

/** The unit line under a KPI's value: what is left once "%" has joined the number ("% of trips" -> "of trips"). */
export function kpiUnit(k: Kpi): string | undefined {
  const unit = k.unit?.startsWith('%') ? k.unit.slice(1).trim() : k.unit?.trim();
  return unit || undefined;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export function kpisBody(ctx: PlanContext, slide: SlideOf<'kpis'>): Shape[] {
  const { colours } = ctx.theme;
  const body = ctx.frame('kpis').body;
  const area = { ...body, y: body.y + 0.25, h: Math.min(3.9, body.h - 0.25) };
  const shapes: Shape[] = [];
  const cards = columns(area, slide.kpis.map(() => 1), 0.3);
  // Units share one row height, so the labels line up: two lines when a unit needs them on narrow cards.
  const room = (cards[0]!.w - 0.5 - 0.2) * 0.95;
  const style = { font: ctx.theme.font, bold: true, lineSpacing: 1 };
  const unitH = slide.kpis.some((k) => kpiUnit(k) && lineWidth(parseInline(kpiUnit(k)!), style, ctx.theme.sizes.kpiLabel.min) > room) ? 0.75 : 0.45;
  const values: TextShape[] = [];
  const units: TextShape[] = [];
  const labels: TextShape[] = [];
  cards.forEach((card, i) => {
    const k = slide.kpis[i]!;
    const at = ['slides', slide.index, 'kpis', i];
    shapes.push({ kind: 'rect', box: card, fill: colours.panel }, { kind: 'rect', box: { ...card, h: 0.08 }, fill: colours.accent });
    const inner = pad(card, 0.25);
    let y = inner.y + 0.05;
    const value = ctx.text({ ...inner, y, h: 1.05 }, [ctx.para(kpiValue(k, ctx.numbers))], { role: 'kpiValue', bold: true, colour: colours.primary, valign: 'bottom' }, [...at, k.derived ? 'derived' : 'value']);
    values.push(value);
    shapes.push(value);
    y += 1.1;
    const unit = kpiUnit(k);
    if (unit) {
      const shown = ctx.text({ ...inner, y, h: unitH }, [ctx.para(unit)], { role: 'kpiLabel', max: 18, bold: true, colour: ctx.accentInk(colours.panel) }, [...at, 'unit']);
      units.push(shown);
      shapes.push(shown);
    }
    y += unitH + 0.1;
    const foot = k.derived ? `${capitalise(ctx.labels.derived)}: ${prettyFormula(k.derived.formula)}` : undefined;
    const footH = foot ? 0.5 : 0;
    const label = ctx.text({ ...inner, y, h: inner.y + inner.h - y - footH }, [ctx.para(k.label)], { role: 'kpiLabel', colour: colours.text }, [...at, 'label']);
    labels.push(label);
    shapes.push(label);
    if (foot) {
      shapes.push(ctx.text({ ...inner, y: inner.y + inner.h - footH, h: footH }, [ctx.para(foot)], { role: 'footnote', italic: true, colour: colours.muted, valign: 'bottom' }, [...at, 'derived']));
    }
  });
  // Figures side by side read as peers: values, units and labels each at the size the longest
  // one fits at (a smaller size only ever fits better).
  for (const peers of [values, units, labels]) {
    const size = Math.min(...peers.map((v) => v.size));
    for (const v of peers) v.size = size;
  }
  return shapes;
}
