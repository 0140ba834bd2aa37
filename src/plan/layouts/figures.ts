/** KPI cards: two to four headline figures. */
import type { SlideOf } from '../../load/layouts.js';
import type { Kpi } from '../../load/schema.js';
import { formatNumber } from '../../figures/format.js';
import { evaluate, formatDerived, prettyFormula } from '../../figures/derive.js';
import type { PlanContext } from '../context.js';
import type { Shape } from '../deck.js';
import { columns, GRID, pad } from '../grid.js';
import { para } from '../text.js';

/** A KPI's value as shown: numbers keep the digits the source gives, with thousands separators. */
export function kpiValue(k: Kpi): string {
  const shown = k.derived ? formatDerived(evaluate(k.derived.formula), k.derived.format) : typeof k.value === 'number' ? formatNumber(k.value) : String(k.value);
  // "%" belongs to the number, as it does in a derived "0%" figure: 87 with unit "%" shows "87%".
  return k.unit?.startsWith('%') && !shown.endsWith('%') ? `${shown}%` : shown;
}

/** The unit line under a KPI's value: what is left once "%" has joined the number ("% of trips" -> "of trips"). */
export function kpiUnit(k: Kpi): string | undefined {
  const unit = k.unit?.startsWith('%') ? k.unit.slice(1).trim() : k.unit?.trim();
  return unit || undefined;
}

export function kpisBody(ctx: PlanContext, slide: SlideOf<'kpis'>): Shape[] {
  const { colours } = ctx.theme;
  const area = { ...GRID.body, y: GRID.body.y + 0.25, h: 3.9 };
  const shapes: Shape[] = [];
  columns(area, slide.kpis.map(() => 1), 0.3).forEach((card, i) => {
    const k = slide.kpis[i]!;
    const at = ['slides', slide.index, 'kpis', i];
    shapes.push({ kind: 'rect', box: card, fill: colours.panel }, { kind: 'rect', box: { ...card, h: 0.08 }, fill: colours.accent });
    const inner = pad(card, 0.25);
    let y = inner.y + 0.05;
    shapes.push(ctx.text({ ...inner, y, h: 1.05 }, [para(kpiValue(k))], { role: 'kpiValue', bold: true, colour: colours.primary, valign: 'bottom' }, [...at, k.derived ? 'derived' : 'value']));
    y += 1.1;
    const unit = kpiUnit(k);
    if (unit) {
      shapes.push(ctx.text({ ...inner, y, h: 0.45 }, [para(unit)], { role: 'kpiLabel', max: 18, bold: true, colour: colours.accent }, [...at, 'unit']));
    }
    y += 0.55;
    const foot = k.derived ? `Derived: ${prettyFormula(k.derived.formula)}` : undefined;
    const footH = foot ? 0.5 : 0;
    shapes.push(ctx.text({ ...inner, y, h: inner.y + inner.h - y - footH }, [para(k.label)], { role: 'kpiLabel', colour: colours.text }, [...at, 'label']));
    if (foot) {
      shapes.push(ctx.text({ ...inner, y: inner.y + inner.h - footH, h: footH }, [para(foot)], { role: 'footnote', italic: true, colour: colours.muted, valign: 'bottom' }, [...at, 'derived']));
    }
  });
  return shapes;
}
