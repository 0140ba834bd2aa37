/**
 * pptxgenjs's typings describe its CommonJS build (the class under `.default`), while Node's ESM
 * import hands over the class itself; this file bridges the two once, for the emit modules.
 */
import pptxgenModule from 'pptxgenjs';

export type PptxGenJS = typeof pptxgenModule.default;
export const PptxGenJS = ((pptxgenModule as unknown as { default?: PptxGenJS }).default ?? pptxgenModule) as PptxGenJS;
export type Presentation = InstanceType<PptxGenJS>;
export type Slide = ReturnType<Presentation['addSlide']>;
export type TextProps = pptxgenModule.default.TextProps;
export type TextPropsOptions = pptxgenModule.default.TextPropsOptions;
export type TableCell = pptxgenModule.default.TableCell;
export type TableCellProps = pptxgenModule.default.TableCellProps;
export type SlideNumberProps = pptxgenModule.default.SlideNumberProps;
