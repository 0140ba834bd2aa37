/** pptxgenjs, loaded with the part collector in place of JSZip (see parts.ts and pptx-load.ts). */
import type pptxgenModule from 'pptxgenjs';
import { loadPptxGenJS } from './pptx-load.js';

export type PptxGenJS = typeof pptxgenModule.default;
export type Presentation = InstanceType<PptxGenJS>;
export type Slide = ReturnType<Presentation['addSlide']>;
export type TextProps = pptxgenModule.default.TextProps;
export type TextPropsOptions = pptxgenModule.default.TextPropsOptions;
export type TableCell = pptxgenModule.default.TableCell;
export type TableCellProps = pptxgenModule.default.TableCellProps;
export type SlideNumberProps = pptxgenModule.default.SlideNumberProps;

// The bundled CLI (scripts/bundle.mjs) swaps pptx-load.ts for pptx-bundled.ts: the same
// pptxgenjs with the same collector, compiled into the bundle (and so into its code cache).
export const PptxGenJS: PptxGenJS = loadPptxGenJS() as PptxGenJS;
