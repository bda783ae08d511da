/** The amount rules: valid and invalid cases built from good tables (and the real 2021 sample) by small edits. */
import { buildTable, type Layout } from "../builder/layout";
import type { DepartmentSpec, IndicatorSpec, ProjectSpec, TableSpec } from "../builder/spec";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "../fixtures/small";
import { SAMPLE_2021 } from "../fixtures/sample-2021-urho";
import { tableSheet, withCells, withFormulas, withoutRows } from "../support/edit";
import { testRule } from "../support/rule-tester";
import { readSheet } from "../../src/core/reader";
import { runRules } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import type { Rule } from "../../src/core/rules/rule";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { AMOUNT_RULES } from "../../src/core/rules/amount";
import { taskSum } from "../../src/core/rules/amount/task-sum";
import { totalMismatch } from "../../src/core/rules/amount/total-mismatch";
import { projectSum } from "../../src/core/rules/amount/project-sum";
import { sourceSum } from "../../src/core/rules/amount/source-sum";
import { missingFunding } from "../../src/core/rules/structure/missing-funding";
import { projectForm, type FundingLine } from "../builder/variants";
import { formulaRange } from "../../src/core/rules/amount/formula-range";
import { constantTotal } from "../../src/core/rules/amount/constant-total";
import { notANumber } from "../../src/core/rules/amount/not-a-number";
import { negative } from "../../src/core/rules/amount/negative";
import { precision } from "../../src/core/rules/amount/precision";
import { amountUnitInCell } from "../../src/core/rules/amount/unit-in-cell";
import { costOverBudget } from "../../src/core/rules/amount/cost-over-budget";
import { unitCostTotal } from "../../src/core/rules/amount/unit-cost-total";

const sheetOf = (spec: TableSpec, layout: Partial<Layout> = {}) => tableSheet(buildTable(spec, layout).workbook);

// Department, default layout: 合计 row 6 (D6 总额, E6 财政拨款, F6 其他资金), tasks 7–9:
//   D7 120.5 = E7 100.25 + F7 20.25;  D8 30 = E8 30 + F8 0;  D9 45.1 = E9 40 + F9 5.1;  合计 195.6 / 170.25 / 25.35.
// Indicators 12–21 with values in column F; F16 is the cost indicator 人均培训成本 ≤0.3万元.
const dept = sheetOf(SMALL_DEPARTMENT);
const deptF = sheetOf(SMALL_DEPARTMENT, { formulas: true }); // D7 =E7+F7 …, D6 =SUM(D7:D9) …
const deptBelow = sheetOf(SMALL_DEPARTMENT, { totalPosition: "below", labelColumn: false }); // tasks 7–9 in C/D/E, 合计 row 10
const deptBelowF = sheetOf(SMALL_DEPARTMENT, { totalPosition: "below", formulas: true }); // tasks 6–8, 合计 D9 =SUM(D6:D8)
const deptYuan = sheetOf(SMALL_DEPARTMENT, { unit: "元" }); // D7 1205000, …, D6 1956000
const deptText = sheetOf(SMALL_DEPARTMENT, { amountsAsText: true }); // every amount typed as text "120.50"

// The real 2021 table: 合计 row 6 (1899.19 / 1899.19 / 0.00), eleven tasks 7–17.
const sample = sheetOf(SAMPLE_2021);
const sampleF = sheetOf(SAMPLE_2021, { formulas: true }); // task 总额 as =E7+F7 …; 合计 typed (as published)

// Project, default layout: 年度资金总额 D7 90, 财政拨款 D8 80, 其他资金 D9 10; horizontal: B8 / C8 / D8.
const proj = sheetOf(SMALL_PROJECT);
const projH = sheetOf(SMALL_PROJECT, { fundingLayout: "horizontal" });
const projF = sheetOf(SMALL_PROJECT, { formulas: true }); // D7 =D8+D9
const withCarryover: ProjectSpec = { ...SMALL_PROJECT, funding: { total: 100, fiscal: 80, other: 10, carryover: 10 } }; // D7..D10
const projCarry = sheetOf(withCarryover);
const projCarryF = sheetOf(withCarryover, { formulas: true }); // D7 =D8+D9+D10

/** 0.1 + 0.2: a task of fiscal 0.1 and other 0.2 with a total of 0.3. */
const POINT_THREE: DepartmentSpec = {
  ...SMALL_DEPARTMENT,
  tasks: [
    { name: "零星支出", content: "零星办公支出。", total: 0.3, fiscal: 0.1, other: 0.2 },
    { name: "其他零星支出", content: "其他零星支出。", total: 0.3, fiscal: 0.2, other: 0.1 },
  ],
  indicators: SMALL_DEPARTMENT.indicators.filter((i) => i.level2 !== "成本指标"),
};
// Rows: 合计 6, tasks 7–8. The 合计 as JavaScript adds it: 0.1 + 0.2 = 0.30000000000000004, 0.3 + 0.3 = 0.6.
const pointThree = withCells(sheetOf(POINT_THREE), { D6: 0.3 + 0.3, E6: 0.1 + 0.2, F6: 0.2 + 0.1, D7: 0.1 + 0.2 });
const pointThreeF = sheetOf(POINT_THREE, { formulas: true });

/** A table that consistently uses six decimal places (one local guide asks for six). */
const SIX_PLACES: DepartmentSpec = {
  ...SMALL_DEPARTMENT,
  tasks: [
    { name: "保障部门正常运转", content: "保障运转。", total: 120.123456, fiscal: 100.123456, other: 20 },
    { name: "教师培训", content: "培训。", total: 30.654321, fiscal: 30.654321, other: 0 },
    { name: "校舍维修", content: "维修。", total: 45.100001, fiscal: 40.000001, other: 5.1 },
  ],
  total: { total: 195.877778, fiscal: 170.777778, other: 25.1 },
};
const six = sheetOf(SIX_PLACES);

/** A department table whose indicators include the given extra rows (after the spec's own). */
function deptWith(extra: IndicatorSpec[], layout: Partial<Layout> = {}) {
  const spec: DepartmentSpec = { ...SMALL_DEPARTMENT, indicators: [...SMALL_DEPARTMENT.indicators, ...extra] };
  return buildTable(spec, layout);
}
const findingsOf = (sheet: SheetSnapshot, rules: readonly Rule[] = AMOUNT_RULES): Finding[] =>
  readSheet(sheet).tables.flatMap((t) => runRules(t, rules));
const only = (sheet: SheetSnapshot, rule: Rule) => findingsOf(sheet, [rule]);

describe("the real 2021 sample and the good tables raise nothing from any amount rule", () => {
  const cases: [string, SheetSnapshot][] = [
    ["sample", sample],
    [
      "sample, 合计 1899.1899999999998 (binary noise)",
      withCells(sample, { D6: 1899.1899999999998, E6: 1899.1899999999998 }),
    ],
    ["sample, task totals as formulas", sampleF],
    ["sample, 合计 below", sheetOf(SAMPLE_2021, { totalPosition: "below" })],
    ["sample, in 元", sheetOf(SAMPLE_2021, { unit: "元" })],
    ["sample, split values", sheetOf(SAMPLE_2021, { indicatorForm: "split" })],
    ["small department", dept],
    ["formulas", deptF],
    ["合计 below, no label column", deptBelow],
    ["合计 below, formulas", deptBelowF],
    ["元", deptYuan],
    ["元, formulas, 合计 below", sheetOf(SMALL_DEPARTMENT, { unit: "元", formulas: true, totalPosition: "below" })],
    ["table away from A1", sheetOf(SMALL_DEPARTMENT, { origin: "C5", formulas: true })],
    ["0.1 + 0.2", pointThree],
    ["0.1 + 0.2, formulas", pointThreeF],
    ["six decimal places throughout", six],
    ["project, vertical", proj],
    ["project, horizontal", projH],
    ["project, formulas", projF],
    ["project, 上年结转资金", projCarry],
    ["project, 上年结转资金 and formulas", projCarryF],
    ["project, 元, horizontal", sheetOf(withCarryover, { unit: "元", fundingLayout: "horizontal", formulas: true })],
  ];
  test.each(cases)("%s", (_n, sheet) => {
    expect(findingsOf(sheet)).toEqual([]);
  });
});

testRule(taskSum, {
  valid: [
    { name: "sample", sheet: sample },
    { name: "department", sheet: dept },
    { name: "formulas", sheet: deptF },
    { name: "合计 below", sheet: deptBelow },
    { name: "元", sheet: deptYuan },
    { name: "0.1 + 0.2 = 0.3", sheet: pointThree },
    { name: "total 0.30000000000000004 (0.1 + 0.2 in binary)", sheet: withCells(pointThree, { D8: 0.2 + 0.1 }) },
    { name: "amounts as text: not-a-number's business", sheet: deptText },
    { name: "a part is text: not-a-number's business", sheet: withCells(dept, { F7: "2O.25" }) },
    { name: "other funds empty: not-a-number's business", sheet: withCells(dept, { F8: null }) },
    { name: "wrong reference: formula-range's business", sheet: withFormulas(deptF, { D7: ["=E7+F8", 100.25] }) },
    { name: "project tables have no tasks", sheet: proj },
  ],
  invalid: [
    { name: "total off by ten cents", sheet: withCells(dept, { D7: 120.6 }), cells: ["D7"] },
    { name: "sample task total off", sheet: withCells(sample, { D15: 1287 }), cells: ["D15"] },
    { name: "two rows off", sheet: withCells(dept, { D8: 31, D9: 45 }), cells: ["D8", "D9"] },
    { name: "合计 below", sheet: withCells(deptBelow, { C8: 30.01 }), cells: ["C8"] },
    { name: "元", sheet: withCells(deptYuan, { D7: 1205000.01 }), cells: ["D7"] },
    { name: "a constant among formulas", sheet: withCells(deptF, { D8: 31 }), cells: ["D8"] },
    { name: "an unparsed formula", sheet: withFormulas(deptF, { D7: ["=E7+F7+1", 121.5] }), cells: ["D7"] },
    { name: "parts typed as text, total wrong", sheet: withCells(deptText, { D7: 120.6 }), cells: ["D7"] },
  ],
});

testRule(totalMismatch, {
  valid: [
    { name: "sample (1899.19 of eleven float-noisy tasks)", sheet: sample },
    { name: "sample, 合计 1899.1899999999998", sheet: withCells(sample, { D6: 1899.1899999999998 }) },
    { name: "sample, 其他资金 合计 left blank (all tasks 0)", sheet: withCells(sample, { F6: null }) },
    { name: "formulas", sheet: deptF },
    { name: "合计 below", sheet: deptBelow },
    { name: "合计 below, formulas", sheet: deptBelowF },
    { name: "元", sheet: deptYuan },
    { name: "0.1 + 0.2", sheet: pointThree },
    { name: "a task cell typed as text: the column is skipped", sheet: withCells(dept, { E8: "3O", E6: 999 }) },
    { name: "a task cell empty: the column is skipped", sheet: withCells(dept, { F8: null, F6: 1 }) },
    { name: "all text", sheet: deptText },
    { name: "wrong SUM range: formula-range's business", sheet: withFormulas(deptF, { D6: ["=SUM(D7:D8)", 150.5] }) },
  ],
  invalid: [
    { name: "sample 合计 off by ten cents", sheet: withCells(sample, { D6: 1899.29 }), cells: ["D6"] },
    { name: "each column off", sheet: withCells(dept, { D6: 195.5, E6: 170.26, F6: 25 }), cells: ["D6", "E6", "F6"] },
    { name: "合计 below", sheet: withCells(deptBelow, { C10: 195.61 }), cells: ["C10"] },
    { name: "元", sheet: withCells(deptYuan, { D6: 1956000.5 }), cells: ["D6"] },
    { name: "a constant among formulas", sheet: withCells(deptF, { D6: 195.7 }), cells: ["D6"] },
    { name: "合计 empty", sheet: withCells(dept, { D6: null }), cells: ["D6"] },
    {
      name: "a task row that repeats the grand total",
      sheet: sheetOf({
        ...SMALL_DEPARTMENT,
        tasks: [
          ...SMALL_DEPARTMENT.tasks,
          { name: "部门预算", content: "全部支出。", total: 195.6, fiscal: 170.25, other: 25.35 },
        ],
        total: { total: 195.6, fiscal: 170.25, other: 25.35 },
      }),
      cells: ["D6", "E6", "F6"],
    },
  ],
});

testRule(projectSum, {
  valid: [
    { name: "vertical", sheet: proj },
    { name: "horizontal", sheet: projH },
    { name: "formulas", sheet: projF },
    { name: "上年结转资金", sheet: projCarry },
    { name: "上年结转资金, formulas", sheet: projCarryF },
    { name: "其他资金 blank counts as 0", sheet: withCells(proj, { D7: 80, D9: null }) },
    { name: "总额 empty: missing-funding's business", sheet: withCells(proj, { D7: null }) },
    { name: "a part as text: not-a-number's business", sheet: withCells(proj, { D8: "8O" }) },
    { name: "department tables have no funding block", sheet: dept },
  ],
  invalid: [
    { name: "年度资金总额 0 beside 财政拨款 80 + 其他资金 10", sheet: withCells(proj, { D7: 0 }), cells: ["D7"] },
    { name: "horizontal, off by a cent", sheet: withCells(projH, { B8: 90.01 }), cells: ["B8"] },
    { name: "上年结转资金 left out", sheet: withCells(projCarry, { D7: 90 }), cells: ["D7"] },
    { name: "an unparsed formula", sheet: withFormulas(projF, { D7: ["=D8+D9+1", 91] }), cells: ["D7"] },
    { name: "财政拨款 blank", sheet: withCells(proj, { D8: null }), cells: ["D7"] },
  ],
});

// 资金情况 by source (real layouts: Chongqing's numbered sources, Shaanxi's 其中:中央补助 + 地方资金). Rows: the
// title, year, name, department, then the funding lines from row 5 (labels in B, values in C).
const src = (funding: [string, FundingLine["value"]][], fundingLabel = "资金情况（万元）") =>
  projectForm({ fundingLabel, funding: funding.map(([label, value]) => ({ label, value })) });
const NUMBERED: [string, FundingLine["value"]][] = [
  ["年度资金总额：", 153.5184],
  ["其中：1.中央资金", null],
  ["2.市级资金", 153.5184],
  ["3.区级资金", null],
  ["4.其他资金", null],
];
const numbered = src(NUMBERED);
const at = (i: number) => numbered.at[`v${i}`];
const numberedWith = (edits: Record<number, FundingLine["value"]>) =>
  src(NUMBERED.map(([l, v], i) => [l, i in edits ? edits[i] : v]));

testRule(sourceSum, {
  valid: [
    { name: "numbered sources that add up, three blank (as published)", sheet: numbered.sheet },
    {
      name: "其中:中央补助 + 地方资金",
      sheet: src(
        [
          ["年度资金总额", 80],
          ["其中：中央补助", 50.29],
          ["地方资金", 29.71],
        ],
        "资金金额"
      ).sheet,
    },
    {
      name: "上级资金 and 其他资金",
      sheet: src([
        ["资金总额", 100],
        ["其中：上级资金", 90],
        ["其他资金", 10],
      ]).sheet,
    },
    {
      name: "财政拨款 + 其他资金: project-sum's pair",
      sheet: src([
        ["年度资金总额", 90],
        ["其中：财政拨款", 80],
        ["其中：中央资金", 50],
        ["其他资金", 10],
      ]).sheet,
    },
    { name: "total empty: missing-funding's business", sheet: numberedWith({ 0: null }).sheet },
    { name: "every source blank: nothing to add", sheet: numberedWith({ 2: null }).sheet },
    { name: "a source as text: not-a-number's business", sheet: numberedWith({ 2: "153.5万" }).sheet },
    {
      name: "上级资金 beside 中央资金 (上级 holds 中央): hierarchy unclear",
      sheet: src([
        ["年度资金总额", 100],
        ["上级资金", 100],
        ["其中：中央资金", 60],
        ["本级资金", 0],
      ]).sheet,
    },
    {
      name: "地方资金 with 市级 and 县级 under it: hierarchy unclear",
      sheet: src([
        ["年度资金总额", 100],
        ["中央资金", 40],
        ["地方资金", 60],
        ["市级资金", 30],
        ["县级资金", 30],
      ]).sheet,
    },
    {
      name: "a 其中 row in the middle: a part of the row above",
      sheet: src([
        ["年度资金总额", 100],
        ["中央资金", 40],
        ["自有资金", 60],
        ["其中：市级资金", 30],
      ]).sheet,
    },
    { name: "the small project (财政拨款 + 其他资金)", sheet: proj },
  ],
  invalid: [
    { name: "a source left out of the total", sheet: numberedWith({ 1: 50 }).sheet, cells: [at(0)] },
    { name: "off by a cent", sheet: numberedWith({ 0: 153.5284 }).sheet, cells: [at(0)] },
    { name: "其他资金 counts", sheet: numberedWith({ 4: 10 }).sheet, cells: [at(0)] },
    {
      name: "中央补助 + 地方资金 above the total",
      sheet: src(
        [
          ["年度资金总额", 50.29],
          ["其中：中央补助", 50.29],
          ["地方资金", 20],
        ],
        "资金金额"
      ).sheet,
      cells: ["C5"],
    },
  ],
});

describe("amount/source-sum messages", () => {
  test("names each source, its value and the sum", () => {
    const f = findingsOf(numberedWith({ 1: 50 }).sheet, [sourceSum]);
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toBe(
      `年度资金总额 ${at(0)} 为 153.5184，各资金来源 中央资金 ${at(1)} + 市级资金 ${at(2)} + 区级资金 ${at(3)} + 其他资金 ${at(4)} = 50.00 + 153.5184 + 0 + 0 = 203.5184，相差 50.00；请核对总额或漏填、多填的来源。`
    );
    expect(f[0].related).toEqual([at(1), at(2), at(3), at(4)]);
  });

  test("an empty total beside 中央补助 50.29 (Shaanxi): one finding, at the total, with the sum it should show", () => {
    const laid = src(
      [
        ["年度资金总额", null],
        ["其中：中央补助", 50.29],
        ["地方资金", null],
      ],
      "资金金额"
    );
    const f = findingsOf(laid.sheet, [...AMOUNT_RULES, missingFunding]).filter((x) => x.severity !== "info");
    expect(f.map((x) => [x.rule, x.cell])).toEqual([["structure/missing-funding", laid.at.v0]]);
    expect(f[0].message.zh).toBe(
      `年度资金总额为空，按所列资金来源（中央补助 ${laid.at.v1} + 地方资金 ${laid.at.v2}）应为 50.29。`
    );
  });
});

testRule(formulaRange, {
  valid: [
    { name: "formulas", sheet: deptF },
    { name: "合计 below, formulas", sheet: deptBelowF },
    { name: "元, formulas", sheet: sheetOf(SMALL_DEPARTMENT, { unit: "元", formulas: true }) },
    { name: "no formulas", sheet: dept },
    { name: "$ signs", sheet: withFormulas(deptF, { D6: ["=SUM($D$7:$D$9)", 195.6], D7: ["=$E7+$F7", 120.5] }) },
    { name: "cell + cell", sheet: withFormulas(deptF, { D6: ["=D7+D8+D9", 195.6], E6: ["=+e7+e8+e9", 170.25] }) },
    { name: "SUM of pieces, lower case", sheet: withFormulas(deptF, { D6: ["=sum(D7:D8, D9)", 195.6] }) },
    { name: "SUM across a row", sheet: withFormulas(deptF, { D7: ["=SUM(E7:F7)", 120.5] }) },
    { name: "a formula it does not parse", sheet: withFormulas(deptF, { D6: ["=ROUND(SUM(D7:D8),2)", 150.5] }) },
    { name: "another sheet", sheet: withFormulas(deptF, { D6: ["=Sheet2!D7", 195.6] }) },
    { name: "project, formulas", sheet: projF },
    { name: "no task rows: nothing for a 合计 to add up", sheet: withoutRows(deptF, [7, 8, 9]) },
    { name: "project, 上年结转资金, formulas", sheet: projCarryF },
    {
      name: "project, horizontal, formulas",
      sheet: sheetOf(SMALL_PROJECT, { formulas: true, fundingLayout: "horizontal" }),
    },
  ],
  invalid: [
    {
      name: "sample: SUM leaves out the last task",
      sheet: withFormulas(sample, { D6: ["=SUM(D7:D16)", 1861.99] }),
      cells: ["D6"],
    },
    {
      name: "sample: SUM leaves out the last task, cached value agreeing",
      sheet: withFormulas(sample, { D6: ["=SUM(D7:D16)", 1899.19] }),
      cells: ["D6"],
    },
    {
      name: "SUM takes in the 合计 row itself",
      sheet: withFormulas(sample, { E6: ["=SUM(E6:E17)", 1899.19] }),
      cells: ["E6"],
    },
    { name: "SUM takes in the header", sheet: withFormulas(deptF, { F6: ["=SUM(F5:F9)", 25.35] }), cells: ["F6"] },
    {
      name: "合计 below: SUM takes in a row past it",
      sheet: withFormulas(deptBelowF, { D9: ["=SUM(D6:D10)", 195.6] }),
      cells: ["D9"],
    },
    { name: "=E7+F8 on row 7", sheet: withFormulas(deptF, { D7: ["=E7+F8", 100.25] }), cells: ["D7"] },
    { name: "a part counted twice", sheet: withFormulas(deptF, { D8: ["=E8+E8+F8", 60] }), cells: ["D8"] },
    { name: "project: 其他资金 left out", sheet: withFormulas(projF, { D7: ["=D8", 80] }), cells: ["D7"] },
    { name: "project: 上年结转资金 left out", sheet: withFormulas(projCarryF, { D7: ["=D8+D9", 90] }), cells: ["D7"] },
  ],
});

testRule(constantTotal, {
  valid: [
    { name: "no formulas", sheet: dept },
    { name: "formulas throughout", sheet: deptF },
    { name: "sample (typed 合计, formula task totals: different kinds)", sheet: sampleF },
    { name: "amounts as text", sheet: deptText },
    { name: "project (a single total)", sheet: proj },
    { name: "one formula among constants", sheet: withFormulas(dept, { D6: ["=SUM(D7:D9)", 195.6] }) },
  ],
  invalid: [
    { name: "合计 总额 typed among SUM formulas", sheet: withCells(deptF, { D6: 195.6 }), cells: ["D6"] },
    { name: "a task 总额 typed among formulas", sheet: withCells(deptF, { D8: 30 }), cells: ["D8"] },
    { name: "合计 below", sheet: withCells(deptBelowF, { F9: 25.35 }), cells: ["F9"] },
  ],
});

/** The project with labels holding their amounts ("财政拨款:80万元" in B8, its value cell D8 left empty). */
const inLabel = (cells: Record<string, string>) =>
  withCells(proj, { ...cells, ...Object.fromEntries(Object.keys(cells).map((c) => [c.replace("B", "D"), null])) });

// 武汉青山 2020: 资金总额 10000万元 in a 万元 table — readable, published; one quiet note.
testRule(amountUnitInCell, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "another unit is not-a-number's", sheet: withCells(proj, { D7: "90元" }) },
  ],
  invalid: [
    { name: "90万元 in a 万元 table", sheet: withCells(proj, { D7: "90万元" }), cells: ["D7"] },
    { name: "two cells: one note", sheet: withCells(proj, { D7: "90万元", D8: "90万元" }), cells: ["D7"] },
    // 宁乡坝塘 2021: "财政拨款:6923.3552万元(其中:…)", "三、其他:3683.3970万元", label and amount in one cell.
    {
      name: "label and amount in one cell",
      sheet: inLabel({ B8: "财政拨款:80万元(其中:上级财政资金:80万元;本级财政:0万元)", B9: "三、其他:10" }),
      cells: ["B8"],
    },
  ],
});

test("a label and amount in one cell are not an error; another unit or unreadable text is", () => {
  expect(findingsOf(inLabel({ B8: "财政拨款:80万元(其中:上级财政资金:80万元)" }), [notANumber])).toEqual([]);
  expect(findingsOf(inLabel({ B9: "三、其他:10" }), [notANumber])).toEqual([]);
  const other = findingsOf(inLabel({ B8: "财政拨款:800000元" }), [notANumber]);
  expect(other.map((f) => [f.cell, f.message.zh])).toEqual([["B8", expect.stringContaining("带有单位或符号“元”")]]);
  const note = findingsOf(inLabel({ B8: "财政拨款:80万元" }), [amountUnitInCell]);
  expect(note.map((f) => f.message.zh)).toEqual([expect.stringContaining("带有名称或单位（如“财政拨款:80万元”）")]);
});

test("an amount in the table's own unit is not an error", () => {
  expect(findingsOf(withCells(proj, { D7: "90万元" }), [notANumber])).toEqual([]);
});

testRule(notANumber, {
  valid: [
    { name: "sample", sheet: sample },
    { name: "department", sheet: dept },
    { name: "formulas", sheet: deptF },
    { name: "project", sheet: proj },
    { name: "project, horizontal", sheet: projH },
    { name: "project, 其他资金 blank", sheet: withCells(proj, { D9: null }) },
    { name: "合计 其他资金 blank", sheet: withCells(sample, { F6: null }) },
  ],
  invalid: [
    {
      name: "amounts as text: every one",
      sheet: deptText,
      cells: ["D6", "E6", "F6", "D7", "E7", "F7", "D8", "E8", "F8", "D9", "E9", "F9"],
    },
    {
      name: "project amounts as text, vertical",
      sheet: sheetOf(SMALL_PROJECT, { amountsAsText: true }),
      cells: ["D7", "D8", "D9"],
    },
    {
      name: "project amounts as text, horizontal",
      sheet: sheetOf(SMALL_PROJECT, { amountsAsText: true, fundingLayout: "horizontal" }),
      cells: ["B8", "C8", "D8"],
    },
    { name: '" 1,278.00 " typed as text', sheet: withCells(sample, { D15: " 1,278.00 " }), cells: ["D15"] },
    { name: "854万", sheet: withCells(dept, { E7: "854万" }), cells: ["E7"] },
    { name: "O.00", sheet: withCells(dept, { F8: "O.00" }), cells: ["F8"] },
    {
      name: "#REF! from a broken SUM",
      sheet: withFormulas(deptF, { D6: ["=SUM(D7:#REF!)", { error: "#REF!" }] }),
      cells: ["D6"],
    },
    { name: "#VALUE! constant", sheet: withCells(dept, { E9: { error: "#VALUE!" } }), cells: ["E9"] },
    { name: "boolean", sheet: withCells(dept, { F9: true }), cells: ["F9"] },
    { name: "其他资金 empty where 总额 = 财政拨款", sheet: withCells(dept, { F8: null }), cells: ["F8"] },
    { name: "财政拨款 empty", sheet: withCells(dept, { E7: null }), cells: ["E7"] },
    { name: "project 年度资金总额 with another unit", sheet: withCells(proj, { D7: "90元" }), cells: ["D7"] },
  ],
});

testRule(negative, {
  valid: [
    { name: "sample", sheet: sample },
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "zero", sheet: withCells(dept, { F8: -0 }) },
  ],
  invalid: [
    { name: "negative 其他资金", sheet: withCells(dept, { F7: -5 }), cells: ["F7"] },
    { name: "negative typed as text", sheet: withCells(dept, { F9: "-5.10" }), cells: ["F9"] },
    { name: "negative 合计", sheet: withCells(dept, { F6: -25.35 }), cells: ["F6"] },
    { name: "project", sheet: withCells(proj, { D9: -10 }), cells: ["D9"] },
  ],
});

testRule(precision, {
  valid: [
    { name: "sample", sheet: sample },
    { name: "sample, binary noise", sheet: withCells(sample, { D6: 1899.1899999999998 }) },
    { name: "department", sheet: dept },
    { name: "0.1 + 0.2", sheet: pointThree },
    { name: "six places throughout", sheet: six },
    { name: "元", sheet: deptYuan },
    { name: "text with two places", sheet: deptText },
    { name: "project", sheet: proj },
    // Real value (重庆荣昌 2022): 4 decimals in 万元 are whole 元.
    { name: "153.5184 万元 is exact to the 元", sheet: withCells(proj, { D9: 153.5184 }) },
    { name: "3 places in 万元 are tens of 元", sheet: withCells(dept, { D7: 120.505 }) },
  ],
  invalid: [
    {
      name: "five places hidden by the 0.00 format",
      sheet: withCells(dept, { D7: 120.50501, E7: 100.25501 }),
      cells: ["D7", "E7"],
    },
    { name: "seven places among six", sheet: withCells(six, { F9: 5.1000001 }), cells: ["F9"] },
    { name: "元 with fractions of a cent", sheet: withCells(deptYuan, { F8: 0.001 }), cells: ["F8"] },
    { name: "text with five places", sheet: withCells(deptText, { F7: "20.25001" }), cells: ["F7"] },
    { name: "project", sheet: withCells(proj, { D9: 10.00501 }), cells: ["D9"] },
  ],
});

const costRow = (value: string, level2 = "成本指标", level1 = "产出指标"): IndicatorSpec => ({
  level1,
  level2,
  name: "设备购置成本",
  value,
});
const costAt = (b: ReturnType<typeof buildTable>) => b.placed.indicators[b.placed.indicators.length - 1].value!;
const over = deptWith([costRow("≤300万元")]);
const overYuan = deptWith([costRow("≤2000000元")], { unit: "元" });
const overYuanInWan = deptWith([costRow("≤2000000元")]);
const overSplit = deptWith([costRow("≤300万元")], { indicatorForm: "split" });
const overLevel1 = deptWith([costRow("≤1亿元", "经济成本指标", "成本指标")]);
const overNoTotal = deptWith([costRow("≤200万元")]);
const projSpecOver: ProjectSpec = { ...SMALL_PROJECT, indicators: [...SMALL_PROJECT.indicators, costRow("=100万元")] };
const projOver = buildTable(projSpecOver);

testRule(costOverBudget, {
  valid: [
    { name: "sample (costs up to 26万元 of 1899.19)", sheet: sample },
    { name: "department", sheet: dept },
    { name: "元 table, cost in 万元", sheet: deptYuan },
    { name: "project", sheet: proj },
    { name: "a rate (元/亩) is not the whole budget", sheet: tableSheet(deptWith([costRow("≤5000元/亩")]).workbook) },
    {
      name: "a benefit in 万元 is not a cost",
      sheet: tableSheet(
        deptWith([{ level1: "效益指标", level2: "经济效益指标", name: "带动增收", value: "≥500万元" }]).workbook
      ),
    },
    { name: "equal to the budget", sheet: tableSheet(deptWith([costRow("≤195.6万元")]).workbook) },
    { name: "元 value within a 万元 budget", sheet: tableSheet(deptWith([costRow("≤1956000元")]).workbook) },
    { name: "qualitative cost", sheet: tableSheet(deptWith([costRow("不超预算")]).workbook) },
    {
      name: "project total 0 beside 80 + 10: the parts count (project-sum reports the total)",
      sheet: withCells(proj, { D7: 0 }),
    },
    {
      name: "合计 too small: the tasks count (total-mismatch reports the 合计)",
      sheet: withCells(tableSheet(deptWith([costRow("≤190万元")]).workbook), { D6: 19.56 }),
    },
  ],
  invalid: [
    { name: "300万元 of a 195.6万元 budget", sheet: tableSheet(over.workbook), cells: [costAt(over)] },
    { name: "元 table", sheet: tableSheet(overYuan.workbook), cells: [costAt(overYuan)] },
    { name: "元 value in a 万元 table", sheet: tableSheet(overYuanInWan.workbook), cells: [costAt(overYuanInWan)] },
    { name: "split value columns", sheet: tableSheet(overSplit.workbook), cells: [costAt(overSplit)] },
    { name: "成本指标 as a 一级", sheet: tableSheet(overLevel1.workbook), cells: [costAt(overLevel1)] },
    {
      name: "no 合计: the sum of the task totals",
      sheet: withoutRows(tableSheet(overNoTotal.workbook), [6]),
      cells: [shiftUp(costAt(overNoTotal))],
    },
    { name: "project", sheet: tableSheet(projOver.workbook), cells: [costAt(projOver)] },
  ],
});

// Per-unit costs multiplied out. Department budget 195.6 万元; project budget 90 万元 over 120 公里 of road.
const PEOPLE: IndicatorSpec = { level1: "产出指标", level2: "数量指标", name: "培训人数", value: "≥500人" };
const perHead = (cost: string, ...counts: string[]) =>
  deptWith([
    ...counts.map((v, i): IndicatorSpec => ({ ...PEOPLE, name: `培训人数${i + 1}`, value: v })),
    { level1: "产出指标", level2: "成本指标", name: "人均培训成本", value: cost },
  ]);
const perHeadOver = perHead("≤5000元/人", "≥500人"); // 5000 × 500 = 250 万元
const projWith = (cost: string, period?: string) =>
  buildTable({
    ...SMALL_PROJECT,
    ...(period ? { period } : {}),
    indicators: SMALL_PROJECT.indicators.map((i) => (i.name === "每公里养护成本" ? { ...i, value: cost } : i)),
  });
testRule(unitCostTotal, {
  valid: [
    { name: "sample (no rate per unit)", sheet: sample },
    { name: "2000元/人 × 500人 = 100 万元 of 195.6", sheet: tableSheet(perHead("≤2000元/人", "≥500人").workbook) },
    { name: "元/人次 beside 人: units differ", sheet: tableSheet(perHead("≤5000元/人次", "≥500人").workbook) },
    {
      name: "several counts in 人: the smallest (100人) gives 50 万元",
      sheet: tableSheet(perHead("≤5000元/人", "≥500人", "≥100人").workbook),
    },
    { name: "a count given as an upper bound", sheet: tableSheet(perHead("≤5000元/人", "≤500人").workbook) },
    { name: "no count in 人", sheet: tableSheet(perHead("≤5000元/人").workbook) },
    {
      name: "0.75万元/公里 × 120公里 = 90: the whole budget, not above",
      sheet: tableSheet(projWith("≤0.75万元/公里").workbook),
    },
    { name: "万元/月 with 项目期 as a date range: months unknown", sheet: tableSheet(projWith("≤10万元/月").workbook) },
    { name: "1.5万元/月 × 12个月 = 18 万元", sheet: tableSheet(projWith("≤1.5万元/月", "12个月").workbook) },
  ],
  invalid: [
    {
      name: "5000元/人 × 500人 = 250 万元 of 195.6",
      sheet: tableSheet(perHeadOver.workbook),
      cells: [costAt(perHeadOver)],
    },
    {
      name: "0.8万元/公里 × 120公里 = 96 of 90",
      sheet: tableSheet(projWith("≤0.8万元/公里").workbook),
      cells: [projWith("≤0.8万元/公里").placed.indicators[3].value!],
    },
    {
      name: "10万元/月 × 12个月 = 120 of 90",
      sheet: tableSheet(projWith("≤10万元/月", "12个月").workbook),
      cells: [projWith("≤10万元/月").placed.indicators[3].value!],
    },
    {
      name: "10万元/月 over 3年: 12 months in the year's table",
      sheet: tableSheet(projWith("≤10万元/月", "3年").workbook),
      cells: [projWith("≤10万元/月").placed.indicators[3].value!],
    },
  ],
});

test("amount/unit-cost-total names the rate, the count, the product and the budget", () => {
  const f = findingsOf(tableSheet(perHeadOver.workbook), [unitCostTotal]);
  const count = perHeadOver.placed.indicators[perHeadOver.placed.indicators.length - 2].value!;
  expect(f).toHaveLength(1);
  expect(f[0].severity).toBe("info");
  expect(f[0].related).toEqual([count, "D6"]);
  expect(f[0].message.zh).toBe(
    `成本指标“人均培训成本”≤5000元/人（${costAt(perHeadOver)}）×“培训人数1”500人（${count}）= 250.00 万元，超过本表预算 195.60 万元（D6），请核对单价、数量或单位。`
  );
});

/** The address one row up (after withoutRows removed a row above it). */
function shiftUp(address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return `${m[1]}${Number(m[2]) - 1}`;
}

describe("fixes", () => {
  const fixOf = (sheet: SheetSnapshot, rule: Rule) => {
    const found = only(sheet, rule);
    expect(found).toHaveLength(1);
    return found[0].fix;
  };
  const value = (cell: string, v: number | string, sheet = "2022年部门整体绩效目标") => [{ sheet, cell, value: v }];
  const formula = (cell: string, f: string, sheet = "2022年部门整体绩效目标") => [{ sheet, cell, formula: f }];

  test("task-sum: the value when the table types its totals", () => {
    expect(fixOf(withCells(dept, { D7: 120.6 }), taskSum)).toEqual(value("D7", 120.5));
  });
  test("task-sum: 0.1 + 0.2 is fixed to exactly 0.3", () => {
    expect(fixOf(withCells(pointThree, { D7: 0.4 }), taskSum)).toEqual(value("D7", 0.3));
  });
  test("task-sum: a formula when the other totals are formulas", () => {
    expect(fixOf(withCells(deptF, { D8: 31 }), taskSum)).toEqual(formula("D8", "=E8+F8"));
    expect(fixOf(withFormulas(deptF, { D7: ["=E7+F7+1", 121.5] }), taskSum)).toEqual(formula("D7", "=E7+F7"));
  });
  test("task-sum: no fix when a part is not a number", () => {
    const [f] = only(withCells(deptText, { D7: 120.6 }), taskSum);
    expect(f.fix).toBeUndefined();
  });
  test("task-sum: the message names the cells and the exact amounts", () => {
    const [f] = only(withCells(dept, { D7: 120.6 }), taskSum);
    expect(f.related).toEqual(["E7", "F7"]);
    expect(f.message.zh).toContain(
      "应为 财政拨款 E7 + 其他资金 F7 = 100.25 + 20.25 = 120.50，实为 120.60（相差 0.10）"
    );
  });

  test("total-mismatch: the value, with the message naming the expected amount", () => {
    const [f] = only(withCells(sample, { D6: 1899.29 }), totalMismatch);
    expect(f.fix).toEqual(value("D6", 1899.19, "2021年部门整体绩效目标"));
    expect(f.message.zh).toContain("合计“总额”应为 1899.19，实为 1899.29（相差 0.10）");
    expect(f.related).toEqual(["D7", "D8", "D9", "D10", "D11", "D12", "D13", "D14", "D15", "D16", "D17"]);
  });
  test("total-mismatch: =SUM over the tasks when the table uses formulas", () => {
    expect(fixOf(withCells(deptF, { D6: 195.7 }), totalMismatch)).toEqual(formula("D6", "=SUM(D7:D9)"));
    expect(fixOf(withCells(deptBelowF, { E9: 170 }), totalMismatch)).toEqual(formula("E9", "=SUM(E6:E8)"));
  });
  test("total-mismatch: the value in 元", () => {
    expect(fixOf(withCells(deptYuan, { D6: 1956000.5 }), totalMismatch)).toEqual(value("D6", 1956000));
  });
  test("total-mismatch: a task row repeating the grand total is pointed out", () => {
    const sheet = sheetOf({
      ...SMALL_DEPARTMENT,
      tasks: [
        ...SMALL_DEPARTMENT.tasks,
        { name: "部门预算", content: "全部支出。", total: 195.6, fiscal: 170.25, other: 25.35 },
      ],
      total: { total: 195.6, fiscal: 170.25, other: 25.35 },
    });
    const [f] = only(sheet, totalMismatch);
    expect(f.message.zh).toContain("任务行 D10 与合计相同");
    // Which is wrong, the 合计 or the extra row, is for the user to say: no fix.
    expect(f.fix).toBeUndefined();
  });

  test("project-sum: the value, or the formula when it was one", () => {
    const sheet = "2022年项目绩效目标";
    expect(fixOf(withCells(proj, { D7: 0 }), projectSum)).toEqual(value("D7", 90, sheet));
    expect(fixOf(withCells(projCarry, { D7: 90 }), projectSum)).toEqual(value("D7", 100, sheet));
    expect(fixOf(withFormulas(projF, { D7: ["=D8+D9+1", 91] }), projectSum)).toEqual(formula("D7", "=D8+D9", sheet));
    expect(fixOf(withCells(proj, { D8: null }), projectSum)).toBeUndefined();
  });

  test("formula-range: the corrected formula, in the original's style", () => {
    const s = "2021年部门整体绩效目标";
    const [f] = only(withFormulas(sample, { D6: ["=SUM(D7:D16)", 1899.19] }), formulaRange);
    expect(f.fix).toEqual(formula("D6", "=SUM(D7:D17)", s));
    expect(f.related).toEqual(["D17"]);
    expect(f.message.zh).toContain("漏掉了 D17");
    expect(f.message.zh).toContain("当前结果虽然相符");
    const [self] = only(withFormulas(sample, { E6: ["=SUM(E6:E17)", 1899.19] }), formulaRange);
    expect(self.related).toEqual(["E6"]);
    expect(self.message.zh).toContain("合计行本身");
    expect(self.fix).toEqual(formula("E6", "=SUM(E7:E17)", s));
    expect(fixOf(withFormulas(deptF, { D7: ["=E7+F8", 100.25] }), formulaRange)).toEqual(formula("D7", "=E7+F7"));
    expect(fixOf(withFormulas(deptF, { F6: ["=SUM(F5:F9)", 25.35] }), formulaRange)).toEqual(
      formula("F6", "=SUM(F7:F9)")
    );
    expect(fixOf(withFormulas(projCarryF, { D7: ["=D8+D9", 90] }), formulaRange)).toEqual(
      formula("D7", "=D8+D9+D10", "2022年项目绩效目标")
    );
  });
  test("formula-range: a wrong range is reported once, not again as a mismatch", () => {
    const found = findingsOf(withFormulas(sample, { D6: ["=SUM(D7:D16)", 1861.99] }));
    expect(found.map((f) => f.rule)).toEqual(["amount/formula-range"]);
    expect(found[0].message.zh).toContain("当前结果为 1861.99，应为 1899.19");
  });

  test("not-a-number: text amounts become numbers", () => {
    const found = only(deptText, notANumber);
    expect(found.map((f) => f.fix?.[0].value)).toEqual([
      195.6, 170.25, 25.35, 120.5, 100.25, 20.25, 30, 30, 0, 45.1, 40, 5.1,
    ]);
    expect(fixOf(withCells(sample, { D15: " 1,278.00 " }), notANumber)).toEqual(
      value("D15", 1278, "2021年部门整体绩效目标")
    );
    const projText = only(sheetOf(SMALL_PROJECT, { amountsAsText: true, fundingLayout: "horizontal" }), notANumber);
    expect(projText.map((f) => f.fix)).toEqual([
      [{ sheet: "2022年项目绩效目标", cell: "B8", value: 90 }],
      [{ sheet: "2022年项目绩效目标", cell: "C8", value: 80 }],
      [{ sheet: "2022年项目绩效目标", cell: "D8", value: 10 }],
    ]);
  });
  test("not-a-number: O.00 → 0, 854万 → no fix", () => {
    expect(fixOf(withCells(dept, { F8: "O.00" }), notANumber)).toEqual(value("F8", 0));
    const [wan] = only(withCells(dept, { E7: "854万" }), notANumber);
    expect(wan.fix).toBeUndefined();
    expect(wan.message.zh).toContain("单位");
  });
  test("not-a-number: #REF! names the broken formula and restores the SUM", () => {
    const [f] = only(withFormulas(deptF, { D6: ["=SUM(D7:#REF!)", { error: "#REF!" }] }), notANumber);
    expect(f.message.zh).toContain("#REF!");
    expect(f.message.zh).toContain("=SUM(D7:#REF!)");
    expect(f.fix).toEqual(formula("D6", "=SUM(D7:D9)"));
  });
  test("not-a-number: an empty 其他资金 gets 0 only when 总额 = 财政拨款", () => {
    expect(fixOf(withCells(dept, { F8: null }), notANumber)).toEqual(value("F8", 0));
    expect(fixOf(withCells(dept, { F7: null }), notANumber)).toBeUndefined();
    expect(fixOf(withCells(dept, { E7: null }), notANumber)).toBeUndefined();
  });

  test("rules without fixes offer none", () => {
    for (const f of [
      ...only(withCells(deptF, { D6: 195.6 }), constantTotal),
      ...only(withCells(dept, { F7: -5 }), negative),
      ...only(withCells(dept, { D7: 120.50501 }), precision),
      ...only(tableSheet(over.workbook), costOverBudget),
    ])
      expect(f.fix).toBeUndefined();
  });
  test("cost-over-budget: the message converts units and names the budget cell", () => {
    const [f] = only(tableSheet(overYuanInWan.workbook), costOverBudget);
    expect(f.related).toEqual(["D6"]);
    expect(f.message.zh).toContain("≤2000000元（即 200.00 万元）");
    expect(f.message.zh).toContain("195.60 万元");
    const [noTotal] = only(withoutRows(tableSheet(overNoTotal.workbook), [6]), costOverBudget);
    expect(noTotal.related).toEqual(["D6", "D7", "D8"]);
  });
  test("precision: the message gives the places", () => {
    const [f] = only(withCells(dept, { D7: 120.50501 }), precision);
    expect(f.message.zh).toContain("5 位小数");
    expect(f.message.zh).toContain("保留 2 位");
  });
});
