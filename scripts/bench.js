// `npm run bench`: how long each step takes on a large workbook (a county bureau's merged file).
// Figures, not assertions: run it before and after a change and compare.
const { performance } = require('perf_hooks');
const { analyse } = require('../dist/node/engine');
const { readWorkbook, applyPlan, workbookBytes } = require('../dist/node/gateways/xlsx');
const { formSheet, indicatorListSheet, projectListSheet } = require('../dist/node/samples/layouts');
const { specsToWorkbook } = require('../dist/node/samples/write');

function project(i) {
  const indicators = [
    { l1: '产出指标', l2: '数量指标', l3: `完成数量${i}`, target: '≥100个', actual: `${90 + (i % 20)}个`, weight: 20, reason: i % 7 ? '' : '进度滞后' },
    { l1: '产出指标', l2: '质量指标', l3: '验收合格率', target: '≥95%', actual: '96%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '按期完成率', target: '=100%', actual: '100%', weight: 10 },
    { l1: '产出指标', l2: '成本指标', l3: '成本控制', target: '≤50万元', actual: `${45 + (i % 10)}万元`, weight: 5 },
    { l1: '效益指标', l2: '社会效益指标', l3: '群众受益', target: '明显', actual: '达成年度指标', weight: 10 },
    { l1: '效益指标', l2: '经济效益指标', l3: '带动增收', target: '≥5%', actual: '6%', weight: 10 },
    { l1: '效益指标', l2: '生态效益指标', l3: '环境改善', target: '改善', actual: '效果明显', weight: 5 },
    { l1: '效益指标', l2: '可持续影响指标', l3: '长效机制', target: '建立', actual: '是', weight: 5 },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '群众满意度', target: '≥90%', actual: '93%', weight: 5 },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '单位满意度', target: '≥90%', actual: '95%', weight: 5 },
  ];
  return { name: `项目${String(i).padStart(5, '0')}`, initial: 50, budget: 50 + (i % 9), executed: 40 + (i % 17), indicators };
}

const ms = (t) => `${(performance.now() - t).toFixed(0)} ms`;

async function run(projects, forms) {
  const all = Array.from({ length: projects }, (_, i) => project(i));
  const specs = [
    projectListSheet('项目汇总表', '汇总表', all),
    indicatorListSheet('绩效指标表', '指标表', all.slice(forms)),
  ];
  for (let s = 0; s < forms; s += 10) specs.push(formSheet(`自评表${s / 10 + 1}`, all.slice(s, Math.min(s + 10, forms)), 2025, '某县'));
  const bytes = new Uint8Array(await specsToWorkbook(specs).xlsx.writeBuffer());
  const indicatorRows = (projects - forms) * 10;
  console.log(`\n${projects} projects: list of ${projects} rows, indicator list of ${indicatorRows} rows, ${forms} forms on ${Math.ceil(forms / 10)} sheets; file ${(bytes.length / 1024).toFixed(0)} KiB`);

  let t = performance.now();
  const opened = await readWorkbook(bytes, 'bench.xlsx');
  console.log(`  read (ExcelJS → snapshot)   ${ms(t)}`);
  t = performance.now();
  const a = analyse(opened.snapshot);
  const analyseMs = performance.now() - t;
  console.log(`  analyse (engine)            ${analyseMs.toFixed(0)} ms  → ${a.model.projects.length} projects, ${a.model.indicators.length} indicators, ${a.issues.length} issues, ${a.plan.writes.length} writes (${((a.model.indicators.length + projects) / (analyseMs / 1000)).toFixed(0)} rows/s)`);
  t = performance.now();
  analyse(opened.snapshot);
  console.log(`  analyse again (warm)        ${ms(t)}`);
  t = performance.now();
  applyPlan(opened.workbook, a.plan);
  console.log(`  apply plan                  ${ms(t)}`);
  t = performance.now();
  const out = await workbookBytes(opened.workbook);
  console.log(`  write (ExcelJS → .xlsx)     ${ms(t)}  (${(out.length / 1024).toFixed(0)} KiB)`);
}

(async () => {
  console.log(`node ${process.version}, ${require('os').cpus().length} cores`);
  await run(100, 20);
  await run(2100, 100);
})();
