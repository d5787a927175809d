// A bureau workbook written part by part in the form Excel 2016 saves, carrying what a unit cannot
// afford to lose: a chart and a text box, a chartsheet, a pivot table, sparklines, an Excel 2010 list
// validation pointing at another sheet, internal hyperlinks, comments, custom document properties,
// workbook protection, print titles, page breaks and fit-to-page, a table, an autofilter with criteria,
// 20 column widths, conditional formats (containsText), defined names (one sheet-scoped, one of the same
// name global, one to an external workbook), an external link, a sheet with a legacy password, shared and
// array formulas, a hidden sheet; and, as .xlsm, a macro project.
import { projectListSheet } from '../../src/samples/layouts';
import { esc, NS, rels, SharedStrings, sheetData, specRows, STYLES, worksheet, XML, zip } from './packages';

export interface FixtureOptions {
  macro?: boolean;
  /** Workbook structure protected (no sheet may be added); otherwise only the window layout is. */
  structureLocked?: boolean;
}

const CT = 'application/vnd.openxmlformats-officedocument';
const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CHART_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The project list the engine fills (rates, grades), with its total row as formulas. */
export function fixtureList() {
  return projectListSheet('项目汇总表', '2025年度项目支出绩效自评汇总表', [
    { name: '道路维护', category: '专项项目', initial: 10, budget: 10, executed: 9.5, score: 95 },
    { name: '环境整治', category: '专项项目', initial: 20, budget: 20, executed: 15, score: 72 },
  ]);
}

function chart(ref: string, title: string): string {
  return `${XML}<c:chartSpace ${CHART_NS}><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    + '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
    + `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'项目汇总表'!$B$5:$B$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${ref}</c:f></c:numRef></c:val></c:ser>`
    + '<c:gapWidth val="150"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
    + '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    + '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
    + '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';
}

const anchor = (from: [number, number], to: [number, number], body: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;

const chartFrame = (id: number, rid: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="图表 ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.rel}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const textBox = `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN"/><a:t>请于3月31日前报送</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;

export function excelFixture(options: FixtureOptions = {}): Uint8Array {
  const strings = new SharedStrings();
  const list = fixtureList();
  const rows = specRows(list);
  const total = rows.findIndex((r) => r[0] === '合计');
  const formulas: Record<string, string> = { [`D${total + 1}`]: `SUM(D5:D${total})`, [`E${total + 1}`]: `SUM(E5:E${total})`, [`F${total + 1}`]: `SUM(F5:F${total})` };
  rows[total][3] = 30;
  rows[total][4] = 30;
  rows[total][5] = 24.5;
  let data = sheetData(rows, strings, formulas);
  // A shared formula (L5:L6, the unspent amount) and an array formula (M5), beside the table.
  data = data
    .replace('</row><row r="6"', '<c r="L5" s="2"><f t="shared" ref="L5:L6" si="0">E5-F5</f><v>0.5</v></c><c r="M5" s="2"><f t="array" ref="M5">SUM(E5:E6*1)</f><v>30</v></c></row><row r="6"')
    .replace(/(<row r="6"[^>]*>.*?)<\/row>/, '$1<c r="L6" s="2"><f t="shared" si="0"/><v>5</v></c></row>');

  const cols = Array.from({ length: 20 }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="${(8 + i * 1.25).toFixed(2)}" customWidth="1"/>`).join('');
  const sheet1 = worksheet(
    '<sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:M10"/>'
      + '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>'
      + `<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><cols>${cols}</cols>`,
    data,
    '<autoFilter ref="A4:K6"><filterColumn colId="2"><filters><filter val="专项项目"/></filters></filterColumn></autoFilter>'
      + `<mergeCells count="${list.merges.length}">${list.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      + '<conditionalFormatting sqref="B5:B6"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="整治"><formula>NOT(ISERROR(SEARCH("整治",B5)))</formula></cfRule></conditionalFormatting>'
      + '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="金额" error="请输入不小于0的数字" sqref="D5:F6"><formula1>0</formula1></dataValidation></dataValidations>'
      + '<hyperlinks><hyperlink ref="B5" location="\'参数\'!A1" display="道路维护"/></hyperlinks>'
      + '<printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
      + '<pageSetup paperSize="9" scale="85" fitToHeight="0" orientation="landscape" r:id="rId3"/>'
      + '<headerFooter><oddFooter>第 &amp;P 页</oddFooter></headerFooter>'
      + '<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="6" max="1048575" man="1"/></colBreaks>'
      + '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>'
      + '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>参数!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>C5:C6</xm:sqref></x14:dataValidation></x14:dataValidations></ext>'
      + '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>项目汇总表!D5:F5</xm:f><xm:sqref>N5</xm:sqref></x14:sparkline><x14:sparkline><xm:f>项目汇总表!D6:F6</xm:f><xm:sqref>N6</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>',
  );

  // 指标明细: protected with the legacy password hash Excel 2003 wrote; a computed cell there stays unwritten.
  const detailRows = [['项目名称', '合计预算'], ['道路维护', 10]];
  const sheet2 = worksheet(
    '<dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>',
    sheetData(detailRows, strings),
    '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  );

  // 参数 (hidden): the validation's list and a table with its own filter buttons; the pivot sits beside it.
  const paramRows = [['类别', '金额'], ['专项项目', 10], ['基本建设', 20], ['日常运转', 5]];
  const sheet4 = worksheet(
    '<dimension ref="A1:E6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>',
    sheetData(paramRows, strings).replace('</sheetData>', '<row r="6" spans="4:5"><c r="D6" t="s"><v>' + strings.add('行标签') + '</v></c><c r="E6" t="s"><v>' + strings.add('求和项:金额') + '</v></c></row></sheetData>'),
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
  );

  const chartsheet = `${XML}<chartsheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetPr/><sheetViews><sheetView zoomScale="90" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;

  const workbook = `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">`
    + '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>'
    + `<workbookPr ${options.macro ? 'codeName="ThisWorkbook" ' : ''}defaultThemeVersion="166925"/>`
    + `<workbookProtection ${options.structureLocked ? 'lockStructure="1"' : 'lockWindows="1"'}/>`
    + '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>'
    + '<sheets><sheet name="项目汇总表" sheetId="1" r:id="rId1"/><sheet name="指标明细" sheetId="2" r:id="rId2"/><sheet name="图表" sheetId="3" r:id="rId3"/><sheet name="参数" sheetId="4" state="hidden" r:id="rId4"/></sheets>'
    + '<externalReferences><externalReference r:id="rId8"/></externalReferences>'
    + '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">项目汇总表!$A$4:$K$6</definedName>'
    + '<definedName name="_xlnm.Print_Titles" localSheetId="0">项目汇总表!$3:$4</definedName>'
    + '<definedName name="合计预算">项目汇总表!$E$7</definedName><definedName name="合计预算" localSheetId="1">指标明细!$B$2</definedName>'
    + '<definedName name="上年数">[1]Sheet1!$A$1</definedName></definedNames>'
    + '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="3" r:id="rId9"/></pivotCaches></workbook>';

  const parts: Record<string, string | Uint8Array> = {
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml'], ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'], ['rId3', 'extended-properties', 'docProps/app.xml'], ['rId4', 'custom-properties', 'docProps/custom.xml']]),
    'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>`
      + '<HeadingPairs><vt:vector size="6" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant><vt:variant><vt:lpstr>图表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>'
      + '<TitlesOfParts><vt:vector size="6" baseType="lpstr"><vt:lpstr>项目汇总表</vt:lpstr><vt:lpstr>指标明细</vt:lpstr><vt:lpstr>参数</vt:lpstr><vt:lpstr>图表</vt:lpstr><vt:lpstr>项目汇总表!Print_Titles</vt:lpstr><vt:lpstr>合计预算</vt:lpstr></vt:vector></TitlesOfParts>'
      + '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>',
    'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>财政局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-06T02:10:00Z</dcterms:created></cp:coreProperties>`,
    'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16929</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="填报单位"><vt:lpwstr>青山镇人民政府</vt:lpwstr></property></Properties>`,
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'worksheet', 'worksheets/sheet2.xml'], ['rId3', 'chartsheet', 'chartsheets/sheet1.xml'], ['rId4', 'worksheet', 'worksheets/sheet3.xml'],
      ['rId6', 'styles', 'styles.xml'], ['rId7', 'sharedStrings', 'sharedStrings.xml'], ['rId8', 'externalLink', 'externalLinks/externalLink1.xml'], ['rId9', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'],
      ...(options.macro ? [['rId10', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'] as [string, string, string]] : []),
    ]),
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/_rels/sheet1.xml.rels': rels([['rId1', 'drawing', '../drawings/drawing1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'], ['rId4', 'comments', '../comments1.xml'], ['rId3', 'printerSettings', '../printerSettings/printerSettings1.bin']]),
    'xl/printerSettings/printerSettings1.bin': new Uint8Array(Array.from({ length: 220 }, (_, i) => (i * 37) & 0xff)),
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/worksheets/sheet3.xml': sheet4,
    'xl/worksheets/_rels/sheet3.xml.rels': rels([['rId1', 'table', '../tables/table1.xml'], ['rId2', 'pivotTable', '../pivotTables/pivotTable1.xml']]),
    'xl/tables/table1.xml': `${XML}<table xmlns="${NS.main}" id="1" name="类别表" displayName="类别表" ref="A1:B4" totalsRowShown="0"><autoFilter ref="A1:B4"/><tableColumns count="2"><tableColumn id="1" name="类别"/><tableColumn id="2" name="金额"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    'xl/pivotCache/pivotCacheDefinition1.xml': `${XML}<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.rel}" r:id="rId1" refreshedBy="财政局" refreshedDate="45658.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="参数"/></cacheSource><cacheFields count="2"><cacheField name="类别" numFmtId="0"><sharedItems count="3"><s v="专项项目"/><s v="基本建设"/><s v="日常运转"/></sharedItems></cacheField><cacheField name="金额" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="5" maxValue="20"/></cacheField></cacheFields></pivotCacheDefinition>`,
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']]),
    'xl/pivotCache/pivotCacheRecords1.xml': `${XML}<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.rel}" count="3"><r><x v="0"/><n v="10"/></r><r><x v="1"/><n v="20"/></r><r><x v="2"/><n v="5"/></r></pivotCacheRecords>`,
    'xl/pivotTables/pivotTable1.xml': `${XML}<pivotTableDefinition xmlns="${NS.main}" name="数据透视表1" cacheId="3" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="D6:E10" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:金额" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
    'xl/pivotTables/_rels/pivotTable1.xml.rels': rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']]),
    'xl/chartsheets/sheet1.xml': chartsheet,
    'xl/chartsheets/_rels/sheet1.xml.rels': rels([['rId1', 'drawing', '../drawings/drawing2.xml']]),
    'xl/drawings/drawing1.xml': `${XML}<xdr:wsDr ${DRAWING_NS}>${anchor([12, 8], [18, 22], chartFrame(2, 'rId1'))}${anchor([0, 11], [3, 13], textBox)}</xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': rels([['rId1', 'chart', '../charts/chart1.xml']]),
    'xl/drawings/drawing2.xml': `${XML}<xdr:wsDr ${DRAWING_NS}><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666922" cy="6293304"/>${chartFrame(2, 'rId1')}<xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing2.xml.rels': rels([['rId1', 'chart', '../charts/chart2.xml']]),
    'xl/charts/chart1.xml': chart("'项目汇总表'!$E$5:$E$6", '全年预算数'),
    'xl/charts/chart2.xml': chart("'项目汇总表'!$F$5:$F$6", '全年执行数'),
    'xl/comments1.xml': `${XML}<comments xmlns="${NS.main}"><authors><author>财政局</author></authors><commentList><comment ref="E5" authorId="0"><text><r><t>按调整后预算填写</t></r></text></comment></commentList></comments>`,
    'xl/drawings/vmlDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:60pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>5, 15, 4, 2, 7, 15, 8, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>4</x:Column></x:ClientData></v:shape></xml>',
    'xl/externalLinks/externalLink1.xml': `${XML}<externalLink xmlns="${NS.main}" xmlns:r="${NS.rel}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>188</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    'xl/externalLinks/_rels/externalLink1.xml.rels': rels([['rId1', 'externalLinkPath', '2024年自评表.xlsx', true]]),
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': strings.xml(),
  };
  if (options.macro) parts['xl/vbaProject.bin'] = new Uint8Array(Array.from({ length: 1536 }, (_, i) => (i * 131 + 7) & 0xff));
  const main = options.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : `${CT}.spreadsheetml.sheet.main+xml`;
  const overrides: Array<[string, string]> = [
    ['/xl/workbook.xml', main], ['/xl/worksheets/sheet1.xml', `${CT}.spreadsheetml.worksheet+xml`], ['/xl/worksheets/sheet2.xml', `${CT}.spreadsheetml.worksheet+xml`],
    ['/xl/worksheets/sheet3.xml', `${CT}.spreadsheetml.worksheet+xml`], ['/xl/chartsheets/sheet1.xml', `${CT}.spreadsheetml.chartsheet+xml`],
    ['/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`], ['/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`],
    ['/xl/tables/table1.xml', `${CT}.spreadsheetml.table+xml`], ['/xl/pivotTables/pivotTable1.xml', `${CT}.spreadsheetml.pivotTable+xml`],
    ['/xl/pivotCache/pivotCacheDefinition1.xml', `${CT}.spreadsheetml.pivotCacheDefinition+xml`], ['/xl/pivotCache/pivotCacheRecords1.xml', `${CT}.spreadsheetml.pivotCacheRecords+xml`],
    ['/xl/drawings/drawing1.xml', `${CT}.drawing+xml`], ['/xl/drawings/drawing2.xml', `${CT}.drawing+xml`],
    ['/xl/charts/chart1.xml', `${CT}.drawingml.chart+xml`], ['/xl/charts/chart2.xml', `${CT}.drawingml.chart+xml`],
    ['/xl/comments1.xml', `${CT}.spreadsheetml.comments+xml`], ['/xl/externalLinks/externalLink1.xml', `${CT}.spreadsheetml.externalLink+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'], ['/docProps/app.xml', `${CT}.extended-properties+xml`], ['/docProps/custom.xml', `${CT}.custom-properties+xml`],
  ];
  const defaults = '<Default Extension="bin" ContentType="' + (options.macro ? 'application/vnd.ms-office.vbaProject' : `${CT}.spreadsheetml.printerSettings`) + '"/>'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml" ContentType="application/xml"/>';
  const printer = options.macro ? `<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="${CT}.spreadsheetml.printerSettings"/>` : '';
  const types = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}${printer}</Types>`;
  // [Content_Types].xml first, as Excel writes it.
  return zip({ '[Content_Types].xml': types, ...parts });
}
