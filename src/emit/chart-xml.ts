/**
 * Repairs to the chart parts pptxgenjs 4.0.1 writes for native charts, so they validate against
 * dml-chart.xsd (as the other package fixes in package.ts do for slides):
 *
 * - PptxGenJS #1534: bar, line and area charts end with three c:axId where CT_BarChart,
 *   CT_LineChart and CT_AreaChart allow two; the third names a series axis that is never written.
 * - CT_LineChart requires c:grouping first, before c:varyColors; pptxgenjs writes no grouping
 *   for line charts at all (and where one is given, after c:varyColors).
 * - CT_LineSer has no c:invertIfNegative (a bar series property) but pptxgenjs writes one, and
 *   it wants c:marker before c:dLbls, where pptxgenjs writes it after.
 *
 * And one that is not about the schema: pptxgenjs takes one data-label colour per chart, and
 * deckgen gives white to the labels drawn inside stacked segments and slices. Each of those
 * labels gets the ink (white or near-black) that reads better on its own fill (insideInk), and
 * so do labels on a tag of their series' colour (taggedInk: a combo's line labels over bars).
 */
import { inkOn } from '../theme/contrast.js';
import { withLanguage, type TextLanguage } from './slide-xml.js';

const AX_ID = String.raw`<c:axId val="\d+"\s*/>`;
const THREE_AXES = new RegExp(String.raw`(${AX_ID}\s*${AX_ID})\s*${AX_ID}(\s*</c:(?:bar|line|area)Chart>)`, 'g');

/** In a line series, the marker goes before the data labels. */
const markerFirst = (ser: string): string =>
  ser.replace(/(<c:dLbls>.*?<\/c:dLbls>)(\s*)(<c:marker>.*?<\/c:marker>)/s, '$3$2$1');

function lineGrouping(xml: string): string {
  return xml.replace(/<c:lineChart>(.*?)<\/c:lineChart>/gs, (_all, body: string) => {
    const grouping = /<c:grouping val="[^"]*"\s*\/>/.exec(body)?.[0] ?? '<c:grouping val="standard"/>';
    const series = body
      .replace(grouping, '')
      .replace(/\s*<c:invertIfNegative val="\d"\s*\/>/g, '')
      .replace(/<c:ser>.*?<\/c:ser>/gs, markerFirst);
    return `<c:lineChart>${grouping}${series}</c:lineChart>`;
  });
}

const WHITE_INK = /(<c:txPr>(?:(?!<\/c:txPr>).)*?<a:srgbClr val=")FFFFFF("\/>)/s;
const fillOf = (xml: string): string | undefined => /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-Fa-f]{6})"\/>/.exec(xml)?.[1];

/** White labels inside stacked bar segments and pie or doughnut slices, in the ink their fill needs. */
function insideInk(xml: string): string {
  const stacked = xml.replace(/<c:barChart>.*?<\/c:barChart>/gs, (chart) =>
    /<c:grouping val="(?:stacked|percentStacked)"\s*\/>/.test(chart)
      ? chart.replace(/<c:ser>.*?<\/c:ser>/gs, (ser) => {
          const fill = fillOf(ser);
          return fill ? ser.replace(/<c:dLbls>.*?<\/c:dLbls>/s, (labels) => labels.replace(WHITE_INK, `$1${inkOn(fill)}$2`)) : ser;
        })
      : chart,
  );
  return stacked.replace(/<c:(pie|doughnut)Chart>.*?<\/c:\1Chart>/gs, (chart) =>
    chart.replace(/<c:ser>.*?<\/c:ser>/gs, (ser) => {
      const fills = new Map([...ser.matchAll(/<c:dPt>\s*<c:idx val="(\d+)"\/>(.*?)<\/c:dPt>/gs)].map((m) => [m[1]!, fillOf(m[2]!)]));
      return ser.replace(/<c:dLbl>\s*<c:idx val="(\d+)"\/>.*?<\/c:dLbl>/gs, (label, idx: string) => {
        const fill = fills.get(idx);
        return fill ? label.replace(WHITE_INK, `$1${inkOn(fill)}$2`) : label;
      });
    }),
  );
}

/** Labels on a tag of their series' colour (a combo's line, over bars): in the ink that reads on the tag. */
function taggedInk(xml: string): string {
  return xml.replace(/<c:dLbls>\s*<c:numFmt\b[^>]*\/>\s*<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-Fa-f]{6})"\/>.*?<\/c:dLbls>/gs, (labels, fill: string) =>
    labels.replace(/(<c:txPr>(?:(?!<\/c:txPr>).)*?<a:srgbClr val=")[0-9A-Fa-f]{6}("\/>)/s, `$1${inkOn(fill)}$2`),
  );
}

export function repairChartXml(xml: string): string {
  return taggedInk(insideInk(lineGrouping(xml.replace(THREE_AXES, '$1$2'))));
}

/**
 * A native chart's text in the deck's language and its typefaces: pptxgenjs tags it en-US and
 * names only a Latin typeface, so Arabic, Hebrew and CJK labels fell back to whatever the viewer
 * chose (and Arabic drew its dots out of place in LibreOffice).
 */
export function chartLanguage(xml: string, { lang, ea, cs }: TextLanguage): string {
  const slots = `${ea ? `<a:ea typeface="${ea}"/>` : ''}${cs ? `<a:cs typeface="${cs}"/>` : ''}`;
  return withLanguage(slots ? xml.replace(/(<a:latin\b[^>]*\/>)(?!<a:(?:ea|cs)\b)/g, `$1${slots}`) : xml, { lang });
}

type Parts = Map<string, string | Uint8Array>;

/**
 * pptxgenjs numbers charts (chartN.xml, Microsoft_Excel_WorksheetN.xlsx) with a counter that
 * lives as long as the process, so a second build in the same process (watch mode, a library
 * user) would name its charts chart9... Number them 1, 2, ... per deck, in every name and
 * reference, so the same outline always gives the same bytes.
 */
export function renumberCharts(parts: Parts): Parts {
  const numbers = [...parts.keys()]
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const next = new Map(numbers.map((n, i) => [n, i + 1]));
  if (numbers.every((n) => next.get(n) === n)) return parts;
  const rename = (text: string): string =>
    text.replace(/(charts\/chart|charts\/_rels\/chart|Microsoft_Excel_Worksheet)(\d+)(\.xml|\.xlsx)/g, (all, pre: string, n: string, ext: string) => (next.has(Number(n)) ? `${pre}${next.get(Number(n))}${ext}` : all));
  const out: Parts = new Map();
  for (const [name, data] of parts) out.set(rename(name), typeof data === 'string' && /(\.rels|\[Content_Types\]\.xml)$/.test(name) ? rename(data) : data);
  return out;
}
