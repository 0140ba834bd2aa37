/** Text shapes -> pptxgenjs text objects, with explicit sizes and autofit off. */
import type { TextShape } from '../plan/deck.js';
import { indentStep, spaceBeforePt } from '../plan/measure.js';
import { inToPt } from '../plan/units.js';
import type { Slide, TextProps, TextPropsOptions } from './pptx.js';
import { xmlSafe } from './sanitize.js';


export function textRuns(shape: TextShape): TextProps[] {
  const out: TextProps[] = [];
  shape.paragraphs.forEach((p, pi) => {
    const last = pi === shape.paragraphs.length - 1;
    p.runs.forEach((r, ri) => {
      const options: TextPropsOptions = {};
      if (r.bold) options.bold = true;
      if (r.italic) options.italic = true;
      if (p.bullet) {
        options.bullet = { indent: Math.round(inToPt(indentStep(shape.size)) * 10) / 10 };
        if (p.level > 0) options.indentLevel = p.level;
      }
      const before = pi > 0 ? spaceBeforePt(p, shape.size) : 0;
      if (before > 0) options.paraSpaceBefore = Math.round(before * 10) / 10;
      if (ri === p.runs.length - 1 && !last) options.breakLine = true;
      out.push({ text: xmlSafe(r.text), options });
    });
  });
  return out;
}

export function emitText(slide: Slide, shape: TextShape): void {
  const { box, insets } = shape;
  const options: TextPropsOptions = {
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    fontFace: shape.font,
    fontSize: shape.size,
    color: shape.colour,
    align: shape.align,
    valign: shape.valign,
    margin: [inToPt(insets.l), inToPt(insets.r), inToPt(insets.b), inToPt(insets.t)],
    fit: 'none',
    wrap: true,
  };
  if (shape.bold) options.bold = true;
  if (shape.italic) options.italic = true;
  if (shape.lineSpacing !== 1) options.lineSpacingMultiple = shape.lineSpacing;
  if (shape.fill) options.fill = { color: shape.fill };
  slide.addText(textRuns(shape), options);
}
