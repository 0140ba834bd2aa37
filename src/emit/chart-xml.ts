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
 */

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

export function repairChartXml(xml: string): string {
  return lineGrouping(xml.replace(THREE_AXES, '$1$2'));
}
