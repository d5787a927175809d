// Every issue the engine can raise: a stable rule id, a fixed severity, and a message for the person who
// fills the form (what is wrong, what to do), in Chinese and in English.

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;

interface RuleText {
  severity: Severity;
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

/** Table kinds as messages name them. */
const TABLE_NAMES: Record<string, { zh: string; en: string }> = {
  projects: { zh: '项目汇总表', en: 'project list' },
  indicators: { zh: '绩效指标表', en: 'indicator list' },
  form: { zh: '项目支出绩效自评表', en: 'self-evaluation form' },
  department: { zh: '部门整体绩效自评表', en: 'department-wide table' },
};

/** Why a workbook's carried settings cannot be used. */
const SETTINGS_PROBLEM: Record<string, { zh: string; en: string }> = {
  changed: { zh: '已被改动', en: 'was changed' },
  unreadable: { zh: '无法读取', en: 'cannot be read' },
  newer: { zh: '由更新版本的本工具写入，无法读取', en: 'was written by a newer version of this tool' },
  invalid: { zh: '有误', en: 'is not valid' },
};

/** "1 point", "2.5 points". */
const points = (n: string | number) => `${n} ${Number(n) === 1 ? 'point' : 'points'}`;

export const RULES = {
  'workbook.no-table': {
    severity: 'error',
    zh: () => '未识别到项目汇总表、绩效指标表、项目支出绩效自评表或部门整体绩效自评表。请确认表头含“项目名称”“三级指标”“年度指标值”“分值”等列名；部门整体绩效自评表的表头应含“三级指标”“评分标准”“分值”“自评得分”。',
    en: () => 'No project list, indicator list, self-evaluation form or department-wide table was recognised. Check that the headers include 项目名称, 三级指标, 年度指标值, 分值; a department-wide table\'s headers include 三级指标, 评分标准, 分值, 自评得分.',
  },
  'file.merge-overlap': {
    severity: 'info',
    zh: (p) => `合并区域 ${p.ranges} 与其他合并区域重叠（共${p.count}处，WPS 保存的文件常见），检查时不计这些合并；输出文件中的合并保持原样（Excel 打开时可能提示修复），可在 WPS 中取消重叠的合并后再保存。`,
    en: (p) => `Merged areas ${p.ranges} overlap other merges (${p.count}, common in files saved by WPS); the check leaves them out. The output keeps every merge as it was (Excel may offer to repair them); unmerge the overlapping areas in WPS and save again.`,
  },
  'table.missing-column': {
    severity: 'error',
    zh: (p) => `${p.table}缺少“${p.column}”列，相关检查和计算无法进行；请在表头补上该列。`,
    en: (p) => `The ${Object.values(TABLE_NAMES).find((t) => t.zh === p.table)?.en ?? p.table} has no "${p.column}" column, so its checks and computations cannot run; add the column to the header.`,
  },
  'cell.error-value': {
    severity: 'error',
    zh: (p) => `“${p.field}”为错误值 ${p.code}；请修正公式或改填数值。`,
    en: (p) => `"${p.field}" holds the error value ${p.code}; fix the formula or type the number.`,
  },
  'cell.not-number': {
    severity: 'error',
    zh: (p) => `“${p.field}”应为数字，当前为“${p.text}”；请改填数字${p.unit ? `（单位：${p.unit}）` : ''}。`,
    en: (p) => `"${p.field}" must be a number but holds "${p.text}"; type a number${p.unit ? ` (in ${p.unit})` : ''}.`,
  },
  'cell.text-number': {
    severity: 'info',
    zh: (p) => `“${p.field}”是文本“${p.text}”，已按${p.value}读取；Excel 和 WPS 的求和等公式不计入文本，请改为数字。`,
    en: (p) => `"${p.field}" holds the text "${p.text}", read as ${p.value}; sums and other formulas in Excel and WPS skip text: make it a number.`,
  },
  'project.name-missing': {
    severity: 'error',
    zh: () => '此行有金额或得分，但“项目名称”为空；请填写项目名称。',
    en: () => 'This row has amounts or scores but no project name (项目名称); fill it in.',
  },
  'project.duplicate': {
    severity: 'warning',
    zh: (p) => `项目“${p.name}”在 ${p.other} 和 ${p.here} 各有一行，按两个项目分别计算；如是同一项目重复填报，请删除其中一行。`,
    en: (p) => `Project "${p.name}" has a row at ${p.other} and at ${p.here}; they are counted as two projects. If it is the same project entered twice, delete one row.`,
  },
  'exec.budget-zero': {
    severity: 'error',
    zh: () => '全年预算数为0或未填写，无法计算预算执行率；请填写调整后的全年预算数。',
    en: () => 'The full-year budget (全年预算数) is zero or blank, so the execution rate cannot be computed; fill in the adjusted full-year budget.',
  },
  'exec.over': {
    severity: 'warning',
    zh: (p) => `全年执行数${p.executed}万元超过全年预算数${p.budget}万元（执行率${p.rate}）；请在偏差原因中说明超支原因。`,
    en: (p) => `Executed ${p.executed} exceeds the budget ${p.budget} (execution rate ${p.rate}); explain the over-spending in the deviation reason.`,
  },
  'exec.low': {
    severity: 'warning',
    zh: (p) => `预算执行率为${p.rate}，超过20%的预算未执行；请说明原因，并在整改措施中写明如何加快执行进度。`,
    en: (p) => `The execution rate is ${p.rate}: more than 20% of the budget was not spent; explain why and how execution will speed up.`,
  },
  'fund.total-mismatch': {
    severity: 'error',
    zh: (p) => `年度资金总额的“${p.column}”为${p.total}，但其中财政拨款、上年结转、其他资金之和为${p.sum}；请核对后使二者一致。`,
    en: (p) => `The total funds' "${p.column}" is ${p.total}, but appropriation + carry-over + other add up to ${p.sum}; make them agree.`,
  },
  'weights.total': {
    severity: 'error',
    zh: (p) => `各项分值合计为${p.total}分（含预算执行率${p.execution}分），应为100分；请调整分值。`,
    en: (p) => `The weights add up to ${points(p.total)} (including ${p.execution} for budget execution); they must make 100.`,
  },
  'weights.level1-label': {
    severity: 'error',
    zh: (p) => `一级指标“${p.label}”标注${p.declared}分，其下各指标分值合计为${p.actual}分；请使二者一致。`,
    en: (p) => `Level-1 indicator "${p.label}" is labelled ${points(p.declared)} but its indicators add up to ${p.actual}; make them agree.`,
  },
  'weights.level1-split': {
    severity: 'info',
    zh: (p) => `一级指标分值为${p.split}，与默认的产出50分、效益30分、满意度10分不同；如属特殊情况，请在自评报告中说明。`,
    en: (p) => `The level-1 split is ${p.splitEn}, not the default output 50 / outcome 30 / satisfaction 10; explain the special case in the report.`,
  },
  'weight.missing': {
    severity: 'error',
    zh: () => '未填写分值，无法计算得分；请填写该指标的分值。',
    en: () => 'No weight (分值): the score cannot be computed; fill in the weight.',
  },
  'score.above-weight': {
    severity: 'error',
    zh: (p) => `得分${p.score}高于分值${p.weight}；得分不能超过分值，请修改。`,
    en: (p) => `The score ${p.score} is above the weight ${p.weight}; a score cannot exceed its weight.`,
  },
  'qual.out-of-band': {
    severity: 'error',
    zh: (p) => `实际完成值为“${p.grade}”，得分应在${p.range}之间，当前为${p.score}；请修改得分或实际完成值。`,
    en: (p) => `The actual value is "${p.grade}", so the score must be within ${p.range}, not ${p.score}; change the score or the actual value.`,
  },
  'qual.default-filled': {
    severity: 'info',
    zh: (p) => `定性指标得分为空，已按“${p.grade}”建议填入${p.score}分；请确认，或在${p.range}内调整。`,
    en: (p) => `The qualitative score was blank; ${p.score} is suggested for "${p.grade}"; confirm it or choose another within ${p.range}.`,
  },
  'qual.unclear': {
    severity: 'warning',
    zh: (p) => `实际完成值“${p.text}”无法判断达成程度；请改填“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。`,
    en: (p) => `The actual value "${p.text}" does not say how far the target was met; write 达成年度指标, 部分达成年度指标并具有一定效果 or 未达成年度指标且效果较差.`,
  },
  'actual.missing': {
    severity: 'error',
    zh: () => '未填写实际完成值，无法计算得分；请填写全年实际完成情况。',
    en: () => 'No actual value (实际完成值): the score cannot be computed; fill in what was achieved.',
  },
  'actual.not-number': {
    severity: 'error',
    zh: (p) => `年度指标值“${p.target}”为定量指标，实际完成值“${p.text}”不是数值；请填写数值（如 ${p.example}）。`,
    en: (p) => `The target "${p.target}" is quantitative but the actual value "${p.text}" is not a number; type a number (e.g. ${p.example}).`,
  },
  'actual.negative': {
    severity: 'info',
    zh: (p) => `实际完成值${p.actual}为负数，按0计分。`,
    en: (p) => `The actual value ${p.actual} is negative and is scored as 0.`,
  },
  'actual.percent-assumed': {
    severity: 'info',
    zh: (p) => `实际完成值${p.actual}按${p.percent}理解（年度指标值以%计）；如不对请直接填写百分数。`,
    en: (p) => `The actual value ${p.actual} is read as ${p.percent} (the target is in %); type a percentage if that is wrong.`,
  },
  'target.missing': {
    severity: 'error',
    zh: () => '未填写年度指标值；请填写“≥95%”“≤90万元”这样的指标值，或定性目标的文字。',
    en: () => 'No target (年度指标值); write one such as "≥95%" or "≤90万元", or the text of a qualitative target.',
  },
  'target.malformed': {
    severity: 'error',
    zh: (p) => `年度指标值“${p.text}”无法识别；请写成“符号+数值+单位”，如“≥95%”“≤90万元”“=100%”。`,
    en: (p) => `The target "${p.text}" cannot be read; write operator + number + unit, e.g. "≥95%", "≤90万元", "=100%".`,
  },
  'target.unit-mismatch': {
    severity: 'error',
    zh: (p) => `年度指标值的单位为“${p.targetUnit}”，实际完成值的单位为“${p.actualUnit}”，无法换算；请统一单位。`,
    en: (p) => `The target is in "${p.targetUnit}" but the actual value in "${p.actualUnit}"; they cannot be converted, use one unit.`,
  },
  'cost.positive-operator': {
    severity: 'warning',
    zh: (p) => `成本指标的年度指标值为“${p.text}”（${p.operator}），成本指标通常应为“≤”上限；请确认指标方向。`,
    en: (p) => `The cost indicator's target is "${p.text}" (${p.operator}); cost targets are normally a ceiling (≤); check the direction.`,
  },
  'reason.missing-short': {
    severity: 'error',
    zh: (p) => `指标未完全达成（得分${p.score}，分值${p.weight}），请填写偏差原因分析及改进措施。`,
    en: (p) => `The indicator was not fully met (score ${p.score} of ${p.weight}); write the deviation reason and the measures taken.`,
  },
  'reason.missing-over': {
    // RULES.md §1.5: at ≥ 130 % a missing reason is warned about, whether the unit kept full marks or reduced them.
    severity: 'warning',
    zh: (p) => `实际完成值${p.actual}达到年度指标值${p.target}的${p.ratio}（≥${p.limit}），指标值可能设定偏低；请填写偏差原因分析。`,
    en: (p) => `The actual value ${p.actual} is ${p.ratio} of the target ${p.target} (≥ ${p.limit}): the target may have been set too low; explain the deviation.`,
  },
  'total.mismatch': {
    severity: 'error',
    zh: (p) => `${p.what}填写为${p.stated}，但各项之和为${p.sum}；回填时改为${p.sum}。`,
    en: (p) => `${p.whatEn} is written as ${p.stated} but its items add up to ${p.sum}; filling writes ${p.sum}.`,
  },
  'score.differs': {
    severity: 'error',
    zh: (p) => `得分填写为${p.stated}，按规则应为${p.value}（年度指标值${p.target}，实际完成值${p.actual}）；回填时改为${p.value}。`,
    en: (p) => `The score is written as ${p.stated}, but the rules give ${p.value} (target ${p.target}, actual ${p.actual}); filling writes ${p.value}.`,
  },
  'exec.score-differs': {
    severity: 'error',
    zh: (p) => `预算执行率得分填写为${p.stated}，按执行率${p.rate}×分值${p.weight}应为${p.value}；回填时改为${p.value}。`,
    en: (p) => `The execution score is written as ${p.stated}, but the execution rate ${p.rate} × the weight ${p.weight} gives ${p.value}; filling writes ${p.value}.`,
  },
  'project.score-differs': {
    severity: 'error',
    zh: (p) => `自评得分填写为${p.stated}，按该项目的指标得分应为${p.value}；回填时改为${p.value}。`,
    en: (p) => `The score is written as ${p.stated}, but the project's indicator scores give ${p.value}; filling writes ${p.value}.`,
  },
  'grade.differs': {
    severity: 'warning',
    zh: (p) => `评价等级填写为“${p.stated}”，按得分${p.score}应为“${p.value}”；回填时改为“${p.value}”。`,
    en: (p) => `The grade is written as "${p.stated}", but the score ${p.score} gives "${p.value}"; filling writes "${p.value}".`,
  },
  'cell.replaced': {
    severity: 'warning',
    zh: (p) => `此单元格填写为${p.stated}，按规则计算为${p.value}；回填时改为${p.value}。`,
    en: (p) => `This cell holds ${p.stated}; the rules give ${p.value}, which filling writes.`,
  },
  'list-total.mismatch': {
    severity: 'error',
    zh: (p) => `合计行“${p.column}”为${p.stated}，各项目之和为${p.sum}；请核对合计或各项目金额。`,
    en: (p) => `The total row's "${p.column}" is ${p.stated} but the projects add up to ${p.sum}; check the total or the amounts.`,
  },
  'total.formula-differs': {
    severity: 'warning',
    zh: (p) => `${p.cells}保留了单位的公式，其结果与按规则计算的得分不一致或无法核对，未回填${p.what}；请核对公式后再回填。`,
    en: (p) => `${p.whatEn} are not filled in: the formula kept at ${p.cellsEn} shows another score than the rules give, or none that can be checked; check it, then fill again.`,
  },
  'total.weight-differs': {
    severity: 'warning',
    zh: (p) => `分值合计填写为${p.stated}，各项分值之和为${p.value}；此单元格未改写，请核对。`,
    en: (p) => `The total weight is written as ${p.stated} but the items' weights add up to ${p.value}; the cell is left as it is: check it.`,
  },
  'total.not-filled': {
    severity: 'warning',
    zh: (p) => `有错误未修正，未回填${p.what}：${p.why}；修正后再回填。`,
    en: (p) => `${p.whatEn} are not filled in while errors remain: ${p.whyEn}; correct them, then fill again.`,
  },
  'total.incomplete': {
    severity: 'warning',
    zh: (p) => `未回填${p.what}：${p.why}；修正或补齐后再回填。`,
    en: (p) => `${p.whatEn} are not filled in: ${p.whyEn}; correct or complete it, then fill again.`,
  },
  'list-total.rate-partial': {
    severity: 'info',
    zh: (p) => `合计行的执行率未回填：${p.count}个项目（${p.names}）的全年预算数或全年执行数未填写或无法读取，无法按全部项目计算执行率。`,
    en: (p) => `The total row's execution rate is not filled in: ${Number(p.count) === 1 ? '1 project lacks' : `${p.count} projects lack`} the full-year budget or the executed amount (${p.names}), so no rate over all projects can be computed.`,
  },
  'formula.rate-points': {
    severity: 'warning',
    zh: (p) => `此单元格是公式 ${p.formula}，结果为${p.actual}，是按百分数（×100）算的执行率；本单元格应为比值${p.ratio}（显示为${p.expected}）。请去掉公式中的×100并设为百分比格式；公式未被覆盖。`,
    en: (p) => `This cell holds the formula ${p.formula}, which gives ${p.actual}: the execution rate in percentage points (×100). The cell takes the ratio ${p.ratio} (shown as ${p.expected}): drop the ×100 and use a percent format. The formula was kept.`,
  },
  'formula.differs': {
    severity: 'warning',
    zh: (p) => `此单元格是公式 ${p.formula}，结果为${p.actual}，按规则应为${p.expected}；公式未被覆盖，请核对公式。`,
    en: (p) => `This cell holds the formula ${p.formula}, which gives ${p.actual}; the rules give ${p.expected}. The formula was kept: check it.`,
  },
  'formula.error': {
    severity: 'error',
    zh: (p) => `此单元格的公式 ${p.formula} 结果为错误值 ${p.code}${p.expected ? `，按规则应为${p.expected}` : ''}；请修正公式，或清空单元格后由本工具回填。`,
    en: (p) => `The formula ${p.formula} in this cell gives ${p.code}${p.expected ? `; the rules give ${p.expected}` : ''}. Fix the formula, or clear the cell and let the tool fill it.`,
  },
  'exec.executed-missing': {
    severity: 'warning',
    zh: () => '全年执行数未填写，无法计算执行率；如全年未支出，请填0。',
    en: () => 'The executed amount (全年执行数) is blank, so the execution rate cannot be computed; type 0 if nothing was spent.',
  },
  'project.amount-mismatch': {
    severity: 'warning',
    zh: (p) => `项目汇总表的“${p.column}”为${p.list}万元，该项目自评表（${p.form}）中为${p.formValue}万元；请核对，使两处一致。`,
    en: (p) => `The project list's "${p.column}" is ${p.list} but the project's form (${p.form}) says ${p.formValue}; make them agree.`,
  },
  'project.score-missing': {
    severity: 'warning',
    zh: () => '工作簿中没有该项目的指标，自评得分也未填写；请填写自评得分，或补充该项目的绩效指标。',
    en: () => 'The workbook has no indicators for this project and no score was typed; type the score or add the indicators.',
  },
  'project.score-range': {
    severity: 'error',
    zh: (p) => `自评得分${p.score}不在0～100之间；请修改。`,
    en: (p) => `The score ${p.score} is not between 0 and 100; correct it.`,
  },
  'indicator.unknown-project': {
    severity: 'warning',
    zh: (p) => `指标所属项目“${p.name}”不在项目汇总表中；请核对项目名称是否与汇总表一致。`,
    en: (p) => `The indicator's project "${p.name}" is not in the project list; check that the names match.`,
  },
  'indicator.shared-name': {
    severity: 'warning',
    zh: (p) => `项目汇总表有${p.count}行“${p.name}”，绩效指标表中该名称的指标只有${p.groups}组，已按顺序归入 ${p.attached}${p.here === 'yes' ? '（即此行）' : '，此行没有指标，也未计算自评得分'}；如指标属于另一行，请在绩效指标表中把项目名称写得能区分各行。`,
    en: (p) => `The project list has ${p.count} rows named "${p.name}" but the indicator list has ${Number(p.groups) === 1 ? 'one group' : `${p.groups} groups`} of indicators under that name, attached in order to ${p.attachedEn}${p.here === 'yes' ? ' (this row)' : '; this row has no indicators and no computed score'}. If they belong to another row, name the projects in the indicator list so that the rows can be told apart.`,
  },
  'indicator.project-missing': {
    severity: 'error',
    zh: () => '此指标行没有所属项目名称（上方也没有可继承的名称）；请填写项目名称。',
    en: () => 'This indicator row has no project name, and none above it to inherit; fill in 项目名称.',
  },
  'workbook.nothing-filled': {
    severity: 'error',
    zh: () => '工作簿中的自评表格均未填写（没有项目、指标或部门整体自评数据）；请填写后再报送。',
    en: () => 'No table in this workbook is filled in (no projects, indicators or department-wide figures); fill it in before sending it.',
  },
  'indicators.blank': {
    severity: 'info',
    zh: () => '此绩效指标表未填写（无项目名称、三级指标和指标值），未作校验；如有项目的绩效指标须在此表填报，请填写。',
    en: () => 'This indicator list is not filled in (no project names, indicators or values), so it was not checked; fill it in if projects report their indicators here.',
  },
  'form.blank': {
    severity: 'info',
    zh: () => '此自评表未填写（无项目名称、指标和金额），未作校验；如该项目须单独填报自评表，请填写。',
    en: () => 'This self-evaluation form is not filled in (no project name, indicators or amounts), so it was not checked; fill it in if the project needs a form of its own.',
  },
  'indicator.none': {
    severity: 'warning',
    zh: () => '此自评表没有绩效指标行；请填写产出、效益、满意度指标。',
    en: () => 'This form has no indicator rows; add the output, outcome and satisfaction indicators.',
  },
  'consistency.score-vs-exec': {
    severity: 'warning',
    zh: (p) => `指标完成度${p.indicator}明显高于预算执行率得分率${p.execution}；请核实指标完成情况，或说明资金未执行而目标已完成的原因。`,
    en: (p) => `Indicator completion ${p.indicator} is well above budget execution ${p.execution}; check the indicators or explain how the goals were met without spending.`,
  },
  'percent.column': {
    severity: 'info',
    zh: (p) => `“${p.field}”列的数字按百分数读取（此处${p.text}即${p.text}%）；如填的是小数比例，请改填百分数。`,
    en: (p) => `The numbers in the "${p.field}" column are read as percents (${p.text} here is ${p.text}%); if they are fractions, type percents instead.`,
  },
  'percent.ambiguous': {
    severity: 'warning',
    zh: (p) => `“${p.field}”列的数字按百分数读取，此处${p.text}即${p.text}%；如指${p.percent}%，请改填${p.percent}。`,
    en: (p) => `The "${p.field}" column holds percents, so ${p.text} here is ${p.text}%; if ${p.percent}% is meant, type ${p.percent}.`,
  },
  'achievement.differs': {
    severity: 'info',
    zh: (p) => `绩效目标实现程度填写为${p.stated}，按指标得分计算为${p.computed}；请核对。`,
    en: (p) => `Goal achievement is written as ${p.stated}; the indicator scores give ${p.computed}; check it.`,
  },
  'dept.blank': {
    severity: 'info',
    zh: () => '此部门整体绩效自评表未填写（无基础数据和自评得分），未作校验；如须开展部门整体绩效自评，请填写。',
    en: () => 'This department-wide table is not filled in (no base figures, no scores), so it was not checked; fill it in if the department-wide self-evaluation is required.',
  },
  'dept.score-above-weight': {
    severity: 'error',
    zh: (p) => `自评得分${p.score}高于分值${p.weight}；请按评分标准重新打分。`,
    en: (p) => `The score ${p.score} is above the weight ${p.weight}; score the item again by its standard.`,
  },
  'dept.score-missing': {
    severity: 'warning',
    zh: () => '此项适用但未填写自评得分；请按评分标准打分，或在“适用”列注明“否”。',
    en: () => 'This item applies but has no score; score it by its standard, or mark it not applicable (否).',
  },
  'dept.reason-missing': {
    severity: 'warning',
    zh: (p) => `此项扣了${p.lost}分，请填写扣分原因。`,
    en: (p) => `This item lost ${points(p.lost)}; write why.`,
  },
  'dept.not-applicable-scored': {
    severity: 'info',
    zh: () => '此项标为不适用，其得分不计入总分和换算得分。',
    en: () => 'This item is marked not applicable; its score is left out of the total and the converted score.',
  },
  'dept.rate-undefined': {
    severity: 'warning',
    zh: (p) => `${p.rate}无法计算：${p.base}为0${p.actual ? `，而${p.actualLabel}为${p.actual}` : ''}；请在说明中写明情况，不要按0%计分。`,
    en: (p) => `The ${p.rateEn} cannot be computed: the ${p.baseEn} is 0${p.actual ? ` while the ${p.actualLabelEn} is ${p.actual}` : ''}; explain it rather than scoring it as 0 %.`,
  },
  // What a workbook file says about a cell beyond its value (the file gateway reads number formats and
  // whether a formula was ever calculated).
  'cell.date': {
    severity: 'error',
    zh: (p) => `“${p.field}”单元格为日期格式，显示为 ${p.date}，不能当作数字读取；请把单元格格式改为“常规”或“数值”，再填写正确的数字。`,
    en: (p) => `"${p.field}" is formatted as a date and shows ${p.date}, so it cannot be read as a number; set the cell's format to General or Number and type the right figure.`,
  },
  'file.sheet-missing': {
    severity: 'warning',
    zh: (p) => `工作表“${p.sheet}”在文件中缺少内容部分（文件可能不完整），无法检查；输出文件中该工作表保持原样。`,
    en: (p) => `Sheet "${p.sheet}" has no content part in the file (the file may be incomplete), so it cannot be checked; the output keeps it as it was.`,
  },
  'formula.no-result': {
    severity: 'warning',
    zh: (p) => `此单元格的公式 ${p.formula} 在文件中没有计算结果（文件不是由 Excel 或 WPS 计算后保存的），无法核对${p.expected ? `，按规则应为${p.expected}` : ''}；请在 Excel 或 WPS 中打开并保存文件后重新检查。`,
    en: (p) => `The formula ${p.formula} in this cell has no calculated result in the file (it was not saved by Excel or WPS), so it cannot be checked${p.expected ? `; the rules give ${p.expected}` : ''}. Open the file in Excel or WPS, save it and check again.`,
  },
  'sheet.protected': {
    severity: 'error',
    zh: (p) => `工作表“${p.sheet}”受保护，${p.count}个计算单元格无法回填；请在“审阅 > 撤销工作表保护”后重试。`,
    en: (p) => `Sheet "${p.sheet}" is protected, so ${p.count} computed cells cannot be filled; unprotect it (Review > Unprotect Sheet) and run again.`,
  },
  'classified.skipped': {
    severity: 'info',
    zh: () => '涉密行：只计入数量和金额，不分析、不引用其文字内容。',
    en: () => 'Classified row: counted with its amounts, its text is neither analysed nor quoted.',
  },

  // ── Issue 7: scores a finance bureau would sign ──────────────────────────────────────────────────
  'qual.negated': {
    severity: 'warning',
    zh: (p) => `实际完成值“${p.text}”是否定的表述，不能按“达成年度指标”计分；请改填“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”，并在相应范围内打分。`,
    en: (p) => `The actual value "${p.text}" is a negation and cannot count as met; write 部分达成年度指标并具有一定效果 or 未达成年度指标且效果较差 and score within that band.`,
  },
  'qual.not-met-full': {
    severity: 'error',
    zh: (p) => `实际完成值“${p.text}”表明指标未达成，得分${p.score}却在“达成”档${p.range}内；请按部分达成或未达成重新打分（低于${p.limit}分）。`,
    en: (p) => `The actual value "${p.text}" says the target was not met, yet the score ${p.score} is in the met band ${p.range}; score it below ${p.limit}.`,
  },
  'time.missed': {
    severity: 'warning',
    zh: (p) => `完成时间“${p.actual}”晚于年度指标值“${p.target}”（${p.deadline}），未按时完成；请按部分达成或未达成打分（低于${p.limit}分），并填写偏差原因。`,
    en: (p) => `Completed "${p.actualEn}", later than the target "${p.target}" (${p.deadlineEn}): not on time; score it below ${p.limit} and explain the deviation.`,
  },
  'time.unclear': {
    severity: 'warning',
    zh: (p) => `无法比较完成时间“${p.actual}”与年度指标值“${p.target}”：${p.why}；请写明完成的年月日（如“2025年11月20日”）。`,
    en: (p) => `The completion "${p.actualEn}" cannot be compared with the target "${p.target}": ${p.whyEn}; write the date it was completed (e.g. 2025-11-20).`,
  },
  'over.deduction-kept': {
    severity: 'info',
    zh: (p) => `实际完成值达到年度指标值的${p.ratio}（≥${p.limit}），单位按偏离度调减为${p.score}分（满分${p.weight}分）并说明了原因，得分保留。`,
    en: (p) => `The actual value is ${p.ratio} of the target (≥ ${p.limit}); the unit's reduced score ${p.score} of ${p.weight}, with its reason, is kept.`,
  },
  'over.deduction-no-reason': {
    severity: 'warning',
    zh: (p) => `实际完成值达到年度指标值的${p.ratio}（≥${p.limit}），单位调减为${p.score}分（满分${p.weight}分），得分保留；请在偏差原因中写明指标值设定偏低、按偏离度调减的理由。`,
    en: (p) => `The actual value is ${p.ratio} of the target (≥ ${p.limit}); the unit's reduced score ${p.score} of ${p.weight} is kept: explain in the deviation reason that the target was set too low.`,
  },
  'list.no-executed': {
    severity: 'info',
    zh: () => '项目汇总表没有“全年执行数”列：不计算预算执行率，执行数合计记为空（不按0计）。',
    en: () => 'The project list has no executed-amount (全年执行数) column: no execution rate is computed and the executed total is left empty (not 0).',
  },
  'dept.total-open': {
    severity: 'warning',
    zh: (p) => `部门整体自评总分无法计算：${p.count}项适用指标${p.what}（首个在 ${p.first}）；补齐后即可计算总分和换算得分。`,
    en: (p) => `The department total cannot be computed: ${Number(p.count) === 1 ? '1 applicable item has' : `${p.count} applicable items have`} ${p.whatEn} (first at ${p.first}); complete them to get the total and the converted score.`,
  },
  'dept.weights-total': {
    severity: 'warning',
    zh: (p) => `计分指标的分值合计为${p.total}分，不是100分；请核对分值（换算得分按适用指标的分值折算）。`,
    en: (p) => `The weights of the scored items add up to ${p.total}, not 100; check them (the converted score uses the applicable weights).`,
  },
  'dept.rule-differs': {
    severity: 'warning',
    zh: (p) => `按评分标准“${p.standard}”，${p.rate}为${p.value}，应得${p.expected}分，填写为${p.score}分；请核对。`,
    en: (p) => `By the standard "${p.standard}", the ${p.rateEn} is ${p.value}, which gives ${points(p.expected)}, not ${p.score}; check it.`,
  },
  'dept.score-filled': {
    severity: 'info',
    zh: (p) => `自评得分为空，已按评分标准“${p.standard}”（${p.rate}为${p.value}）填入${p.score}分；请确认。`,
    en: (p) => `The score was blank; ${p.score} was filled in by the standard "${p.standard}" (the ${p.rateEn} is ${p.value}); confirm it.`,
  },
  'dept.rule-choose': {
    severity: 'warning',
    zh: (p) => `按评分标准“${p.standard}”，${p.rate}为${p.value}，得分可读作${p.readings}分（按比例或按整个百分点扣分），未自动填写；请按本地口径填写得分。`,
    en: (p) => `By the standard "${p.standard}", the ${p.rateEn} is ${p.value}: the score reads as ${p.readings} (deducting proportionally or per whole point), so it was not filled in; enter the score your bureau's reading gives.`,
  },
  'dept.standard-unread': {
    severity: 'info',
    zh: (p) => `评分标准“${p.text}”无法自动识别，未按${p.rate}计算得分，只检查得分在0～分值之间。`,
    en: (p) => `The standard "${p.text}" could not be read, so the score is not computed from the ${p.rateEn}; only 0 ≤ score ≤ weight is checked.`,
  },
  'dept.weight-missing': {
    severity: 'warning',
    zh: (p) => `此项有自评得分${p.score}但没有分值，又不是加分项或扣分项，未计入总分；请填写分值。`,
    en: (p) => `This item has a score (${p.score}) but no weight and is neither a bonus nor a deduction, so it is left out of the total; fill in its weight.`,
  },
  'dept.deduction-above-cap': {
    severity: 'error',
    zh: (p) => `扣分${p.score}超过此项最多可扣的${p.weight}分；请核对。`,
    en: (p) => `The deduction ${p.score} is more than this item's cap of ${p.weight}; check it.`,
  },
  'dept.score-negative': {
    severity: 'error',
    zh: (p) => `自评得分${p.score}为负数；扣分请填在扣分项中，此项得分应在0～分值之间。`,
    en: (p) => `The score ${p.score} is negative; put deductions in a deduction row, and score this item between 0 and its weight.`,
  },
  'dept.rate-no-figures': {
    severity: 'info',
    zh: (p) => `${p.rate}无法计算：基础数据缺少${p.missing}；请补充，或在说明中写明。`,
    en: (p) => `The ${p.rateEn} cannot be computed: the base data has no ${p.missingEn}; add it or explain why.`,
  },

  // Conformance with the bureau's template (selfeval check --template): each change to what the bureau
  // fixed, at the unit's cell, saying what the template has there.
  'template.sheet-missing': {
    severity: 'error',
    zh: (p) => `缺少模板中的工作表“${p.sheet}”；请从财政局下发的模板中复制回来，不要删除或改名。`,
    en: (p) => `The template's sheet "${p.sheet}" is missing; copy it back from the bureau's template, and do not delete or rename it.`,
  },
  'template.sheet-renamed': {
    severity: 'warning',
    zh: (p) => `此工作表在模板中名为“${p.template}”；请改回模板中的名称。`,
    en: (p) => `This sheet is named "${p.template}" in the template; give it its template name again.`,
  },
  'template.sheet-copied': {
    severity: 'info',
    zh: (p) => `此工作表是模板工作表“${p.template}”的副本，已按该表对照。`,
    en: (p) => `This sheet is a copy of the template's sheet "${p.template}" and was compared with it.`,
  },
  'template.sheet-added': {
    severity: 'info',
    zh: () => '模板中没有此工作表（单位自行添加），未与模板对照；其中的表格仍照常校验。',
    en: () => 'The template has no such sheet (the unit added it); it was not compared with the template, its tables are still checked.',
  },
  'template.column-missing': {
    severity: 'error',
    zh: (p) => `缺少模板中的“${p.column}”列（模板中为${p.at}列）；请按模板补回该列。`,
    en: (p) => `The template's column "${p.column}" (column ${p.at} in the template) is missing; put it back as in the template.`,
  },
  'template.column-renamed': {
    severity: 'warning',
    zh: (p) => `模板此处表头为“${p.expected}”，现为${p.actual ? `“${p.actual}”` : '空'}；请按模板恢复表头。`,
    en: (p) => `The template's header here is "${p.expected}", now ${p.actual ? `"${p.actual}"` : 'blank'}; restore the template's header.`,
  },
  'template.column-moved': {
    severity: 'warning',
    zh: (p) => `“${p.column}”列在模板中为${p.from}列，现为${p.to}列；请按模板恢复列的顺序。`,
    en: (p) => `Column "${p.column}" is column ${p.from} in the template and column ${p.to} here; restore the template's column order.`,
  },
  'template.column-inserted': {
    severity: 'warning',
    zh: (p) => `表内插入了模板没有的列${p.column ? `“${p.column}”` : ''}；请删除该列，需要补充的说明请写在表外。`,
    en: (p) => `A column the template does not have was inserted into the table${p.column ? ` ("${p.column}")` : ''}; remove it and write any notes outside the table.`,
  },
  'template.row-missing': {
    severity: 'error',
    zh: (p) => `模板此处有${Number(p.count) > 1 ? `${p.count}行` : '一行'}“${p.text}”（模板第${p.at}行），现已删除或清空；请按模板补回。`,
    en: (p) => `The template has ${Number(p.count) > 1 ? `${p.count} rows` : 'a row'} "${p.text}" here (template row ${p.at}), deleted or cleared: put ${Number(p.count) > 1 ? 'them' : 'it'} back as in the template.`,
  },
  'template.row-inserted': {
    severity: 'warning',
    zh: (p) => `${TABLE_NAMES[p.table as string]?.zh ?? '表'}内插入了模板没有的行“${p.text}”；这里的行由财政局设定，请删除该行，需要补充的内容请写在表外。`,
    en: (p) => `A row the template does not have ("${p.text}") was inserted into the ${TABLE_NAMES[p.table as string]?.en ?? 'table'}; its rows are set by the bureau: remove it and write any additions outside the table.`,
  },
  'template.indicator-inserted': {
    severity: 'warning',
    zh: (p) => `${TABLE_NAMES[p.table as string]?.zh ?? '表'}内插入了模板没有的指标行“${p.text}”；“${p.group}”的分值由财政局定为${p.weight}分。如需在其下列多个三级指标，请把这${p.weight}分分配到这几行（合计仍为${p.weight}分）；否则请删除该行。`,
    en: (p) => `An indicator row the template does not have ("${p.text}") was inserted into the ${TABLE_NAMES[p.table as string]?.en ?? 'table'}; the bureau set "${p.group}" at ${p.weight} points. To give it several third-level indicators, split those ${p.weight} points over the rows (still ${p.weight} in all); otherwise remove the row.`,
  },
  'template.text-changed': {
    severity: 'warning',
    zh: (p) => `模板此处${p.field ? `“${p.field}”` : ''}为“${p.expected}”，现为${p.actual ? `“${p.actual}”` : '空'}；这是财政局设定的内容，请按模板恢复。`,
    en: (p) => `The template has "${p.expected}" here${p.field ? ` (${p.field})` : ''}, now ${p.actual ? `"${p.actual}"` : 'blank'}; the bureau set this text: restore it.`,
  },
  'template.weight-changed': {
    severity: 'error',
    zh: (p) => `模板规定此处分值为${p.expected}，现为${p.actual === '' ? '空' : p.actual}；分值由财政局设定，请按模板填写。`,
    en: (p) => `The template sets the weight here to ${p.expected}, now ${p.actual === '' ? 'blank' : p.actual}; the bureau sets the weights: use the template's.`,
  },
  'template.value-changed': {
    severity: 'warning',
    zh: (p) => `模板此处为${p.expected}，现为${p.actual === '' ? '空' : p.actual}；请按模板恢复。`,
    en: (p) => `The template has ${p.expected} here, now ${p.actual === '' ? 'blank' : p.actual}; restore the template's value.`,
  },
  'template.formula-replaced': {
    severity: 'error',
    zh: (p) => `模板此处为公式 ${p.formula}，现为${p.kind === 'number' ? `数值 ${p.value}` : p.kind === 'text' ? `文字“${p.value}”` : '空白'}；请恢复公式（可从模板复制此单元格）。`,
    en: (p) => `The template has the formula ${p.formula} here, now ${p.kind === 'number' ? `the number ${p.value}` : p.kind === 'text' ? `the text "${p.value}"` : 'a blank'}; restore the formula (copy the cell from the template).`,
  },
  'template.formula-changed': {
    severity: 'warning',
    zh: (p) => `模板此处为公式 ${p.formula}，现为公式 ${p.actual}；请按模板恢复公式。`,
    en: (p) => `The template has the formula ${p.formula} here, now ${p.actual}; restore the template's formula.`,
  },
  'template.formula-short': {
    severity: 'error',
    zh: (p) => `公式 ${p.actual} 没有包括表内第${p.rows}行（模板此处为 ${p.formula}，应包括表内全部行）；请把范围改为 ${p.range}。`,
    en: (p) => `The formula ${p.actual} leaves out row(s) ${p.rows} of the table (the template has ${p.formula} here, over all the table's rows); extend the range to ${p.range}.`,
  },
  // The county's settings a workbook carries from its template (a hidden sheet the template command writes).
  'template.settings-unusable': {
    severity: 'error',
    zh: (p) => `工作簿内置的评分方案（隐藏工作表“${p.sheet}”）${SETTINGS_PROBLEM[p.problem as string]?.zh ?? '无法使用'}${p.detail ? `：${p.detail}` : ''}；本次按“${p.used}”评分。请向财政局索取原模板，或另选评分方案。`,
    en: (p) => `The scoring profile this workbook carries (hidden sheet "${p.sheet}") ${SETTINGS_PROBLEM[p.problem as string]?.en ?? 'cannot be used'}${p.detail ? `: ${p.detail}` : ''}; scored by "${p.used}" instead. Ask the bureau for its template again, or choose a profile.`,
  },
  'template.settings-set-aside': {
    severity: 'info',
    zh: (p) => `工作簿内置评分方案“${p.carried}”，本次按所选的“${p.used}”评分。`,
    en: (p) => `The workbook carries the profile "${p.carried}"; scored by the chosen "${p.used}" instead.`,
  },
  'template.settings-missing': {
    severity: 'warning',
    zh: (p) => `此工作簿缺少模板的隐藏工作表“${p.sheet}”（评分方案“${p.label}”）：可能不是用本模板填写，或内容被复制到了新工作簿；对照模板时，未另选评分方案即按模板的评分方案评分。`,
    en: (p) => `This workbook lacks the template's hidden sheet "${p.sheet}" (profile "${p.label}"): it may not have been filled from this template, or was copied into a new workbook; compared with the template, it is scored by the template's profile unless another is chosen.`,
  },
  'template.settings-differ': {
    severity: 'warning',
    zh: (p) => `${p.sameName ? `此工作簿内置的评分方案“${p.unit}”与模板中的同名方案设置不同（可能是用旧版模板填写的）` : `此工作簿内置的评分方案“${p.unit}”与模板的“${p.template}”不同`}；对照模板时，未另选评分方案即按模板的评分方案评分。`,
    en: (p) => `${p.sameName ? `The profile this workbook carries ("${p.unit}") has other settings than the template's profile of that name (filled from an older copy of the template?)` : `The profile this workbook carries ("${p.unit}") differs from the template's ("${p.template}")`}; compared with the template, it is scored by the template's profile unless another is chosen.`,
  },
  'template.unit-cell-differs': {
    severity: 'info',
    zh: (p) => `此工作簿内置的单位名称单元格${p.unit ? `为 ${p.unit}` : '未设定'}，模板中${p.template ? `为 ${p.template}` : '未设定'}（可能是用旧版模板填写的）；报告标题中的单位名称${p.unit ? '按本工作簿的设定读取' : '按模板的设定读取'}。`,
    en: (p) => `The unit-name cell this workbook carries is ${p.unit || 'not set'}, the template's is ${p.template || 'not set'} (filled from an older copy of the template?); the report's title takes the unit's name by ${p.unit ? 'this workbook\'s' : 'the template\'s'} setting.`,
  },
} satisfies Record<string, RuleText>;

export type RuleId = keyof typeof RULES;

export function severityOf(rule: RuleId): Severity {
  return RULES[rule].severity as Severity;
}

export function renderMessage(rule: RuleId, params: Params, lang: Lang): string {
  const text: RuleText = RULES[rule] as RuleText;
  return lang === 'en' ? text.en(params) : text.zh(params);
}
