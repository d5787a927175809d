// 退回意见: for each unit whose workbook goes back, the note the bureau sends with it — what must be
// corrected and what must be checked, sheet by sheet and cell by cell, in the words of the issue list.
// The engine's messages speak to whoever runs this tool; the few that mention the tool or the bureau's
// own choices are reworded for the unit's clerk.

import type { ReviewIssue, UnitReview } from './unit';

const INDENT = '\u3000\u3000';
const COUNT = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** （一）…（十）, then （11）: sheets are rarely more than ten. */
const numbered = (i: number) => `（${COUNT[i] ?? String(i + 1)}）`;

/** A message as the unit's clerk reads it: no "回填" or "本工具". */
function forUnit(issue: ReviewIssue): string {
  switch (issue.rule) {
    case 'total.mismatch':
    case 'score.differs':
    case 'exec.score-differs':
    case 'project.score-differs':
    case 'grade.differs':
    case 'cell.replaced':
      return issue.message.replace(/；回填时改为(.+?)。$/, '；请改为$1。');
    case 'total.not-filled':
      return issue.message.replace(/有错误未修正，未回填(.+?)：(.+)；修正后再回填。$/, '有错误未修正，$1无法按规则核定：$2；请修正后重新计算$1。');
    case 'total.incomplete':
      return issue.message.replace(/未回填(.+?)：(.+)；修正或补齐后再回填。$/, '$1无法计算：$2；请修正或补齐后重新计算$1。');
    case 'total.formula-differs':
      return issue.message.replace(/保留了单位的公式，其结果与按规则计算的得分不一致或无法核对，未回填.+；请核对公式后再回填。$/, '的公式结果与按规则计算的得分不一致或无法核对；请核对公式。');
    case 'list-total.rate-partial':
      return issue.message.replace('合计行的执行率未回填', '合计行的执行率无法计算');
    case 'formula.error':
      return issue.message.replace('，或清空单元格后由本工具回填', '，或改填按规则计算的结果');
    case 'file.sheet-missing':
      return issue.message.replace(/；输出文件中该工作表保持原样。$/, '；请检查后重新保存文件。');
    case 'template.settings-missing':
      return '此工作簿缺少模板中隐藏的评分方案工作表，可能不是用财政局下发的模板填写的；请使用下发的模板填写，不要把内容复制到新建的工作簿中。';
    case 'template.settings-differ':
      return '此工作簿内置的评分方案与财政局本次下发的模板不同，可能使用了旧模板；请使用本次下发的模板填写。';
    case 'template.settings-unusable':
      return '工作簿中财政局设定的评分方案（隐藏的工作表）已被改动或无法读取；请使用下发的原模板填写，不要改动该工作表。';
    default:
      return issue.message;
  }
}

function section(title: string, issues: ReviewIssue[], start: number): string[] {
  const lines = [title];
  const sheets = [...new Set(issues.map((i) => i.sheet))];
  let n = start;
  sheets.forEach((sheet, s) => {
    lines.push(`${numbered(s)}${sheet}`);
    for (const issue of issues.filter((i) => i.sheet === sheet)) lines.push(`${INDENT}${++n}. ${issue.cell}单元格：${forUnit(issue)}`);
  });
  return lines;
}

/** Who the note is addressed to: the unit, else whoever sent the file. */
export function addressee(unit: UnitReview): string {
  return unit.unit ?? `报送“${unit.file}”的单位`;
}

/**
 * The note for a unit whose workbook goes back (it has errors, or could not be read), as lines of text;
 * null when it need not go back.
 */
export function returnNote(unit: UnitReview): string[] | null {
  if (unit.status === 'unreadable') {
    return [
      `${addressee(unit)}：`,
      `${INDENT}经审核，你单位报送的文件“${unit.file}”无法按预算绩效自评表读取。${unit.reason ?? ''}`,
      `${INDENT}请按上述办法处理后重新报送。`,
    ];
  }
  const errors = unit.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return null;
  const warnings = unit.issues.filter((i) => i.severity === 'warning');
  const year = unit.year ? `${unit.year}年度` : '';
  const lines = [
    `${addressee(unit)}：`,
    `${INDENT}经审核，你单位报送的${year}预算绩效自评表（文件“${unit.file}”）有${errors.length}处错误须修改${warnings.length ? `，另有${warnings.length}处问题须核实说明` : ''}。具体如下：`,
    ...section(`一、须修改的错误（${errors.length}处）`, errors, 0),
  ];
  if (warnings.length) lines.push(...section(`二、须核实说明的问题（${warnings.length}处）`, warnings, 0));
  lines.push(
    `${INDENT}请逐项修改；情况属实、无须修改的，请在“偏差原因分析及改进措施”或备注栏中写明原因。修改完成后，请将自评表重新报送财政局。`,
  );
  return lines;
}
