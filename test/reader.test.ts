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
