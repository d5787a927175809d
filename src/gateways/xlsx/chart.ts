// A bar or column chart of one series over a sheet's cells, as the parts an .xlsx holds it in: the
// chart (DrawingML chart), the drawing that places it over the sheet, and their relationships. The
// values are cached in the chart too, so a program that draws without calculating shows them.

import { escapeAttribute, escapeText } from './xml';

export interface ChartSeries {
  name: string;
  /** Where the series name, the categories and the values are on the sheet ("'执行率图'!$B$2"). */
  nameRef: string;
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  values: Array<number | null>;
  /** RRGGBB. */
  colour: string;
  /** Points drawn in another colour, by index. */
  highlight?: { points: number[]; colour: string };
}

export interface ChartLayout {
  /** `bar`: horizontal bars, the first category at the top; `column`: vertical columns. */
  direction: 'bar' | 'column';
  title: string;
  /** The cell under the chart's top-left corner and the cell just past its bottom-right one (0-based). */
  from: { row: number; col: number };
  to: { row: number; col: number };
  series: ChartSeries;
  /** Number format of the value axis and the data labels ("0.00%"). */
  numberFormat: string;
  /** The value axis starts here (0 for rates: a bar's length is its value). */
  min?: number;
  /** Each bar labelled with its value. */
  dataLabels?: boolean;
}

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const FONT = '宋体';

/** A sheet name as a formula writes it: 'name', apostrophes doubled. */
export function sheetRef(sheet: string, area: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${area}`;
}

const fill = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
const textProps = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: Array<number | null>, format: string): string {
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

export function chartXml(chart: ChartLayout): string {
  const s = chart.series;
  const bar = chart.direction === 'bar';
  const highlighted = (s.highlight?.points ?? [])
    .map((i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(s.highlight!.colour)}</c:dPt>`).join('');
  const labels = chart.dataLabels
    ? `<c:dLbls><c:numFmt formatCode="${escapeAttribute(chart.numberFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(9)}`
      + '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    : '';
  const series = '<c:ser><c:idx val="0"/><c:order val="0"/>'
    + `<c:tx><c:strRef><c:f>${escapeText(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`
    + `${fill(s.colour)}<c:invertIfNegative val="0"/>${highlighted}${labels}`
    + `<c:cat><c:strRef><c:f>${escapeText(s.categoriesRef)}</c:f>${strCache(s.categories)}</c:strRef></c:cat>`
    + `<c:val><c:numRef><c:f>${escapeText(s.valuesRef)}</c:f>${numCache(s.values, chart.numberFormat)}</c:numRef></c:val></c:ser>`;
  const axisLine = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';
  // Bars run top-down in the categories' order: the category axis reversed, the value axis where it ends (at the bottom).
  const categoryAxis = '<c:catAx><c:axId val="500001"/>'
    + `<c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'l' : 'b'}"/>`
    + '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + `${axisLine}${textProps(9)}<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis = '<c:valAx><c:axId val="500002"/>'
    + `<c:scaling><c:orientation val="minMax"/>${chart.min !== undefined ? `<c:min val="${chart.min}"/>` : ''}</c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/>`
    + '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="E7E6E6"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    + `<c:numFmt formatCode="${escapeAttribute(chart.numberFormat.replace(/\.0+/, ''))}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`
    + `${axisLine}${textProps(9)}<c:crossAx val="500001"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr>`
    + `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:rPr><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return `${DECLARATION}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/>`
    + `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>`
    + `<c:barChart><c:barDir val="${chart.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>`
    + `${categoryAxis}${valueAxis}</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>${textProps(10)}</c:chartSpace>`;
}

/** The drawing part placing `charts` over a sheet; chart i is relationship rId{i+1} of the drawing. */
export function drawingXml(charts: ChartLayout[]): string {
  const anchors = charts.map((chart, i) => {
    const at = (tag: string, p: { row: number; col: number }) =>
      `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return `<xdr:twoCellAnchor editAs="oneCell">${at('from', chart.from)}${at('to', chart.to)}`
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttribute(`图表 ${i + 1}`)}" descr="${escapeAttribute(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
      + `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `${DECLARATION}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A}" xmlns:r="${R}">${anchors.join('')}</xdr:wsDr>`;
}
