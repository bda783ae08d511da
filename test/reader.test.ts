/**
 * The reader against tables laid out by the builder in many layouts: every field and its cell address must match
 * where the builder put it.
 */
import { buildTable, type Layout, type Placed } from "./builder/layout";
import type { IndicatorSpec, TableSpec } from "./builder/spec";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { readSheet } from "../src/core/reader";
import { normLabel } from "../src/core/text";
import type { CellRef, GoalTable } from "../src/core/model";
import type { SheetSnapshot } from "../src/core/snapshot";
import { checkSheet } from "../src/core/check";
import { tableSheet, withCells } from "./support/edit";
import { moneyBlocks } from "../src/core/model";
import { k, layRows, tall, wide, type Cell } from "./builder/rows";
import {
  departmentWithComposition,
  departmentWithDuties,
  evaluationIndicators,
  listSheet,
  platformExport,
  projectForm,
  projectRows,
  selfEvaluation,
  TEMPLATE_2021_ROWS,
  type FundingLine,
  type ListProject,
} from "./builder/variants";

const PROJECT_WITH_CARRYOVER = {
  ...SMALL_PROJECT,
  funding: { total: 100, fiscal: 80, other: 10, carryover: 10 },
};
const PROJECT_ANNUAL_ONLY = { ...SMALL_PROJECT, goals: { annual: "完成农村道路养护120公里。" }, manager: undefined };

const VARIANTS: [string, TableSpec, Partial<Layout>][] = [
  ["department, sample layout (label column, 合计 above)", SMALL_DEPARTMENT, {}],
  ["department, 合计 below the tasks", SMALL_DEPARTMENT, { totalPosition: "below" }],
  ["department, no label column (section rows instead)", SMALL_DEPARTMENT, { labelColumn: false }],
  ["department, spaced labels and half-width brackets", SMALL_DEPARTMENT, { spacedLabels: true, brackets: "half" }],
  ["department, blank rows between sections", SMALL_DEPARTMENT, { blankRows: 2 }],
  ["department, explanatory sheet before the table", SMALL_DEPARTMENT, { explanatorySheet: true }],
  ["department, amounts in 元", SMALL_DEPARTMENT, { unit: "元" }],
  ["department, 合计 and 总额 as formulas", SMALL_DEPARTMENT, { formulas: true }],
  ["department, amounts typed as text", SMALL_DEPARTMENT, { amountsAsText: true }],
  ["department, 一级/二级 repeated on every row", SMALL_DEPARTMENT, { levelLabels: "repeated" }],
  ["department, 一级/二级 on the first row only", SMALL_DEPARTMENT, { levelLabels: "first" }],
  ["department, 二级 broken over two lines or without 指标", SMALL_DEPARTMENT, { brokenLevel2: true }],
  ["department, table far from A1", SMALL_DEPARTMENT, { origin: "C5" }],
  ["department, year inside the title", SMALL_DEPARTMENT, { yearInTitle: true }],
  ["department, split value columns and 备注", SMALL_DEPARTMENT, { indicatorForm: "split", remarkColumn: true }],
  [
    "department, everything at once",
    SMALL_DEPARTMENT,
    {
      labelColumn: false,
      totalPosition: "below",
      spacedLabels: true,
      brackets: "half",
      blankRows: 1,
      unit: "元",
      formulas: true,
      levelLabels: "repeated",
      brokenLevel2: true,
      origin: "B3",
    },
  ],
  ["project, vertical funding, 中期/年度目标, 备注", SMALL_PROJECT, { remarkColumn: true }],
  ["project, horizontal funding, 年度目标 only", PROJECT_ANNUAL_ONLY, { fundingLayout: "horizontal" }],
  ["project, split value columns", SMALL_PROJECT, { indicatorForm: "split" }],
  ["project, 上年结转资金 and formulas", PROJECT_WITH_CARRYOVER, { formulas: true }],
  [
    "project, spaced labels, half brackets, blank rows, 元",
    PROJECT_WITH_CARRYOVER,
    { spacedLabels: true, brackets: "half", blankRows: 1, unit: "元", fundingLayout: "horizontal" },
  ],
  ["project, no label column, labels repeated", SMALL_PROJECT, { labelColumn: false, levelLabels: "repeated" }],
  [
    "project, labels on first row only, split, 备注",
    SMALL_PROJECT,
    { levelLabels: "first", indicatorForm: "split", remarkColumn: true },
  ],
];

function addr(c: CellRef | undefined): string | undefined {
  return c?.address;
}

function readOne(sheets: SheetSnapshot[]): GoalTable {
  const readings = sheets.map(readSheet);
  const tables = readings.flatMap((r) => r.tables);
  expect(tables).toHaveLength(1);
  // Any other sheet (the explanatory one) is "not a goal table", with a reason.
  for (const r of readings) if (r.tables.length === 0) expect(r.notATable?.reason.zh).toMatch(/不是绩效目标表/);
  return tables[0];
}

function expectedLevel2(spec: IndicatorSpec, layout: Partial<Layout>, table: GoalTable, i: number) {
  const text = table.indicators!.rows[i].level2!.text;
  if (!layout.brokenLevel2) return expect(text).toBe(spec.level2);
  // Broken over two lines, or without the 指标 suffix: the same name once normalised and completed.
  const n = normLabel(text);
  return expect(n === normLabel(spec.level2) || n + "指标" === spec.level2).toBe(true);
}

describe.each(VARIANTS)("reads %s", (_title, spec, layout) => {
  const built = buildTable(spec, layout);
  const p: Placed = built.placed;
  const table = readOne(built.workbook.sheets);

  test("kind, title, year, range, unit", () => {
    expect(table.kind).toBe(spec.kind);
    expect(table.sheet).toBe(p.sheet);
    expect(addr(table.title)).toBe(p.title);
    expect(table.year).toEqual({ value: spec.year, cell: p.year });
    expect(table.range).toBe(p.range);
    expect(table.unit).toBe(layout.unit ?? "万元");
  });

  test("name", () => {
    expect(addr(table.name?.label)).toBe(p.nameLabel);
    expect(addr(table.name?.value)).toBe(p.name);
    expect(table.name?.value?.text).toBe(spec.name);
  });

  test("goals", () => {
    expect(table.goals.map((g) => ({ kind: g.kind, label: addr(g.label), value: addr(g.value) }))).toEqual(p.goals);
    if (spec.kind === "department") expect(table.goals[0].value?.text).toBe(spec.goal);
    else expect(table.goals.find((g) => g.kind === "annual")?.value?.text).toBe(spec.goals.annual);
  });

  test("indicator rows with their cells", () => {
    const block = table.indicators!;
    expect(block.form).toBe(layout.indicatorForm ?? "merged");
    expect(block.rows).toHaveLength(spec.indicators.length);
    spec.indicators.forEach((ind, i) => {
      const row = block.rows[i];
      const at = p.indicators[i];
      expect(addr(row.level1)).toBe(at.level1);
      expect(addr(row.level2)).toBe(at.level2);
      expect(row.level1?.text).toBe(ind.level1);
      expectedLevel2(ind, layout, table, i);
      expect(addr(row.name)).toBe(at.name);
      expect(row.name?.text).toBe(ind.name);
      if (ind.value !== undefined) {
        expect(addr(row.value)).toBe(at.value);
        if (block.form === "merged") expect(row.value?.text).toBe(ind.value);
        else {
          expect(addr(row.operator)).toBe(at.operator);
          expect(addr(row.nature)).toBe(at.nature);
          if (at.unit) expect(addr(row.unit)).toBe(at.unit);
          if (at.direction) expect(addr(row.direction)).toBe(at.direction);
        }
      }
      if (ind.remark !== undefined && layout.remarkColumn) expect(row.remark?.text).toBe(ind.remark);
    });
  });

  if (spec.kind === "department") {
    test("tasks, amounts and the 合计 row", () => {
      const tasks = table.tasks!;
      expect(tasks.rows).toHaveLength(spec.tasks.length);
      tasks.rows.forEach((row, i) => {
        expect({
          name: addr(row.name),
          content: addr(row.content),
          total: addr(row.total),
          fiscal: addr(row.fiscal),
          other: addr(row.other),
        }).toEqual(p.tasks[i]);
        expect(row.name?.text).toBe(spec.tasks[i].name);
        expect(row.content?.text).toBe(spec.tasks[i].content);
        const scale = layout.unit === "元" ? 10000 : 1;
        expect(Number(row.fiscal?.text)).toBeCloseTo(Number(spec.tasks[i].fiscal) * scale, 6);
      });
      const t = tasks.totalRow!;
      expect({ label: addr(t.label), total: addr(t.total), fiscal: addr(t.fiscal), other: addr(t.other) }).toEqual(
        p.totalRow
      );
      expect(tasks.totalPosition).toBe(layout.totalPosition ?? "above");
      if (layout.formulas) {
        expect(t.total?.formula).toMatch(/^=SUM\(/);
        expect(tasks.rows[0].total?.formula).toMatch(/^=[A-Z]+\d+\+[A-Z]+\d+$/);
      }
    });
  } else {
    test("project fields and 资金情况", () => {
      const pr = table.project!;
      expect(addr(pr.department?.value)).toBe(p.project!.department);
      expect(pr.department?.value?.text).toBe(spec.department);
      expect(addr(pr.implementer?.value)).toBe(p.project!.implementer);
      expect(pr.implementer?.value?.text).toBe(spec.implementer);
      expect(addr(pr.attribute?.value)).toBe(p.project!.attribute);
      expect(addr(pr.period?.value)).toBe(p.project!.period);
      expect(addr(pr.manager?.value)).toBe(p.project!.manager);
      const f = table.funding!;
      expect({
        total: addr(f.total?.value),
        fiscal: addr(f.fiscal?.value),
        other: addr(f.other?.value),
        ...(f.carryover ? { carryover: addr(f.carryover.value) } : {}),
      }).toEqual(p.funding);
      if (layout.formulas) expect(f.total?.value?.formula).toMatch(/^=/);
    });
  }
});

describe("cell addresses anchored by hand (not from the builder's record)", () => {
  const table = readOne(buildTable(SMALL_DEPARTMENT).workbook.sheets);

  test("the sample layout: 合计 in row 6 above the tasks, amounts in D:F", () => {
    expect(table.tasks?.totalRow?.label.address).toBe("B6");
    expect(table.tasks?.totalRow?.total?.address).toBe("D6");
    expect(table.tasks?.rows.map((r) => r.total?.address)).toEqual(["D7", "D8", "D9"]);
    expect(table.tasks?.rows[0].total?.value).toBe(120.5);
  });

  test.each([["金额合计"], ["合计（万元）"], ["总计"]])("%s as the 合计 row's label", (label) => {
    const sheet = buildTable(SMALL_DEPARTMENT).workbook.sheets[0];
    const values = sheet.values.map((r) => [...r]);
    values[5][1] = label;
    const t = readOne([{ ...sheet, values }]);
    expect(t.tasks?.totalRow?.label.address).toBe("B6");
    expect(t.tasks?.rows).toHaveLength(3);
  });

  test("an empty 二级 row (生态效益指标) has no 三级 name", () => {
    const eco = table.indicators!.rows.find((r) => r.level2?.text === "生态效益指标")!;
    expect(eco.name).toBeUndefined();
    expect(eco.level1?.text).toBe("效益指标");
    expect(eco.value?.address).toBe("F18");
  });
});

describe("not a goal table", () => {
  const sheet = (name: string, values: SheetSnapshot["values"], merges: string[] = []): SheetSnapshot => ({
    name,
    origin: "A1",
    values,
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => "General")),
    merges,
  });

  test.each([
    ["an empty sheet", sheet("空表", []), /空/],
    [
      "a shopping list",
      sheet("清单", [
        ["品名", "数量", "单价"],
        ["苹果", 3, 5.5],
        [{ error: "#REF!" }, true, null],
      ]),
      /不是绩效目标表/,
    ],
    [
      "an explanatory sheet that mentions every label in sentences",
      buildTable(SMALL_DEPARTMENT, { explanatorySheet: true }).workbook.sheets[0],
      /不是绩效目标表/,
    ],
    [
      "a title with nothing under it",
      sheet("标题", [["部门（单位）整体支出绩效目标表"], ["（2021年）"]]),
      /有“绩效目标表”标题/,
    ],
  ])("%s gets a reason, not an exception", (_t, snapshot, reason) => {
    const r = readSheet(snapshot);
    expect(r.tables).toEqual([]);
    expect(r.notATable?.reason.zh).toMatch(reason);
    expect(r.notATable?.reason.en.length).toBeGreaterThan(10);
  });

  test("merges that reach outside the used range and ragged rows do not break the reader", () => {
    const s = sheet(
      "乱",
      [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标"], ["", "数量指标", "次数", "≥1次", "多余"]],
      ["A2:A9", "Z100:Z200", "not-an-address"]
    );
    const r = readSheet(s);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].indicators?.rows.map((x) => x.name?.text)).toEqual([undefined, "次数"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Real-table variants (../shared/domain/real-tables): each kind laid out by test/builder/variants.ts.

function only(sheet: SheetSnapshot): GoalTable {
  const r = readSheet(sheet);
  expect(r.notATable).toBeUndefined();
  expect(r.tables).toHaveLength(1);
  return r.tables[0];
}

const line = (label: string, value: FundingLine["value"]): FundingLine => ({ label, value });

describe("资金情况: a blank amount is a blank amount, never the next row's text or label", () => {
  const cases: [string, string, FundingLine[], { total: number; sources?: [string, number][]; other?: number }][] = [
    [
      "年度资金总额 blank above 其中：中央补助 (transfer payment)",
      "资金金额",
      [line("年度资金总额", null), line("其中：中央补助", 50.29), line("地方资金", null)],
      {
        total: 0,
        sources: [
          ["central", 1],
          ["local", 2],
        ],
      },
    ],
    [
      "numbered sources, three of them blank",
      "资金情况（万元）",
      [
        line("年度资金总额：", 153.5184),
        line("其中：1.中央资金", null),
        line("2.市级资金", 153.5184),
        line("3.区级资金", null),
        line("4.其他资金", null),
      ],
      {
        total: 0,
        sources: [
          ["central", 1],
          ["municipal", 2],
          ["district", 3],
        ],
        other: 4,
      },
    ],
    [
      "上级资金 instead of 财政拨款, 其他资金 blank above the goal",
      "项目资金\n（万元）",
      [line("资金总额", 100), line("其中：上级资金", 100), line("其他资金", null)],
      { total: 0, sources: [["superior", 1]], other: 2 },
    ],
    [
      "年度预算资金总额 and 其它资金 (其它 spelled so)",
      "资金情况",
      [line("年度预算资金总额", 100), line("其中：财政拨款", 100), line("其它资金", null)],
      { total: 0, other: 2 },
    ],
    [
      "本级 and 自有资金",
      "资金总额及构成",
      [line("项目预算金额", 80), line("本级财政", 30), line("自有资金", null), line("上级财政资金", 50)],
      {
        total: 0,
        sources: [
          ["own-level", 1],
          ["self", 2],
          ["superior", 3],
        ],
      },
    ],
  ];
  test.each(cases)("%s", (_t, fundingLabel, funding, want) => {
    const laid = projectForm({ fundingLabel, funding });
    const t = only(laid.sheet);
    const f = t.funding!;
    expect(f.label?.address).toBe(laid.at.fundingLabel);
    expect(f.total?.label.address).toBe(laid.at[`f${want.total}`]);
    expect(f.total?.value?.address).toBe(laid.at[`v${want.total}`]);
    expect(f.total?.value?.text).toBe(funding[want.total].value === null ? "" : String(funding[want.total].value));
    expect((f.sources ?? []).map((x) => [x.kind, x.label.address, x.value?.address])).toEqual(
      (want.sources ?? []).map(([kind, i]) => [kind, laid.at[`f${i}`], laid.at[`v${i}`]])
    );
    for (const x of f.sources ?? []) {
      const i = funding.findIndex((l) => laid.at[`f${funding.indexOf(l)}`] === x.label.address);
      expect(x.value?.text).toBe(funding[i].value === null ? "" : String(funding[i].value));
    }
    if (want.other !== undefined) {
      expect(f.other?.value?.address).toBe(laid.at[`v${want.other}`]);
      expect(f.other?.value?.text).toBe("");
    }
    // No finding quotes the goal text or a label as an amount.
    const findings = checkSheet(laid.sheet).findings;
    for (const x of findings) {
      expect(x.message.zh).not.toContain("完成公路沿线绿化");
      expect(x.message.zh).not.toMatch(/“其中[:：]/);
    }
  });

  test("an empty 年度资金总额 with 中央补助 filled in is flagged at its own cell", () => {
    const laid = projectForm({
      fundingLabel: "资金金额",
      funding: [line("年度资金总额", null), line("其中：中央补助", 50.29), line("地方资金", null)],
    });
    const f = checkSheet(laid.sheet).findings.filter((x) => x.severity === "error" && x.cell === laid.at.v0);
    expect(f.map((x) => x.rule)).toContain("structure/missing-funding");
  });

  test("资金总额 beside 当年资金总额: the year's total is the total, the other the project's", () => {
    const laid = layRows("项目", [
      [k("title", "项目支出绩效目标表", { span: 4 })],
      ["项目名称", wide("教育设施建设", 3)],
      [
        k("section", "项目资金", { down: 3 }),
        "资金总额",
        k("all", "10000"),
        k("yearLabel", "当年资金总额："),
        k("year", 10000),
      ],
      ["其中：财政拨款", 10000, k("fiscalLabel", "其中：当年财政拨款"), k("fiscal", 10000)],
      ["其他资金", null, k("otherLabel", "当年其他资金"), k("other", null)],
      ["年度目标", wide("按计划完成建设", 4)],
    ]);
    const f = only(laid.sheet).funding!;
    expect(f.total?.label.address).toBe(laid.at.yearLabel);
    expect(f.total?.value?.address).toBe(laid.at.year);
    expect(f.projectTotal?.value?.address).toBe(laid.at.all);
    expect(f.fiscal?.label.address).toBe(laid.at.fiscalLabel);
    expect(f.other?.label.address).toBe(laid.at.otherLabel);
    expect(f.other?.value?.address).toBe(laid.at.other);
  });
});

describe("score notes in 一级 labels and the 2021+ template", () => {
  const before: Cell[][] = [[k("blockLabel", "年度绩效指标（90分）", { span: 5 })]];
  const rows = [...TEMPLATE_2021_ROWS, ["预算执行(10分)", "预算执行率", "预算执行率", "≥90", "%"]];
  const laid = projectForm({
    title: "2022年度公路绿化项目支出绩效目标审批表",
    yearLine: "",
    funding: [line("项目总预算", 300), line("当年年度预算", 90), line("其中：财政拨款", 80), line("其他资金", 10)],
    goals: [["年度目标", "完成公路沿线绿化3500米，苗木成活率不低于85%。"]],
    header: ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
    rows,
    mergeLevels: true,
    before,
  });
  const t = only(laid.sheet);

  test("title ending in 审批表, year in the title, 当年年度预算 as the total, 项目总预算 apart", () => {
    expect(t.title?.address).toBe(laid.at.title);
    expect(t.year?.value).toBe(2022);
    expect(t.funding?.total?.label.address).toBe(laid.at.f1);
    expect(t.funding?.total?.value?.address).toBe(laid.at.v1);
    expect(t.funding?.projectTotal?.value?.address).toBe(laid.at.v0);
  });

  test("the label's name is the name without its note; the note is parsed", () => {
    const rs = t.indicators!.rows;
    expect(rs[0].level1?.address).toBe(laid.at.r0c0);
    expect(rs[0].level1Name).toBe("成本指标");
    expect(rs[0].level1Score).toEqual({ min: 0, max: 20, text: "(0-20)分" });
    expect(rs[3].level1Name).toBe("产出指标");
    expect(rs[3].level1Score).toEqual({ min: 40, max: 50, text: "(40-50)分" });
    expect(rs[8].level1Name).toBe("满意度指标");
    expect(rs[8].level1Score).toEqual({ max: 10, text: "(10分)" });
    expect(rs.map((r) => r.name?.address)).toEqual(TEMPLATE_2021_ROWS.map((_, i) => laid.at[`r${i}c2`]));
    expect(t.indicators?.budgetExecution?.label.address).toBe(laid.at.r9c0);
    expect(t.indicators?.budgetExecution?.score?.max).toBe(10);
    expect(t.indicators?.statedScore).toEqual({ max: 90, text: "(90分)", cell: laid.at.blockLabel });
  });

  test("a faultless table of this kind gives no error", () => {
    const errors = checkSheet(laid.sheet).findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });

  test("no unknown-一级, no missing 产出/效益, no 满意度指标(10分) taken for a 二级", () => {
    const rules = checkSheet(laid.sheet).findings.map((f) => f.rule);
    expect(rules).not.toContain("taxonomy/unknown-level1");
    expect(rules).not.toContain("taxonomy/missing-output");
    expect(rules).not.toContain("taxonomy/missing-benefit");
    expect(rules).not.toContain("taxonomy/wrong-parent");
  });
});

describe("部门整体 forms without 年度主要任务", () => {
  test.each([
    ["部门职能", "年度目标任务", "支出项目名称", "预算金额（万元）"],
    ["职能职责", "年度重点工作", "项目名称", "金额"],
  ] as [string, string, string, string][])(
    "年度预算安排 and 年度履职目标 (%s | %s | %s | %s) with their own amounts",
    (...dutyHeader) => {
      const laid = departmentWithDuties({ dutyHeader });
      const t = only(laid.sheet);
      expect(t.kind).toBe("department");
      expect(t.name?.value?.address).toBe(laid.at.name);
      expect(t.tasks).toBeUndefined();
      expect(t.budget?.label.address).toBe(laid.at.budgetLabel);
      expect(t.budget?.lines.map((l) => [l.kind, l.label.address, l.amount?.address])).toEqual([
        ["total", laid.at.b0, laid.at.bv0],
        ["project", laid.at.b1, laid.at.bv1],
        ["basic", laid.at.b2, laid.at.bv2],
      ]);
      const d = t.duties!;
      expect(d.label.address).toBe(laid.at.dutyLabel);
      expect(d.header.address).toBe(laid.at.dutyHeader);
      expect(d.rows.map((r) => [r.duty?.address, r.task?.address, r.amount?.address])).toEqual(
        [0, 1, 2].map((i) => [laid.at[`d${i}`], laid.at[`dt${i}`], laid.at[`da${i}`]])
      );
      expect(d.rows[2].amount?.value).toBe(110.61);
      expect(t.goals.map((g) => [g.kind, g.label.address, g.value?.address])).toEqual([
        ["overall", laid.at.goalLabel, laid.at.goal],
      ]);
      expect(t.indicators?.columns.explanation).toBeDefined();
      expect(t.indicators?.rows[0].value?.address).toBe(laid.at.value0);
      expect(moneyBlocks(t)).toEqual(["duties", "budget"]);
      const rules = checkSheet(laid.sheet).findings.map((f) => f.rule);
      expect(rules).not.toContain("structure/missing-tasks");
    }
  );

  test.each([["部门总体资金情况"], ["部门总体\n资金情况\n单位：万元"], ["总体资金情况（万元）"]])(
    "%s: 收入构成 and 支出构成 with 金额 and 占比",
    (label) => {
      const laid = departmentWithComposition({ label });
      const t = only(laid.sheet);
      const c = t.composition!;
      expect(c.label.address).toBe(laid.at.label);
      const shape = (ls: typeof c.income) =>
        ls.map((l) => [l.kind, l.label.address, l.amount?.address, l.share?.address]);
      expect(shape(c.income)).toEqual([
        ["fiscal", laid.at.i0, laid.at.ia0, laid.at.is0],
        ["other", laid.at.i1, laid.at.ia1, laid.at.is1],
        ["total", laid.at.i2, laid.at.ia2, laid.at.is2],
      ]);
      expect(shape(c.expense)).toEqual([
        ["basic", laid.at.e0, laid.at.ea0, laid.at.es0],
        ["project", laid.at.e1, laid.at.ea1, laid.at.es1],
        ["total", laid.at.e2, laid.at.ea2, laid.at.es2],
      ]);
      expect(c.income[1].amount?.text).toBe("");
      expect(t.unit).toBe("万元");
      expect(checkSheet(laid.sheet).findings.map((f) => f.rule)).not.toContain("structure/missing-tasks");
    }
  );

  const deptHead: Cell[][] = [
    [k("title", "部门整体支出绩效目标申报表", { span: 5 })],
    [k("year", "（2023年度）", { span: 5 })],
    ["部门（单位）名称", wide("某某县财政局", 4)],
  ];
  const deptTail: Cell[][] = [
    ["年度总体目标", wide("保障机构正常运转，完成年度预算编制。", 4)],
    ["一级指标", "二级指标", "三级指标", wide("指标值", 2)],
    ["产出指标", "数量指标", "预算编制单位数", wide("≥40个", 2)],
    ["效益指标", "社会效益指标", "财政管理水平", wide("有效提升", 2)],
    ["满意度指标", "服务对象满意度指标", "预算单位满意度", wide("≥90%", 2)],
  ];

  test("年度预算申请 as a matrix: 资金总额 | 财政拨款 | 其他资金 over 基本支出 / 项目支出 / 合计", () => {
    const laid = layRows("部门", [
      ...deptHead,
      [
        k("label", "年度预算申请（万元）", { down: 4 }),
        null,
        k("h0", "资金总额"),
        k("h1", "财政拨款"),
        k("h2", "其他资金"),
      ],
      [k("basic", "基本支出"), k("b0", 300), 280, 20],
      [k("project", "项目支出"), k("p0", 200), 200, 0],
      [k("sum", "合计"), k("s0", 500), k("s1", 480), k("s2", 20)],
      ...deptTail,
    ]);
    const t = only(laid.sheet);
    expect(t.kind).toBe("department");
    expect(t.budget?.lines.map((l) => [l.kind, l.label.address, l.amount?.address])).toEqual([
      ["total", laid.at.h0, laid.at.s0],
      ["fiscal", laid.at.h1, laid.at.s1],
      ["other", laid.at.h2, laid.at.s2],
      ["basic", laid.at.basic, laid.at.b0],
      ["project", laid.at.project, laid.at.p0],
    ]);
    expect(checkSheet(laid.sheet).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("年度预算申请 with 按收入性质分 / 按支出性质分 groups: 资金总额 under its header, parts beside their labels", () => {
    const laid = layRows("部门", [
      ...deptHead,
      [
        k("label", "年度预算申请", { down: 3 }),
        k("totalLabel", "资金总额"),
        "按收入性质分",
        null,
        "按支出性质分",
        null,
      ],
      [k("total", 500, { down: 2 }), "其中：一般公共预算", 450, k("basicLabel", "其中：基本支出"), k("basic", 300)],
      ["政府性基金拨款", null, k("projectLabel", "项目支出"), k("project", null)],
      ...deptTail,
    ]);
    const t = only(laid.sheet);
    const lines = t.budget!.lines.map((l) => [l.kind, l.label.address, l.amount?.address, l.amount?.text]);
    expect(lines).toEqual([
      ["total", laid.at.totalLabel, laid.at.total, "500"],
      ["basic", laid.at.basicLabel, laid.at.basic, "300"],
      ["project", laid.at.projectLabel, laid.at.project, ""],
    ]);
  });

  test("a platform export with no amounts: read, and nothing said about money", () => {
    const laid = platformExport();
    const t = only(laid.sheet);
    expect(t.title?.address).toBe(laid.at.title);
    expect(t.name?.value?.address).toBe(laid.at.name);
    expect(t.goals.map((g) => [g.kind, g.label.address, g.value?.address])).toEqual([
      ["overall", laid.at.goalLabel, laid.at.goal],
    ]);
    // *部门职能职责概述: the text a goal is sometimes copied from.
    expect([t.overview?.kind, t.overview?.label.address, t.overview?.value?.address]).toEqual([
      "duties",
      laid.at.dutyText,
      laid.at.duty,
    ]);
    const r0 = t.indicators!.rows[0];
    expect([r0.name?.address, r0.operator?.address, r0.value?.address, r0.unit?.address]).toEqual([
      laid.at.n0,
      laid.at.op0,
      laid.at.v0,
      laid.at.u0,
    ]);
    expect(t.indicators?.columns.valueNote).toBeDefined();
    expect(moneyBlocks(t)).toEqual([]);
    const money = checkSheet(laid.sheet).findings.filter(
      (f) => f.rule.startsWith("amount/") || /missing-(tasks|funding|total-row)/.test(f.rule)
    );
    expect(money).toEqual([]);
  });

  test("a 年度主要任务 label without its 任务名称 header is still a broken task block", () => {
    const sheet = layRows("部门", [
      [wide("部门（单位）整体支出绩效目标表", 4)],
      ["部门（单位）名称", wide("某某局", 3)],
      [k("section", "年度主要任务"), "主要内容", "总额", "财政拨款"],
      ["年度总体目标", wide("完成任务", 3)],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训班次", "≥5次"],
    ]);
    const f = checkSheet(sheet.sheet).findings.filter((x) => x.rule === "structure/missing-tasks");
    expect(f.map((x) => x.cell)).toEqual([sheet.at.section]);
  });
});

describe("label variants", () => {
  test("项目(专项)名称, 项目总体目标 + 项目年度目标, operator under 指标性质 and the unit before it", () => {
    const laid = projectForm({
      nameLabel: "项目(专项)名称",
      goals: [
        ["项目总体目标", "对约3500米公路沿线进行绿化美化。"],
        ["项目年度目标", "完成3500米公路绿化，发放李子苗15000株。"],
      ],
      header: ["一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"],
      rows: [
        ["产出指标", "数量指标", "绿化美化公路", "米", "=", 3500],
        ["产出指标", "质量指标", "树木成活率", "%", "≥", 85],
        ["效益指标", "生态效益指标", "新增绿地", "公顷", "≥", 1],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "%", "≥", 90],
      ],
      mergeLevels: true,
    });
    const t = only(laid.sheet);
    expect(t.name?.label.address).toBe(laid.at.nameLabel);
    expect(t.name?.value?.address).toBe(laid.at.name);
    expect(t.goals.map((g) => [g.kind, g.value?.address])).toEqual([
      ["overall", laid.at.gv0],
      ["annual", laid.at.gv1],
    ]);
    const c = t.indicators!.columns;
    expect(t.indicators?.form).toBe("split");
    expect(c.operator).toBe(4);
    expect(c.nature).toBeUndefined();
    expect(t.indicators?.rows[0].operator?.address).toBe(laid.at.r0c4);
    expect(t.indicators?.rows[0].unit?.address).toBe(laid.at.r0c3);
    expect(t.indicators?.rows[0].value?.address).toBe(laid.at.r0c5);
  });

  test("指标性质 holding 正向 and 指标方向 holding =, 分值 column, a weight note on the block label", () => {
    const laid = projectForm({
      before: [
        [k("blockLabel", "绩效指标（权重分值90分，其中产出指标权重分值50分，效益指标权重分值30分）", { span: 9 })],
      ],
      header: ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值", "备注"],
      rows: [
        ["产出指标", "数量指标", "出差人次", "正向", "=", 24, "人/次", 4, ""],
        ["产出指标", "成本指标", "出差总成本", "反向", "=", 1, "万元", 4, ""],
        ["效益指标", "社会效益指标", "资源循环利用", "正向", "=", 100, "%", 30, ""],
      ],
    });
    const t = only(laid.sheet);
    const c = t.indicators!.columns;
    expect([c.direction, c.operator, c.value, c.unit, c.score, c.remark, c.nature]).toEqual([
      3,
      4,
      5,
      6,
      7,
      8,
      undefined,
    ]);
    expect(t.indicators?.rows[1].direction?.text).toBe("反向");
    expect(t.indicators?.rows[1].score?.address).toBe(laid.at.r1c7);
    expect(t.indicators?.statedScore?.max).toBe(90);
    expect(t.indicators?.statedScore?.cell).toBe(laid.at.blockLabel);
  });

  test("指标方向 merged over two columns: 正向/反向 under the first, the sign under the unlabelled second", () => {
    const laid = layRows("项目", [
      [wide("项目支出绩效目标表", 8)],
      ["项目名称", wide("再生资源回收市场管理", 7)],
      [k("header", "一级指标"), "二级指标", "三级指标", "指标性质", wide("指标方向", 2), "目标值", "计量单位"],
      ["产出指标", "数量指标", "出差人次", null, k("d0", "正向"), k("op0", "="), k("v0", 24), k("u0", "人/次")],
      ["产出指标", "成本指标", "出差总成本", null, k("d1", "反向"), k("op1", "="), k("v1", 1), k("u1", "万元")],
    ]);
    const rs = only(laid.sheet).indicators!.rows;
    expect(rs.map((r) => [r.direction?.address, r.operator?.address, r.value?.address, r.unit?.address])).toEqual([
      [laid.at.d0, laid.at.op0, laid.at.v0, laid.at.u0],
      [laid.at.d1, laid.at.op1, laid.at.v1, laid.at.u1],
    ]);
  });

  test.each([["当年预期实现值"], ["绩效标准"], ["目标值"], ["预期目标"], ["年度指标值"]])(
    "%s as the value column, with 指标解释 and 评(扣)分标准 beside it",
    (valueHeader) => {
      const laid = projectForm({
        header: ["一级指标", "二级指标", "三级指标", valueHeader, "指标解释", "评(扣)分标准"],
        rows: [
          ["产出指标", "数量指标", "绿化公路长度", "≥3500米", "完成的绿化长度", "完成得分"],
          ["效益指标", "社会效益指标", "人居环境", "明显改善", "环境改善情况", "改善得分"],
        ],
      });
      const t = only(laid.sheet);
      expect(t.indicators?.rows.map((r) => r.value?.address)).toEqual([laid.at.r0c3, laid.at.r1c3]);
      expect(t.indicators?.rows[0].explanation?.address).toBe(laid.at.r0c4);
      expect(t.indicators?.rows[0].scoring?.address).toBe(laid.at.r0c5);
    }
  );

  test("long-term and annual columns side by side: the annual ones are the block's", () => {
    const laid = projectForm({
      header: [
        "一级指标",
        "二级指标(长期)",
        "三级指标(长期)",
        "指标值(长期)",
        "二级指标(年度)",
        "三级指标(年度)",
        "指标值(年度)",
      ],
      rows: [
        ["产出指标", "数量指标", "", "", "数量指标", "重点建设工程数量", "≥2项"],
        ["满意度指标", "服务对象满意度指标", "", "", "服务对象满意度指标", "学生家长满意度", "≥90%"],
      ],
    });
    const rs = only(laid.sheet).indicators!.rows;
    expect(rs.map((r) => [r.level2?.address, r.name?.address, r.value?.address, r.longTermValue?.address])).toEqual([
      [laid.at.r0c4, laid.at.r0c5, laid.at.r0c6, laid.at.r0c3],
      [laid.at.r1c4, laid.at.r1c5, laid.at.r1c6, laid.at.r1c3],
    ]);
  });

  test("长期绩效指标 then 年度绩效指标 blocks: the annual block is read", () => {
    const head = ["一级指标", "二级指标", "指标内容", "指标值", "备注"];
    const { rows } = projectRows({
      header: head,
      rows: [["产出指标", "数量指标", "长期道路改造", "≥10公里", ""]],
      before: [[wide("长期绩效指标", 5)]],
    });
    rows.push(
      [wide("年度绩效指标", 5)],
      head.map((h, j) => (j === 0 ? k("annualHeader", h) : h))
    );
    rows.push(["产出指标", "数量指标", k("n0", "年度道路改造"), k("v0", "≥3公里"), ""]);
    rows.push(["满意度指标", "社会公众或服务对象满意度指标", k("n1", "群众满意度"), k("v1", "≥90%"), ""]);
    const laid = layRows("项目", rows);
    const t = only(laid.sheet);
    const block = t.indicators!;
    expect(t.longTermIndicators?.header.address).toBe(laid.at.header);
    expect(t.longTermIndicators?.rows.map((r) => r.name?.text)).toEqual(["长期道路改造"]);
    expect(block.header.address).toBe(laid.at.annualHeader);
    expect(block.rows.map((r) => [r.name?.address, r.value?.address])).toEqual([
      [laid.at.n0, laid.at.v0],
      [laid.at.n1, laid.at.v1],
    ]);
  });
});

describe("transfer-payment 区域绩效目标表: sources side by side on one row", () => {
  test.each([
    ["all filled", 100],
    ["地方资金 left blank", null],
  ])("%s", (_t, local) => {
    const laid = layRows("区域绩效目标", [
      [k("title", "中央对地方转移支付区域绩效目标表", { span: 7 })],
      [k("year", "（2023年度）", { span: 7 })],
      [k("nameLabel", "专项名称"), k("name", "农村综合改革转移支付", { span: 6 })],
      [k("deptLabel", "中央主管部门"), k("dept", "财政部", { span: 2 }), "地方主管部门", wide("某省财政厅", 3)],
      [
        k("section", "资金情况（万元）"),
        k("totalLabel", "年度金额："),
        k("total", 500),
        k("centralLabel", "其中：中央补助"),
        k("central", 400),
        k("localLabel", "地方资金"),
        k("local", local),
      ],
      [k("goalLabel", "年度总体目标"), k("goal", "完成村级公益事业建设项目20个。", { span: 6 })],
      [
        tall("绩效指标", 3),
        k("header", "一级指标"),
        "二级指标",
        wide("三级指标", 2),
        wide("指标值（包含数字及文字描述）", 2),
      ],
      ["产出指标", "数量指标", wide("建设项目数量", 2), k("v0", "≥20个", { span: 2 })],
      ["满意度指标", "服务对象满意度指标", wide("受益群众满意度", 2), k("v1", "≥90%", { span: 2 })],
    ]);
    const t = only(laid.sheet);
    expect(t.kind).toBe("project");
    expect(t.year?.value).toBe(2023);
    expect(t.name?.label.address).toBe(laid.at.nameLabel);
    expect(t.name?.value?.address).toBe(laid.at.name);
    expect(t.project?.department?.value?.address).toBe(laid.at.dept);
    const f = t.funding!;
    expect(f.label?.address).toBe(laid.at.section);
    expect([f.total?.label.address, f.total?.value?.address]).toEqual([laid.at.totalLabel, laid.at.total]);
    expect(f.sources?.map((x) => [x.kind, x.label.address, x.value?.address, x.value?.text])).toEqual([
      ["central", laid.at.centralLabel, laid.at.central, "400"],
      ["local", laid.at.localLabel, laid.at.local, local === null ? "" : "100"],
    ]);
    expect(t.goals.map((g) => g.value?.address)).toEqual([laid.at.goal]);
    expect(t.indicators?.rows.map((r) => r.value?.address)).toEqual([laid.at.v0, laid.at.v1]);
  });
});

describe("score notes written other ways", () => {
  test.each([
    ["产出指标（权重50%）", "产出指标", 50],
    ["产出指标 50分", "产出指标", 50],
    ["产出指标(30)", "产出指标", 30],
  ])("%s is %s with a note of %d", (label, name, max) => {
    const laid = projectForm({
      rows: [
        [label, "数量指标", "绿化公路长度", "≥3500米"],
        ["效益指标（权重30%）", "社会效益指标", "人居环境", "明显改善"],
        ["满意度指标(10分)", "服务对象满意度指标", "群众满意度", "≥90%"],
      ],
    });
    const rs = only(laid.sheet).indicators!.rows;
    expect(rs[0].level1?.address).toBe(laid.at.r0c0);
    expect([rs[0].level1Name, rs[0].level1Score?.max]).toEqual([name, max]);
    const rules = checkSheet(laid.sheet).findings.map((f) => f.rule);
    expect(rules).not.toContain("taxonomy/unknown-level1");
    expect(rules).not.toContain("taxonomy/missing-output");
  });
});

describe("not goal tables: self-evaluations and evaluation-indicator lists", () => {
  test.each([["项目支出绩效自评表"], ["项目支出绩效目标表"]])("a self-evaluation titled %s", (title) => {
    const r = readSheet(selfEvaluation({ title }).sheet);
    expect(r.tables).toEqual([]);
    expect(r.notATable?.kind).toBe("self-evaluation");
    expect(r.notATable?.reason.zh).toMatch(/自评/);
    expect(r.notATable?.reason.en).toMatch(/self-evaluation/);
  });

  test("a self-evaluation known by its 全年执行数 column though its indicator header has no self-evaluation column", () => {
    const laid = layRows("自评", [
      [wide("项目支出绩效表（2022年度）", 5)],
      ["项目名称", wide("委托业务项目", 4)],
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", 90, 90, 89.97, "99.97%"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "备注"],
      ["产出指标", "数量指标", "委托项目数量", "≥50个", null],
    ]);
    const r = readSheet(laid.sheet);
    expect(r.tables).toEqual([]);
    expect(r.notATable?.kind).toBe("self-evaluation");
  });

  test("an evaluation-indicator list known by its title (分值 only, no 评分标准 column)", () => {
    const r = readSheet(
      layRows("评价指标", [
        [wide("部门整体支出绩效评价指标体系", 4)],
        ["一级指标", "二级指标", "三级指标", "分值"],
        ["投入", "预算编制", "预算编制准确率", 5],
      ]).sheet
    );
    expect(r.tables).toEqual([]);
    expect(r.notATable?.kind).toBe("evaluation-indicators");
  });

  test("an evaluation-indicator list", () => {
    const r = readSheet(evaluationIndicators().sheet);
    expect(r.tables).toEqual([]);
    expect(r.notATable?.kind).toBe("evaluation-indicators");
    expect(r.notATable?.reason.zh).toMatch(/评价指标/);
  });
});

describe("list layouts", () => {
  const projects: ListProject[] = [
    {
      name: "村组干部报酬",
      budget: "3,309,840.00",
      goal: "按时发放村组干部报酬",
      rows: [
        ["效益指标", "社会效益指标", "维护社会稳定", "≥", 95, "%", 10],
        ["产出指标", "数量指标", "村组干部人数", "≥", 230, "人", 10],
        ["满意度指标", "服务对象满意度指标", "人民群众满意度", "≥", 95, "%", 10],
      ],
    },
    {
      name: "基层组织活动经费",
      budget: "660,000.00",
      goal: "保障村社区正常运转",
      rows: [
        ["满意度指标", "服务对象满意度指标", "辖区群众满意度", "≥", 95, "%", 10],
        ["产出指标", "数量指标", "行政村数量", "=", 11, "个", 10],
      ],
    },
  ];
  test.each([["first" as const], ["repeated" as const], ["merged" as const]])(
    "one row per indicator, project name on the %s row(s): one table per project",
    (names) => {
      const laid = listSheet(projects, names, "B2");
      const r = readSheet(laid.sheet);
      expect(r.tables).toHaveLength(2);
      r.tables.forEach((t, i) => {
        expect(t.kind).toBe("project");
        expect(t.layout).toBe("list");
        expect(t.year?.value).toBe(2023);
        expect(t.unit).toBe("元");
        expect(t.name?.value?.address).toBe(laid.at[`p${i}`]);
        expect(t.name?.value?.text).toBe(projects[i].name);
        expect(t.funding?.total?.value?.address).toBe(laid.at[`pb${i}`]);
        expect(t.goals[0].value?.address).toBe(laid.at[`pg${i}`]);
        expect(t.indicators?.rows.map((x) => x.name?.address)).toEqual(
          projects[i].rows.map((_, j) => laid.at[`p${i}r${j}`])
        );
        const c = t.indicators!.columns;
        expect(c.operator).toBeDefined();
        expect(c.nature).toBeUndefined();
        expect(c.score).toBeDefined();
        expect(c.direction).toBeDefined();
      });
    }
  );

  test("a project of the list with its 年度目标 left blank is flagged at that cell", () => {
    const laid = listSheet([{ ...projects[0], goal: "" }, projects[1]], "first");
    const f = checkSheet(laid.sheet).findings.filter((x) => x.rule === "structure/missing-goal");
    expect(f.map((x) => x.cell)).toEqual([laid.at.pg0]);
  });

  test.each([[true], [false]])("several project forms one after another (titles: %s)", (titles) => {
    const a = projectRows({ prefix: "a.", name: "甲项目", noTitle: !titles });
    const b = projectRows({ prefix: "b.", name: "乙项目", noTitle: !titles });
    const laid = layRows("多项目", [...a.rows, [null], ...b.rows]);
    const r = readSheet(laid.sheet);
    expect(
      r.tables.map((t) => [t.name?.value?.address, t.funding?.total?.value?.address, t.indicators?.rows.length])
    ).toEqual([
      [laid.at["a.name"], laid.at["a.v0"], 6],
      [laid.at["b.name"], laid.at["b.v0"], 6],
    ]);
  });
});

// 重庆荣昌 2022: a row left blank inside the merged 产出指标 (SMALL_DEPARTMENT: 产出 B12:B16, 数量 C12:C13, 质量 C14).
describe("blank rows inside a merged 一级", () => {
  const base = buildTable(SMALL_DEPARTMENT, {}).workbook;
  const read = (cells: Record<string, null>) => {
    const t = readSheet(withCells(tableSheet(base), cells)).tables[0];
    return (t.indicators?.blankRows ?? []).map((b) => [b.row + 1, b.cell.address, b.level1.address, b.level2?.address]);
  };
  test("a row with nothing but the 一级 merge is kept apart, pointing at its 二级 cell", () => {
    expect(read({ C14: null, D14: null, E14: null, F14: null, G14: null })).toEqual([[14, "C14", "B12", undefined]]);
  });
  test("a spare row under a merged 二级 points at its 三级 cell and names the 二级", () => {
    expect(read({ D13: null, F13: null })).toEqual([[13, "D13", "B12", "C12"]]);
  });
  test("none in a filled table, and none after the last row of the 一级", () => {
    expect(read({})).toEqual([]);
    expect(read({ C16: null, D16: null, E16: null, F16: null, G16: null })).toEqual([]);
  });
});

describe("项目概况 and 部门职能概述 are read as the table's overview", () => {
  test.each([
    ["项目概况", "project"],
    ["项目概况及立项依据", "project"],
    ["部门职能概述", "duties"],
  ])("%s", (label, kind) => {
    const laid = layRows("项目", [
      [wide("项目支出绩效目标表", 4)],
      ["项目名称", wide("绿化美化项目", 3)],
      [k("label", label), k("text", "公路沿线绿化美化。", { span: 3 })],
      ["年度目标", wide("完成3500米公路绿化。", 3)],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "绿化公路长度", "≥3500米"],
    ]);
    const t = readSheet(laid.sheet).tables[0];
    expect([t.overview?.kind, t.overview?.label.address, t.overview?.value?.address]).toEqual([
      kind,
      laid.at.label,
      laid.at.text,
    ]);
  });
  test("none when the table has no such field", () => {
    expect(readSheet(platformExport().sheet).tables[0].overview).toBeDefined();
    expect(readSheet(tableSheet(buildTable(SMALL_PROJECT, {}).workbook)).tables[0].overview).toBeUndefined();
  });
});
