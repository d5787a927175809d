# A bureau workbook as openpyxl (Debian's python3-openpyxl) writes it: its own part layout, formulas
# without cached results, a chart, an image, a comment, a table, validations, conditional formats,
# defined names, a hyperlink, print titles, a protected sheet. Run: /usr/bin/python3 openpyxl_fixture.py OUT.xlsx
import io
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PILImage

wb = Workbook()
ws = wb.active
ws.title = "项目汇总表"
ws.append(["2025年度项目支出绩效自评汇总表"])
ws.merge_cells("A1:K1")
ws.append([None] * 10 + ["单位：万元"])
ws.append(["序号", "项目名称", "项目类别", "项目资金（万元）", None, None, "执行率（B/A）", "绩效目标实现程度（%）", "自评得分", "评价等级", "偏差原因及说明"])
ws.append([None, None, None, "年初预算数", "全年预算数（A）", "全年执行数（B）"])
for c in "ABCGHIJK":
    ws.merge_cells(f"{c}3:{c}4")
ws.merge_cells("D3:F3")
ws.append([1, "道路维护", "专项项目", 10, 10, 9.5, None, None, 95, None, ""])
ws.append([2, "环境整治", "专项项目", 20, 20, 15, None, None, 72, None, ""])
# The total row: formulas openpyxl saves without a result.
ws.append(["合计", None, None, "=SUM(D5:D6)", "=SUM(E5:E6)", "=SUM(F5:F6)"])
ws.merge_cells("A7:C7")
thin = Side(style="thin")
for row in ws.iter_rows(min_row=3, max_row=7, max_col=11):
    for cell in row:
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
ws["A1"].font = Font(name="宋体", size=16, bold=True)
for i, w in enumerate([6, 30, 12, 12, 14, 14, 12, 14, 10, 10, 30]):
    ws.column_dimensions[chr(65 + i)].width = w
ws.freeze_panes = "A5"
ws.print_title_rows = "3:4"

chart = BarChart()
chart.title = "全年预算数"
chart.add_data(Reference(ws, min_col=5, min_row=5, max_row=6))
chart.set_categories(Reference(ws, min_col=2, min_row=5, max_row=6))
ws.add_chart(chart, "M3")

png = io.BytesIO()
PILImage.new("RGB", (40, 20), (200, 30, 30)).save(png, format="PNG")
png.seek(0)
ws.add_image(Image(png), "M20")

ws["E5"].comment = Comment("按调整后预算填写", "财政局")
ws["B5"].hyperlink = "#参数!A1"

dv = DataValidation(type="list", formula1="参数!$A$2:$A$4", allow_blank=True)
ws.add_data_validation(dv)
dv.add("C5:C6")
ws.conditional_formatting.add("I5:I6", CellIsRule(operator="lessThan", formula=["80"], fill=PatternFill(bgColor="FFC7CE")))

params = wb.create_sheet("参数")
for row in [["类别", "金额"], ["专项项目", 10], ["基本建设", 20], ["日常运转", 5]]:
    params.append(row)
table = Table(displayName="类别表", ref="A1:B4")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
params.add_table(table)

detail = wb.create_sheet("指标明细")
detail.append(["项目名称", "合计预算"])
detail.append(["道路维护", 10])
detail.protection.sheet = True
detail.protection.password = "selfeval"

wb.defined_names.append(DefinedName("合计预算", attr_text="项目汇总表!$E$7"))
wb.save(sys.argv[1])
