/**
 * Layouts of the kinds real published tables take beyond our template (see ../shared/domain/real-tables/README.md),
 * each with the options that vary between tables of that kind. Names and figures are invented; the shapes are the
 * published ones: 资金情况 with sources (中央/市级/区级) and blank cells, score notes on 一级 labels, the 2021+
 * template, 部门整体 forms with 年度预算安排 / 年度履职目标 / 收入支出构成 or no money at all, self-evaluations,
 * evaluation-indicator lists, list sheets and several projects on one sheet.
 */
import type { CellValue } from "../../src/core/snapshot";
import { k, layRows, tall, wide, type Cell, type Laid } from "./rows";

export interface FundingLine {
  label: string;
  value: CellValue;
}

export interface ProjectFormOptions {
  title?: string;
  yearLine?: string;
  nameLabel?: string;
  name?: string;
  departmentLabel?: string;
  /** The label merged down beside the funding lines. */
  fundingLabel?: string;
  funding?: FundingLine[];
  /** Goal rows: label and text. */
  goals?: [string, string][];
  /** Indicator header, left to right (the first three are 一级/二级/三级). */
  header?: string[];
  /** Indicator rows, one value per header column ("" for a blank cell). */
  rows?: CellValue[][];
  /** Merge 一级/二级 labels down over their rows (else they stand on every row). */
  mergeLevels?: boolean;
  /** Rows laid just above the indicator header (a block label such as 绩效指标（90分）). */
  before?: Cell[][];
  /** Leave out the title and year line (a project further down a list sheet). */
  noTitle?: boolean;
  /** Prefix for the keys (to stack several projects on one sheet). */
  prefix?: string;
  origin?: string;
  sheet?: string;
}

export const DEFAULT_ROWS: CellValue[][] = [
  ["产出指标", "数量指标", "绿化公路长度", "≥3500米"],
  ["产出指标", "质量指标", "苗木成活率", "≥85%"],
  ["产出指标", "时效指标", "完成时间", "2022年12月31日前"],
  ["产出指标", "成本指标", "每米绿化成本", "≤0.04万元"],
  ["效益指标", "社会效益指标", "沿线人居环境", "明显改善"],
  ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"],
];

/**
 * A project form: title, year line, name, department, 资金情况 as label/value rows (the section label merged down
 * beside them), goals, indicator block. Keys: title, year, nameLabel, name, fundingLabel, f0…fn (labels) and
 * v0…vn (value cells), g0…gn / gv0…gvn, header, r{i}c{j} for indicator cells.
 */
export function projectForm(o: ProjectFormOptions = {}): Laid {
  const { rows, first, data } = projectRows(o);
  const laid = layRows(o.sheet ?? "项目绩效目标", rows, o.origin);
  if (o.mergeLevels) mergeLevelColumns(laid, data, first);
  return laid;
}

/** The rows of projectForm, and the index of the first indicator row. */
export function projectRows(o: ProjectFormOptions = {}): { rows: Cell[][]; first: number; data: CellValue[][] } {
  const p = o.prefix ?? "";
  const key = (name: string, v: CellValue, opts: Parameters<typeof k>[2] = {}) => k(p + name, v, opts);
  const header = o.header ?? ["一级指标", "二级指标", "三级指标", "指标值"];
  const width = Math.max(header.length, 4);
  const funding = o.funding ?? [
    { label: "年度资金总额", value: 90 },
    { label: "其中：财政拨款", value: 80 },
    { label: "其他资金", value: 10 },
  ];
  const goals = o.goals ?? [["年度目标", "完成公路沿线绿化3500米。"]];
  const rows: Cell[][] = o.noTitle
    ? []
    : [
        [key("title", o.title ?? "项目支出绩效目标表", { span: width })],
        [key("year", o.yearLine ?? "（2022年度）", { span: width })],
      ];
  rows.push(
    [key("nameLabel", o.nameLabel ?? "项目名称"), key("name", o.name ?? "公路绿化美化项目", { span: width - 1 })],
    [o.departmentLabel ?? "主管部门", key("department", "某某区林业局", { span: width - 1 })]
  );
  funding.forEach((f, i) => {
    const line: Cell[] = [];
    if (i === 0) line.push(key("fundingLabel", o.fundingLabel ?? "资金情况（万元）", { down: funding.length }));
    line.push(key(`f${i}`, f.label), key(`v${i}`, f.value, { span: width - 2 }));
    rows.push(line);
  });
  goals.forEach(([label, text], i) => rows.push([key(`g${i}`, label), key(`gv${i}`, text, { span: width - 1 })]));
  for (const r of o.before ?? []) rows.push(r);
  rows.push(header.map((h, j) => key(j === 0 ? "header" : `h${j}`, h)));
  const first = rows.length;
  const data = o.rows ?? DEFAULT_ROWS;
  data.forEach((r, i) => rows.push(r.map((v, j) => key(`r${i}c${j}`, v))));
  return { rows, first, data };
}

/** Turns 一级/二级 labels repeated on every row into labels merged down (blanking the cells below). */
function mergeLevelColumns(laid: Laid, data: CellValue[][], first: number): void {
  const s = laid.sheet;
  for (const col of [0, 1]) {
    let start = 0;
    for (let i = 1; i <= data.length; i++) {
      const same = i < data.length && data[i][col] === data[start][col] && (col === 0 || data[i][0] === data[start][0]);
      if (same) {
        s.values[first + i][col] = null;
        delete laid.at[`r${i}c${col}`];
        continue;
      }
      if (i - start > 1) {
        const top = laid.at[`r${start}c${col}`];
        const m = /^([A-Z]+)(\d+)$/.exec(top)!;
        s.merges!.push(`${top}:${m[1]}${Number(m[2]) + i - start - 1}`);
      }
      start = i;
    }
  }
}

/** 2021+ template rows: 成本指标 first with 经济/社会/生态环境成本指标, score bands in the 一级 labels. */
export const TEMPLATE_2021_ROWS: CellValue[][] = [
  ["成本指标(0-20)分", "经济成本指标", "项目总成本", "≤90", "万元"],
  ["成本指标(0-20)分", "社会成本指标", "对周边居民出行的影响", "无", ""],
  ["成本指标(0-20)分", "生态环境成本指标", "施工扬尘", "达标", ""],
  ["产出指标\n(40-50)分", "数量指标", "绿化公路长度", "≥3500", "米"],
  ["产出指标\n(40-50)分", "质量指标", "苗木成活率", "≥85", "%"],
  ["产出指标\n(40-50)分", "时效指标", "完成时间", "2022年12月", ""],
  ["效益指标(20-30)分", "社会效益指标", "沿线人居环境", "明显改善", ""],
  ["效益指标(20-30)分", "生态效益指标", "新增绿化面积", "≥1.2", "公顷"],
  ["满意度指标(10分)", "服务对象满意度指标", "沿线群众满意度", "≥90", "%"],
];

/**
 * 部门整体 form with 年度预算安排 (资金总额 / 项目支出 / 基本支出 beside a merged label), 年度总体目标, 年度履职目标
 * (部门职能 | 年度目标任务 | 支出项目名称 | 预算金额) and indicator columns 一级/二级/三级/指标解释/目标值.
 */
export function departmentWithDuties(
  o: {
    duties?: [string, string, string, CellValue][];
    budget?: [string, CellValue][];
    /** The 年度履职目标 header: 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额（万元）, or as another table words it. */
    dutyHeader?: [string, string, string, string];
    origin?: string;
  } = {}
): Laid {
  const dh = o.dutyHeader ?? ["部门职能", "年度目标任务", "支出项目名称", "预算金额（万元）"];
  const budget = o.budget ?? [
    ["资金总额", 171.41],
    ["项目支出", 60.8],
    ["基本支出", 110.61],
  ];
  const duties = o.duties ?? [
    ["编纂地方志", "完成年度志鉴编纂", "志鉴编纂经费", 49.8],
    ["保障人员待遇", "按时发放人员福利", "志鉴编纂经费", 11],
    ["确保日常运行", "按时发放人员工资", "基本支出", 110.61],
  ];
  const rows: Cell[][] = [
    [k("title", "部门整体支出绩效目标表", { span: 6 })],
    [k("year", "（2019年度）", { span: 6 })],
    [k("nameLabel", "部门（单位）名称"), k("name", "某某市地方志研究室", { span: 3 }), "部门预算编码", 901001033],
  ];
  budget.forEach(([label, value], i) => {
    const line: Cell[] = [];
    if (i === 0) line.push(k("budgetLabel", "年度\n预算\n安排\n（万元）", { down: budget.length }));
    line.push(k(`b${i}`, label, { span: 2 }), k(`bv${i}`, value, { span: 3 }));
    rows.push(line);
  });
  rows.push([
    k("goalLabel", "年度\n总体\n目标"),
    k("goal", "目标1：保障人员工资；目标2：完成年度志鉴任务。", { span: 5 }),
  ]);
  rows.push([
    k("dutyLabel", "年度\n履职\n目标", { down: duties.length + 1 }),
    k("dutyHeader", dh[0]),
    dh[1],
    wide(dh[2], 2),
    k("amountHeader", dh[3]),
  ]);
  duties.forEach(([d, t, item, amount], i) =>
    rows.push([k(`d${i}`, d), k(`dt${i}`, t), wide(item, 2), k(`da${i}`, amount)])
  );
  rows.push([k("header", "一级指标"), "二级指标", wide("三级指标", 2), "指标解释", "目标值"]);
  rows.push(["产出指标", "数量指标", wide("资金供应时效", 2), "100%（历史标准）", k("value0", "100%")]);
  rows.push(["产出指标", "质量指标", wide("各类书籍审稿率", 2), "100%（计划标准）", k("value1", "100%")]);
  rows.push(["效益指标", "社会效益指标", wide("地情资料利用", 2), "逐步提高", "逐步提高"]);
  rows.push(["满意度指标", "服务对象满意度指标", wide("读者满意度", 2), "≥90%", "≥90%"]);
  return layRows("部门整体", rows, o.origin);
}

/** 部门整体 form with 部门总体资金情况: 收入构成 / 支出构成 merged down, lines with 金额 and 占比. */
export function departmentWithComposition(o: { origin?: string; otherIncome?: CellValue; label?: string } = {}): Laid {
  const rows: Cell[][] = [
    [k("title", "部门整体支出绩效目标申报表", { span: 5 })],
    ["单位：万元"],
    [k("nameLabel", "部门（单位）名称"), k("name", "某某市人民政府办公室", { span: 4 })],
    [k("label", o.label ?? "部门总体资金情况", { down: 7 }), wide(null, 2), k("amountHeader", "当年金额"), "占比"],
    [k("income", "收入构成", { down: 3 }), k("i0", "财政拨款"), k("ia0", 968.1918), k("is0", "100%")],
    [k("i1", "其他资金"), k("ia1", o.otherIncome ?? null), k("is1", null)],
    [k("i2", "合计"), k("ia2", 968.1918), k("is2", "100%")],
    [k("expense", "支出构成", { down: 3 }), k("e0", "基本支出"), k("ea0", 724.2318), k("es0", "74.8%")],
    [k("e1", "项目支出"), k("ea1", 243.96), k("es1", "25.2%")],
    [k("e2", "合计"), k("ea2", 968.1918), k("es2", "100%")],
    [k("goalLabel", "年度总体目标"), k("goal", "做好政务服务保障，提升办文办会质量。", { span: 4 })],
    [k("header", "一级指标"), "二级指标", "三级指标", "指标值", null],
    ["产出指标", "数量指标", "办理建议提案件数", "≥100件", null],
    ["效益指标", "社会效益指标", "政务服务水平", "有效提升", null],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", null],
  ];
  return layRows("部门整体", rows, o.origin);
}

/** A budget-platform export of a 部门整体 table: `*` marks, no amounts, 计算符号/目标值/度量单位/指标值说明. */
export function platformExport(o: { origin?: string; goal?: string; duties?: string } = {}): Laid {
  const rows: Cell[][] = [
    [k("title", "部门整体绩效目标", { span: 7 })],
    [wide("基本信息", 7)],
    ["部门编码:", 316, k("nameLabel", "部门名称:"), k("name", "某某县林业局"), "*联系人:", "王某", null],
    [k("dutyText", "*部门职能职责概述"), k("duty", o.duties ?? "保护森林资源，保障人员经费。", { span: 6 })],
    [wide("年度绩效目标", 7)],
    [k("goalLabel", "*年度绩效总目标"), k("goal", o.goal ?? "完成森林防火和湿地保护任务。", { span: 6 })],
    [k("header", "一级指标"), "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"],
    [
      "产出指标",
      "数量指标",
      k("n0", "保障在职职工人数"),
      k("op0", "="),
      k("v0", 116),
      k("u0", "人"),
      "该指标值数据合理",
    ],
    ["产出指标", "数量指标", "湿地保有量", "=", 4900, "公顷", "该指标值数据合理"],
    ["产出指标", "质量指标", "工资发放准确率", "=", 100, "%", "该指标值数据合理"],
    ["效益指标", "社会效益指标", "森林覆盖率", "≥", 70, "%", "该指标值数据合理"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", "该指标值数据合理"],
  ];
  return layRows("部门整体绩效目标", rows, o.origin);
}

/** A 项目支出绩效自评表 (with or without the word 自评 in its title). */
export function selfEvaluation(o: { title?: string } = {}): Laid {
  const rows: Cell[][] = [
    [k("title", o.title ?? "项目支出绩效自评表", { span: 8 })],
    ["项目名称", wide("委托业务项目", 7)],
    [tall("项目资金（万元）", 2), null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 0, 0, 0, 10, 0, 0],
    [
      k("header", "一级指标"),
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    ["产出指标(50分)", "数量指标", "委托项目数量", "≥50个", 50, 8, 8, null],
    ["效益指标(30分)", "社会效益指标", "市场公平", "效果明显", "达成预期指标", 10, 10, null],
    ["满意度指标(10分)", "满意度指标", "公众满意度", "≥90%", "95%", 10, 10, null],
  ];
  return layRows("自评表", rows);
}

/** An evaluation-indicator list: 一级/二级/三级 with 分值, 指标解释 and 评分标准, no target value. */
export function evaluationIndicators(): Laid {
  const rows: Cell[][] = [
    [wide("项目支出绩效评价指标体系", 6)],
    ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评(扣)分标准"],
    ["决策", "项目立项", "立项依据充分性", 5, "项目立项是否符合法律法规", "符合得5分，否则不得分"],
    ["产出", "产出数量", "实际完成率", 10, "实际完成数与计划数之比", "按完成率计分"],
  ];
  return layRows("评价指标", rows);
}

export interface ListProject {
  name: string;
  budget: CellValue;
  goal: string;
  rows: [string, string, string, string, CellValue, string, number][];
}

/**
 * A list sheet: one row per indicator for every project of a unit, 单位名称 / 项目名称 / 预算数 / 年度目标 / 一级 /
 * 二级 / 三级 / 指标性质 / 指标值 / 度量单位 / 权重 / 指标方向性. `names`: the project cells "first" (only on a
 * project's first row), "repeated" (on every row) or "merged" (merged down over the project's rows).
 * Keys: p{i} (project name cell), pb{i} (预算数), pg{i} (年度目标), p{i}r{j} (三级 cell of row j).
 */
export function listSheet(projects: ListProject[], names: "first" | "repeated" | "merged", origin?: string): Laid {
  const rows: Cell[][] = [
    [k("title", "部门预算项目绩效目标申报表（2023年度）", { span: 12 })],
    [wide("金额单位：元", 12)],
    [
      "单位名称",
      k("nameHeader", "项目名称"),
      k("budgetHeader", "预算数"),
      "年度目标",
      k("header", "一级指标"),
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "权重",
      "指标方向性",
    ],
    ["820-某镇部门", null, "8,827,620.53", null, null, null, null, null, null, null, null, null],
  ];
  projects.forEach((p, i) => {
    p.rows.forEach((r, j) => {
      const lead: Cell[] = [];
      const firstRow = j === 0;
      const n = p.rows.length;
      if (names === "merged") {
        if (firstRow) {
          lead.push(
            tall("820001-某镇人民政府", n),
            k(`p${i}`, p.name, { down: n }),
            k(`pb${i}`, p.budget, { down: n }),
            k(`pg${i}`, p.goal, { down: n })
          );
        }
      } else if (firstRow || names === "repeated") {
        lead.push(
          "820001-某镇人民政府",
          firstRow ? k(`p${i}`, p.name) : p.name,
          firstRow ? k(`pb${i}`, p.budget) : p.budget,
          firstRow ? k(`pg${i}`, p.goal) : p.goal
        );
      } else lead.push(null, null, null, null);
      const [l1, l2, l3, op, v, unit, w] = r;
      rows.push([...lead, l1, l2, k(`p${i}r${j}`, l3), op, v, unit, w, "正向指标"]);
    });
  });
  return layRows("项目绩效目标", rows, origin);
}
