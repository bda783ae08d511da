/** Structure rules of the second batch: placeholder goals and names, short goals, the budget year. */
import { buildTable, type Layout } from "../builder/layout";
import type { TableSpec } from "../builder/spec";
import { SAMPLE_2021 } from "../fixtures/sample-2021-urho";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "../fixtures/small";
import { tableSheet, withCells } from "../support/edit";
import { testRule } from "../support/rule-tester";
import { readSheet } from "../../src/core/reader";
import { runRules } from "../../src/core/check";
import type { Rule } from "../../src/core/rules/rule";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { STRUCTURE_RULES } from "../../src/core/rules/structure";
import { placeholderGoal } from "../../src/core/rules/structure/placeholder-goal";
import { shortGoal } from "../../src/core/rules/structure/short-goal";
import { goalNoMeasure } from "../../src/core/rules/structure/goal-no-measure";
import { repeatedTask } from "../../src/core/rules/structure/repeated-task";
import { goalCopied } from "../../src/core/rules/structure/goal-copied";
import { platformExport } from "../builder/variants";
import { layRows, k, wide } from "../builder/rows";
import { checkSheet } from "../../src/core/check";
import { placeholderName } from "../../src/core/rules/structure/placeholder-name";
import { yearMismatch, yearSpans, yearsIn } from "../../src/core/rules/structure/year-mismatch";
import { hasXX, isNotApplicable, isPlaceholder, realText } from "../../src/core/rules/structure/placeholder";

const sheetOf = (spec: TableSpec, layout: Partial<Layout> = {}, name?: string) =>
  tableSheet(buildTable(spec, layout, name).workbook);
const findings = (sheet: SheetSnapshot, rules: readonly Rule[]) =>
  readSheet(sheet).tables.flatMap((t) => runRules(t, rules));

// Department, default layout: A2 year, A3/C3 name, A10/C10 goal. Project: A2 year, A3/B3 name, B4 主管部门,
// E4 实施单位, goals B10/D10 → B11 (中期) / D11 (年度).
const dept = sheetOf(SMALL_DEPARTMENT);
const proj = sheetOf(SMALL_PROJECT);
const projOneGoal = sheetOf({ ...SMALL_PROJECT, goals: { annual: SMALL_PROJECT.goals.annual } });
const sample = sheetOf(SAMPLE_2021);

describe("placeholder helpers", () => {
  test("placeholders", () => {
    for (const t of [
      "-",
      "*",
      "_",
      "/",
      "无",
      "……",
      "XX",
      "待定",
      "—",
      "（无）",
      "目标1：……",
      "目标1：XX；目标2：XX",
      "x x",
    ])
      expect([t, isPlaceholder(t)]).toEqual([t, true]);
    for (const t of ["保障运转", "目标1：保障机构正常运转", "某某区教育局", "XX单位", ""])
      expect([t, isPlaceholder(t)]).toEqual([t, false]);
  });
  test("XX anywhere, real text, not applicable", () => {
    expect(hasXX("XX单位")).toBe(true);
    expect(hasXX("××县××局")).toBe(true);
    expect(hasXX("某某区教育局")).toBe(false);
    expect(realText("目标1：保障运转。")).toBe("保障运转");
    expect(isNotApplicable("无")).toBe(true);
    expect(isNotApplicable(" / ")).toBe(true);
    expect(isNotApplicable("……")).toBe(false);
  });
  test("yearsIn", () => {
    expect(yearsIn("2022年绩效目标")).toEqual([2022]);
    expect(yearsIn("2021-2023年项目")).toEqual([2021, 2023]);
    expect(yearsIn("表1（２０２２）")).toEqual([2022]);
    expect(yearsIn("Sheet1")).toEqual([]);
    expect(yearsIn("编号120221")).toEqual([]);
    expect(yearSpans("2021-2023年项目")).toEqual([{ from: 2021, to: 2023 }]);
    expect(yearSpans("2021年至2023年项目（2025）")).toEqual([
      { from: 2021, to: 2023 },
      { from: 2025, to: 2025 },
    ]);
  });
});

testRule(placeholderGoal, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project with 中期目标", sheet: proj },
    { name: "project with a 年度目标 only", sheet: projOneGoal },
    { name: "2021 sample", sheet: sample },
    { name: "one-year project: 中期目标 无", sheet: withCells(proj, { B11: "无" }) },
    { name: "one-year project: 中期目标 /", sheet: withCells(proj, { B11: "/" }) },
    { name: "empty goal: left to missing-goal", sheet: withCells(dept, { C10: null }) },
    { name: "short but real: left to short-goal", sheet: withCells(dept, { C10: "保障运转" }) },
  ],
  invalid: [
    { name: "-", sheet: withCells(dept, { C10: "-" }), cells: ["C10"] },
    { name: "……", sheet: withCells(dept, { C10: "……" }), cells: ["C10"] },
    { name: "numbered placeholders", sheet: withCells(dept, { C10: "目标1：……；目标2：……" }), cells: ["C10"] },
    { name: "XX", sheet: withCells(sample, { C18: "XX" }), cells: ["C18"] },
    { name: "待定", sheet: withCells(projOneGoal, { B10: "待定" }), cells: ["B10"] },
    { name: "project annual goal *", sheet: withCells(proj, { D11: "*" }), cells: ["D11"] },
    { name: "project mid-term goal ……", sheet: withCells(proj, { B11: "……" }), cells: ["B11"] },
    { name: "无 as an annual goal", sheet: withCells(proj, { D11: "无" }), cells: ["D11"] },
  ],
});

describe("structure/placeholder-goal messages", () => {
  test("names the label and the placeholder", () => {
    const [f] = findings(withCells(dept, { C10: "……" }), [placeholderGoal]);
    expect(f.related).toEqual(["A10"]);
    expect(f.message.zh).toBe("“年度总体目标”只填了占位符“……”；请写明本年度要达到的产出和效果。");
  });
});

testRule(shortGoal, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "five characters", sheet: withCells(dept, { C10: "保障正常运转" }) },
    { name: "mid-term 无", sheet: withCells(proj, { B11: "无" }) },
    { name: "placeholders are placeholder-goal's", sheet: withCells(dept, { C10: "-" }) },
  ],
  invalid: [
    { name: "four characters", sheet: withCells(dept, { C10: "保障运转" }), cells: ["C10"] },
    { name: "numbering aside", sheet: withCells(proj, { D11: "目标1：养护道路。" }), cells: ["D11"] },
  ],
});

testRule(placeholderName, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "empty: left to missing-name", sheet: withCells(dept, { C3: null }) },
  ],
  invalid: [
    { name: "XX单位", sheet: withCells(dept, { C3: "XX单位" }), cells: ["C3"] },
    { name: "*", sheet: withCells(sample, { C3: "*" }), cells: ["C3"] },
    { name: "-", sheet: withCells(dept, { C3: "-" }), cells: ["C3"] },
    { name: "template prompt", sheet: withCells(dept, { C3: "（单位名称）" }), cells: ["C3"] },
    { name: "project name ××项目", sheet: withCells(proj, { B3: "××项目" }), cells: ["B3"] },
    { name: "主管部门 and 实施单位", sheet: withCells(proj, { B4: "XX局", E4: "/" }), cells: ["B4", "E4"] },
  ],
});

describe("structure/placeholder-name messages", () => {
  test("says which name and what is wrong", () => {
    const [f] = findings(withCells(dept, { C3: "XX单位" }), [placeholderName]);
    expect(f.related).toEqual(["A3"]);
    expect(f.message.zh).toBe("部门（单位）名称“XX单位”是模板占位符；请填写实际的部门（单位）名称。");
  });
});

testRule(yearMismatch, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "sheet name without a year", sheet: sheetOf(SAMPLE_2021, {}, "绩效目标表") },
    { name: "sheet name with a range of years", sheet: sheetOf(SMALL_PROJECT, {}, "2021-2023年项目") },
    { name: "year in the title", sheet: sheetOf(SMALL_PROJECT, { yearInTitle: true }) },
    {
      name: "no year: left to missing-year",
      sheet: withCells(sheetOf(SAMPLE_2021, {}, "2022年绩效目标"), { A2: null }),
    },
  ],
  invalid: [
    { name: "sheet 2022, title 2021", sheet: sheetOf(SAMPLE_2021, {}, "2022年绩效目标"), cells: ["A2"] },
    {
      name: "year in the title, other year in the sheet name",
      sheet: sheetOf(SMALL_PROJECT, { yearInTitle: true }, "2023年项目"),
      cells: ["A1"],
    },
    { name: "outside a range of years", sheet: sheetOf(SMALL_PROJECT, {}, "2023-2025年项目"), cells: ["A2"] },
    { name: "a year before 2000", sheet: sheetOf({ ...SMALL_DEPARTMENT, year: 1999 }, {}, "部门整体"), cells: ["A2"] },
  ],
});

describe("structure/year-mismatch messages", () => {
  test("names both years", () => {
    const [f] = findings(sheetOf(SAMPLE_2021, {}, "2022年绩效目标"), [yearMismatch]);
    expect(f.severity).toBe("warning");
    expect(f.message.zh).toContain("2022年");
    expect(f.message.zh).toContain("2021年");
    expect(f.message.en).toContain("2022");
  });
});

describe("STRUCTURE_RULES", () => {
  test("holds these four, each once", () => {
    const ids = STRUCTURE_RULES.map((r) => r.id);
    for (const id of [
      "structure/placeholder-goal",
      "structure/short-goal",
      "structure/placeholder-name",
      "structure/year-mismatch",
    ])
      expect(ids.filter((x) => x === id)).toHaveLength(1);
  });
  test.each([
    ["repeated", { levelLabels: "repeated" }],
    ["no label column", { labelColumn: false, spacedLabels: true, brackets: "half", blankRows: 1, origin: "B2" }],
    ["explanatory sheet", { explanatorySheet: true, yearInTitle: true }],
  ] as [string, Partial<Layout>][])("the sample and the small tables raise nothing (%s)", (_n, layout) => {
    for (const spec of [SAMPLE_2021, SMALL_DEPARTMENT, SMALL_PROJECT] as TableSpec[])
      expect(findings(sheetOf(spec, layout), STRUCTURE_RULES)).toEqual([]);
  });
});

testRule(goalNoMeasure, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "a date is measurable", sheet: withCells(dept, { C10: "年底前完成全部校舍维修任务" }) },
    { name: "a Chinese count", sheet: withCells(dept, { C10: "开展教师培训五个班次，维修校舍" }) },
  ],
  invalid: [
    // 江西浮梁 2026: *年度绩效总目标 保证林业局职能实现,保障人员经费。
    {
      name: "保证林业局职能实现,保障人员经费。",
      sheet: withCells(dept, { C10: "保证林业局职能实现,保障人员经费。" }),
      cells: ["C10"],
    },
  ],
});

testRule(repeatedTask, {
  valid: [
    { name: "department", sheet: dept },
    { name: "2021 sample", sheet: sample },
    { name: "same name, other content", sheet: withCells(dept, { B8: "保障部门正常运转" }) },
  ],
  invalid: [
    {
      name: "a task row pasted twice",
      sheet: withCells(dept, { B8: "保障部门正常运转", C8: "保障在岗人员工资和福利待遇正常发放。" }),
      cells: ["B8"],
    },
  ],
});

// 江西浮梁 2026: *年度绩效总目标 = *部门职能职责概述, word for word ("保证林业局职能实现,保障人员经费。").
const DUTIES = "保证林业局职能实现,保障人员经费。";
/** A project with 项目概况 and a 年度目标 (B4 / B5). */
const withOverview = (overview: string, goal: string) =>
  layRows("项目", [
    [wide("项目支出绩效目标表", 4)],
    ["项目名称", wide("绿化美化项目", 3)],
    ["项目概况", k("overview", overview, { span: 3 })],
    ["年度目标", k("goal", goal, { span: 3 })],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "绿化公路长度", "≥3500米"],
    ["效益指标", "社会效益指标", "村容村貌", "有效改善"],
  ]).sheet;

testRule(goalCopied, {
  valid: [
    { name: "platform export, its own goal", sheet: platformExport().sheet },
    { name: "department without an overview", sheet: dept },
    { name: "project without an overview", sheet: proj },
    { name: "2021 sample", sheet: sample },
    {
      name: "goal adds to the overview",
      sheet: platformExport({ duties: DUTIES, goal: DUTIES + "完成营造林320万亩。" }).sheet,
    },
    { name: "项目概况 and a goal of its own", sheet: withOverview("公路沿线绿化美化。", "完成3500米公路绿化。") },
    { name: "both placeholders", sheet: platformExport({ duties: "无", goal: "无" }).sheet },
  ],
  invalid: [
    { name: "goal = 部门职能职责概述", sheet: platformExport({ duties: DUTIES, goal: DUTIES }).sheet, cells: ["B6"] },
    {
      name: "same words, other punctuation and spaces",
      sheet: platformExport({ duties: DUTIES, goal: "保证林业局职能实现， 保障人员经费" }).sheet,
      cells: ["B6"],
    },
    { name: "年度目标 = 项目概况", sheet: withOverview("公路沿线绿化美化。", "公路沿线绿化美化"), cells: ["B4"] },
  ],
});

test("goal-copied: one finding on the goal, naming the overview's cell; no goal-no-measure note beside it", () => {
  const laid = platformExport({ duties: DUTIES, goal: DUTIES });
  const all = checkSheet(laid.sheet).findings;
  // The one fault gives the one finding at error or warning level in the table (the clean export gives none).
  expect(checkSheet(platformExport().sheet).findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(all.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual(["structure/goal-copied"]);
  const onGoal = all.filter((f) => f.cell === laid.at.goal);
  expect(onGoal.map((f) => [f.rule, f.severity, f.related])).toEqual([
    ["structure/goal-copied", "warning", [laid.at.duty, laid.at.goalLabel]],
  ]);
  expect(onGoal[0].message.zh).toBe(
    `“年度绩效总目标”与“部门职能职责概述”（${laid.at.duty}）逐字相同：目标应写出本年度要达到的产出和效果，不能照抄职能概述。`
  );
});

test("goal-no-measure is information only", () => {
  expect(goalNoMeasure.severity).toBe("info");
});
