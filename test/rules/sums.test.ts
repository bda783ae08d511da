/**
 * The rules over every 合计 / 小计 / 总计 of a table (amount/block-sum, amount/share-sum, amount/income-expense) and
 * the reader that finds them (reader/sums.ts). Blocks are laid out as real tables publish them: 部门总体资金情况 with
 * 收入构成 / 支出构成 and 占比 (广水 2021), a multi-year cost breakdown, 合计 above or below, amounts as text.
 */
import { blockSheet, type BlockCell } from "../builder/blocks";
import { buildTable } from "../builder/layout";
import { SMALL_DEPARTMENT } from "../fixtures/small";
import { tableSheet, withCells } from "../support/edit";
import { testRule } from "../support/rule-tester";
import { readSheet } from "../../src/core/reader";
import { runRules } from "../../src/core/check";
import { AMOUNT_RULES } from "../../src/core/rules/amount";
import { blockSum } from "../../src/core/rules/amount/block-sum";
import { shareSum } from "../../src/core/rules/amount/share-sum";
import { incomeExpense } from "../../src/core/rules/amount/income-expense";
import { totalAsPart } from "../../src/core/rules/amount/total-as-part";
import { weightSum } from "../../src/core/rules/amount/weight-sum";
import { planSum } from "../../src/core/rules/amount/plan-sum";
import { projectForm } from "../builder/variants";
import { k, tall, type Cell } from "../builder/rows";
import { totalLabel } from "../../src/core/reader/sums";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import type { CellRef } from "../../src/core/model";
import { addsUpFast, Decimal, decimalOfNumber } from "../../src/core/amount";
import fc from "fast-check";
import { GUANGSHUI_2021_GOV_OFFICE } from "../real-tables/guangshui-2021-gov-office";
import { FUJIAN_NINGDE_2019_HISTORY_OFFICE } from "../real-tables/fujian-ningde-2019-history-office";

/**
 * 部门总体资金情况 as 广水市人民政府办公室 published it (2021), rows 4–11: header row 4, 收入构成 A5:A7 merged
 * (财政拨款 C5 968.1918, 其他资金 C6 blank, 合计 C7), 支出构成 A8:A10 merged (基本支出 C8 724.2318, 项目支出 C9
 * 243.96, 合计 C10), 占比 in column D.
 */
function composition(over: Record<string, BlockCell> = {}): SheetSnapshot {
  const rows: BlockCell[][] = [
    ["资金构成", "项目", "当年金额", "占比"],
    ["收入构成", "财政拨款", 968.1918, "100%"],
    [null, "其他资金", null, null],
    [null, "合计", 968.1918, "100%"],
    ["支出构成", "基本支出", 724.2318, "74.8%"],
    [null, "项目支出", 243.96, "25.2%"],
    [null, "合  计", 968.1918, "100%"],
  ];
  for (const [a, v] of Object.entries(over)) {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 4;
    rows[row][col] = v;
  }
  return blockSheet({ rows, merges: ["A5:A7", "A8:A10"] });
}

/**
 * A multi-year cost breakdown, rows 4–8: header 成本项目 | 2021年 | 2022年 | 2023年 | 合计 (E4), three cost rows
 * 5–7 with a 合计 column E, and a 合计 row 8.
 */
function multiYear(over: Record<string, BlockCell> = {}): SheetSnapshot {
  const rows: BlockCell[][] = [
    ["成本项目", "2021年", "2022年", "2023年", "合计"],
    ["设备购置", 12.5, 10, 8.3, 30.8],
    ["人员经费", 20, 21.1, 22.2, 63.3],
    ["运行维护", 3.35, 3.45, 3.55, 10.35],
    ["合计", 35.85, 34.55, 34.05, 104.45],
  ];
  for (const [a, v] of Object.entries(over)) rows[Number(a.slice(1)) - 4][a.charCodeAt(0) - 65] = v;
  return blockSheet({ rows });
}

/** A block with its 合计 right under the header, above the rows (rows 4–8, amounts in C). */
function totalAbove(c6: BlockCell = 100.5): SheetSnapshot {
  return blockSheet({
    rows: [
      ["年度预算申请", "项目", "金额（万元）"],
      [null, "合计", c6],
      [null, "基本支出", 60.25],
      [null, "项目支出", 40.25],
    ],
  });
}

/** 年度履职目标 amounts with a 合计 row that is also typed as a duty (49.8 + 11 + 171.41, 合计 171.41). */
const repeated = blockSheet({
  rows: [
    ["部门职能", "年度目标任务", "支出项目名称", "预算金额（万元）"],
    ["组织编纂地方志", "保障志鉴地情工作", "地情、市志编纂与年鉴出版经费", 49.8],
    ["确保人员福利", "按时发放人员福利", "地情、市志编纂与年鉴出版经费", 11],
    ["确保日常工作正常运行", "按时发放人员工资", "基本支出", 171.41],
    ["合计", null, null, 171.41],
  ],
});

describe("reader: sum lines", () => {
  test("total labels with spaces, brackets, 其中 and 收入/支出", () => {
    for (const t of ["合计", "小计", "总计", "（合计）", "【合计】", "其中:小计", "收入合计", "支出合计", "合计(万元)"])
      expect(totalLabel(t.normalize("NFKC"))).toBeDefined();
    for (const t of ["合计应为100", "资金总额", "年度资金总额", "合计完成率"]) expect(totalLabel(t)).toBeUndefined();
  });

  test("收入构成 / 支出构成: each 合计 with its own rows, its group and its share column", () => {
    const lines = readSheet(composition()).tables[0].sumLines ?? [];
    const brief = lines.map((l) => [l.total.address, l.parts.map((p) => p.address).join(","), l.group, l.share]);
    expect(brief).toEqual([
      ["C7", "C5,C6", "收入构成", false],
      ["D7", "D5,D6", "收入构成", true],
      ["C10", "C8,C9", "支出构成", false],
      ["D10", "D8,D9", "支出构成", true],
    ]);
    expect(lines[2].names).toEqual(["基本支出", "项目支出"]);
  });

  test("a multi-year breakdown: the 合计 column sums each row, the 合计 row each column", () => {
    const lines = readSheet(multiYear()).tables[0].sumLines ?? [];
    const byTotal = (a: string) => lines.filter((l) => l.total.address === a).map((l) => l.parts.map((p) => p.address));
    expect(byTotal("E5")).toEqual([["B5", "C5", "D5"]]);
    expect(byTotal("B8")).toEqual([["B5", "B6", "B7"]]);
    // The corner: the 合计 row's 合计 is both the sum of the 合计 column and of the 合计 row.
    expect(byTotal("E8").sort()).toEqual([
      ["B8", "C8", "D8"],
      ["E5", "E6", "E7"],
    ]);
    expect(lines.find((l) => l.total.address === "E5")!.axis).toBe("row");
  });

  test("合计 above its rows", () => {
    const lines = readSheet(totalAbove()).tables[0].sumLines ?? [];
    expect(lines.map((l) => [l.total.address, l.parts.map((p) => p.address)])).toEqual([["C5", ["C6", "C7"]]]);
  });

  test("the 年度主要任务 block's 合计 is read too, and left to its own rules", () => {
    const sheet = tableSheet(buildTable(SMALL_DEPARTMENT).workbook);
    const t = readSheet(sheet).tables[0];
    expect(t.sumLines?.map((l) => l.total.address)).toEqual(["D6", "E6", "F6"]);
    const wrong = withCells(sheet, { D6: 195.7 });
    const rules = runRules(readSheet(wrong).tables[0], AMOUNT_RULES).map((f) => f.rule);
    expect(rules).toContain("amount/total-mismatch");
    expect(rules).not.toContain("amount/block-sum");
  });
});

testRule(blockSum, {
  valid: [
    { name: "收入构成 / 支出构成 as published (广水 2021), 其他资金 blank", sheet: composition() },
    { name: "a blank part counts as 0", sheet: composition({ C6: null, C5: 968.1918 }) },
    {
      name: "amounts typed as text, one split by extraction (968.191 8)",
      sheet: composition({ C5: "968.191 8", C7: "968.1918" }),
    },
    { name: "a multi-year breakdown that adds up", sheet: multiYear() },
    {
      name: "其中 rows break down the row above them, they are not parts of the 合计",
      sheet: blockSheet({
        rows: [
          ["资金来源", "金额"],
          ["财政拨款", 100],
          ["其中：中央资金", 60],
          ["省级资金", 40],
          ["其他资金", 5],
          ["合计", 105],
        ],
      }),
    },
    {
      name: "an unfilled block: blank rows and a blank 合计",
      sheet: composition({
        C5: null,
        C7: null,
        C8: null,
        C9: null,
        C10: null,
        D5: null,
        D7: null,
        D8: null,
        D9: null,
        D10: null,
      }),
    },
    { name: "合计 above its rows", sheet: totalAbove() },
    { name: "shares of a third (33.3% × 3) are not summed exactly", sheet: composition({ D8: "33.3%", D9: "66.7%" }) },
    {
      name: "two blocks one under the other, no group merges",
      sheet: blockSheet({
        rows: [
          ["项目", "金额"],
          ["财政拨款", 90],
          ["其他资金", 10],
          ["合计", 100],
          ["基本支出", 70],
          ["项目支出", 30],
          ["合计", 100],
        ],
      }),
    },
    {
      name: "小计 inside a 合计: each 小计 is checked, the 合计 over them is left alone",
      sheet: blockSheet({
        rows: [
          ["项目", "金额"],
          ["人员经费", 30],
          ["公用经费", 20],
          ["小计", 50],
          ["项目甲", 25],
          ["小计", 25],
          ["合计", 75],
        ],
      }),
    },
    {
      name: "the 年度主要任务 合计 (its own rules report it)",
      sheet: withCells(tableSheet(buildTable(SMALL_DEPARTMENT).workbook), { D6: 195.7 }),
    },
  ],
  invalid: [
    { name: "支出构成 合计 off by 0.9982", sheet: composition({ C10: 969.19 }), cells: ["C10"] },
    { name: "收入构成 合计 off, 其他资金 blank", sheet: composition({ C7: 968.19 }), cells: ["C7"] },
    { name: "合计 above its rows, off by 0.1", sheet: totalAbove(100.6), cells: ["C5"] },
    { name: "a year column off by ten cents", sheet: multiYear({ C8: 34.45 }), cells: ["C8"] },
    // E5 is off: the 合计 row's E8 then does not add up its column either, but the fault is E5's: one finding.
    { name: "a 合计 left blank while its rows hold amounts", sheet: composition({ C10: null }), cells: ["C10"] },
    {
      name: "a blank 合计 between two blocks takes the rows the other 合计 does not need",
      sheet: blockSheet({
        rows: [
          ["项目", "金额"],
          ["财政拨款", 90],
          ["其他资金", 10],
          ["合计", null],
          ["基本支出", 70],
          ["项目支出", 30],
          ["合计", 100],
        ],
      }),
      cells: ["B7"],
    },
    {
      name: "其中 rows set aside, the 合计 off",
      sheet: blockSheet({
        rows: [
          ["资金来源", "金额"],
          ["财政拨款", 100],
          ["其中：中央资金", 60],
          ["省级资金", 40],
          ["其他资金", 5],
          ["合计", 106],
        ],
      }),
      cells: ["B9"],
    },
    { name: "a row's 合计 off: one finding, not two", sheet: multiYear({ E5: 31.8 }), cells: ["E5"] },
    { name: "the grand 合计 off: one finding for the corner", sheet: multiYear({ E8: 104.55 }), cells: ["E8"] },
    {
      name: "text amounts that do not add up",
      sheet: composition({ C8: "724.2318", C10: "969.1918" }),
      cells: ["C10"],
    },
    // A row that repeats the 合计: amount/total-as-part names that row instead.
  ],
});

describe("amount/block-sum messages and fixes", () => {
  const find = (s: SheetSnapshot) => readSheet(s).tables.flatMap((t) => runRules(t, [blockSum]));

  test("names the cell and the expected value, in plain Chinese, with a certain fix", () => {
    const [f] = find(composition({ C10: 969.19 }));
    expect(f.message.zh).toBe(
      "“支出构成”合计 C10 应为 968.1918，实为 969.19（相差 0.9982）：基本支出 C8 + 项目支出 C9 = 724.2318 + 243.96 = 968.1918。"
    );
    expect(f.related).toEqual(["C8", "C9"]);
    expect(f.fix).toEqual([{ sheet: "Sheet1", cell: "C10", value: 968.1918 }]);
  });

  test("a multi-year row names its row and its years", () => {
    const [f] = find(multiYear({ E5: 31.8 }));
    expect(f.message.zh).toContain("E5 应为 30.80，实为 31.80");
    expect(f.message.zh).toContain("2021年 B5 + 2022年 C5 + 2023年 D5 = 12.50 + 10.00 + 8.30");
  });

  test("a blank 合计: the sum it should show, as a fix", () => {
    const [f] = find(composition({ C10: null }));
    expect(f.message.zh).toBe(
      "“支出构成”合计 C10 为空，应为 968.1918：基本支出 C8 + 项目支出 C9 = 724.2318 + 243.96 = 968.1918。"
    );
    expect(f.fix).toEqual([{ sheet: "Sheet1", cell: "C10", value: 968.1918 }]);
  });

  test("a formula total is not overwritten", () => {
    const s = composition({ C10: { v: 969.19, f: "=C8+C9+1" } });
    const [f] = find(s);
    expect(f.cell).toBe("C10");
    expect(f.fix).toBeUndefined();
  });
});

testRule(shareSum, {
  valid: [
    { name: "广水 2021 as published", sheet: composition() },
    { name: "thirds rounded: 33.3% + 33.3% + 33.3% = 99.9%", sheet: thirds(["33.3%", "33.3%", "33.3%"]) },
    {
      name: "shares as numbers with a % format",
      sheet: composition({
        D5: { v: 1, fmt: "0%" },
        D7: { v: 1, fmt: "0%" },
        D8: { v: 0.748, fmt: "0.0%" },
        D9: { v: 0.252, fmt: "0.0%" },
        D10: { v: 1, fmt: "0%" },
      }),
    },
  ],
  invalid: [
    {
      name: "a share that is not its amount's ratio (35.2% for 25.2%)",
      sheet: composition({ D9: "35.2%" }),
      cells: ["D9"],
    },
    { name: "shares without amounts adding up to 99.8%", sheet: thirds(["33.3%", "33.3%", "33.2%"]), cells: ["B8"] },
    { name: "a 合计 share of 90%", sheet: composition({ D10: "90%" }), cells: ["D10"] },
  ],
});

/** Three shares and their 合计 (100%), no amount column: rows 5–7, 合计 B8. */
function thirds(shares: string[]): SheetSnapshot {
  return blockSheet({
    rows: [
      ["项目", "占比"],
      ["甲", shares[0]],
      ["乙", shares[1]],
      ["丙", shares[2]],
      ["合计", "100%"],
    ],
  });
}

testRule(incomeExpense, {
  valid: [
    { name: "广水 2021: 收入 968.1918 = 支出 968.1918", sheet: composition() },
    // 支出 合计 does not add up: amount/block-sum reports it, not this rule.
    { name: "a total that does not add up its parts is left to block-sum", sheet: composition({ C10: 969.19 }) },
  ],
  invalid: [
    {
      name: "支出 adds up to 958.1918 but 收入 is 968.1918",
      sheet: composition({ C8: 714.2318, C10: 958.1918, D8: "74.6%", D9: "25.4%" }),
      cells: ["C10"],
    },
  ],
});

testRule(totalAsPart, {
  valid: [
    { name: "收入构成 / 支出构成 as published", sheet: composition() },
    { name: "a single part equal to its 合计 (其他资金 blank)", sheet: composition({ C6: 0 }) },
    { name: "a 合计 that is off without a repeated part (block-sum reports it)", sheet: composition({ C10: 969.19 }) },
  ],
  invalid: [{ name: "年度履职目标 49.8 + 11 + 171.41 with 合计 171.41", sheet: repeated, cells: ["D7"] }],
});

test("amount/total-as-part: names the row and the amount the 合计 implies, no fix; block-sum stays silent", () => {
  const found = readSheet(repeated).tables.flatMap((t) => runRules(t, AMOUNT_RULES));
  expect(found.map((f) => [f.rule, f.cell])).toEqual([["amount/total-as-part", "D7"]]);
  const [f] = found;
  expect(f.message.zh).toBe(
    "确保日常工作正常运行 D7 为 171.41，与合计 D8 相同，像是把合计填成了一项：各项之和 232.21，比合计多 60.80；按合计，D7 应为 110.61。"
  );
  expect(f.related).toEqual(["D8"]);
  expect(f.fix).toBeUndefined();
});

describe("the real tables' blocks (test/real-tables)", () => {
  const SUM_RULES = [blockSum, shareSum, incomeExpense, totalAsPart];
  const find = (s: SheetSnapshot) =>
    readSheet(s)
      .tables.flatMap((t) => runRules(t, SUM_RULES))
      .map((f) => [f.rule, f.cell]);
  const g = GUANGSHUI_2021_GOV_OFFICE.sheet;

  test("广水 2021 as published: every 合计 and 占比 adds up, nothing is raised", () => {
    const t = readSheet(g).tables[0];
    expect(t.sumLines?.map((l) => l.total.address)).toEqual(["D9", "D12", "E12"]);
    expect(find(g)).toEqual([]);
  });

  test("广水 2021 with faults: a 合计, a share, 收入 ≠ 支出", () => {
    expect(find(withCells(g, { D12: 969.19 }))).toEqual([["amount/block-sum", "D12"]]);
    expect(find(withCells(g, { E11: 0.352 }))).toEqual([["amount/share-sum", "E11"]]);
    expect(find(withCells(g, { D11: 233.96, D12: 958.1918, E10: 0.756, E11: 0.244 }))).toEqual([
      ["amount/income-expense", "D12"],
    ]);
  });

  test("宁德 2019: 年度预算安排 资金总额 = 项目支出 + 基本支出 (no 合计 label) is checked too", () => {
    const f = FUJIAN_NINGDE_2019_HISTORY_OFFICE.sheet;
    const found = readSheet(withCells(f, { C4: 171.42 })).tables.flatMap((t) => runRules(t, SUM_RULES));
    expect(found.map((x) => [x.rule, x.cell])).toEqual([["amount/block-sum", "C4"]]);
    expect(found[0].message.zh).toBe(
      "“年度预算安排”资金总额 C4 应为 171.41，实为 171.42（相差 0.01）：项目支出 C5 + 基本支出 C6 = 60.80 + 110.61 = 171.41。"
    );
  });

  test("宁德 2019: the 基本支出 row of 年度履职目标 repeats the 资金总额 171.41", () => {
    const found = readSheet(FUJIAN_NINGDE_2019_HISTORY_OFFICE.sheet).tables.flatMap((t) => runRules(t, SUM_RULES));
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["amount/total-as-part", "E11"]]);
    expect(found[0].message.zh).toBe(
      "基本支出 E11 为 171.41，与资金总额 C4 相同，像是把资金总额填成了一项：各项之和 232.21，比资金总额多 60.80；按资金总额，E11 应为 110.61（与基本支出 C6 的 110.61 一致）。"
    );
  });
});

/**
 * Indicators with a 权重 column E: header row 6, rows 7–11; with a label above the header, label A6, header row 7, rows 8–12.: 一级 names repeated on each
 * row, optionally with score notes, optionally under a stated total.
 */
function weighted(weights: (number | string | null)[], opts: { notes?: string[]; label?: string } = {}): SheetSnapshot {
  const l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"];
  const names = ["接待来访人次", "办文办结率", "按时办结率", "政务服务水平", "群众满意度"];
  const values = ["≥100人次", "≥95%", "≥95%", "有效提升", "≥90%"];
  const l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"];
  return blockSheet({
    rows: [],
    indicatorLabel: opts.label,
    indicatorHeader: ["一级指标", "二级指标", "三级指标", "指标值", "权重"],
    indicators: weights.map((w, i) => [opts.notes?.[i] ?? l1[i], l2[i], names[i], values[i], w]),
  });
}

testRule(weightSum, {
  valid: [
    { name: "weights adding up to 100", sheet: weighted([20, 20, 20, 20, 20]) },
    { name: "weights typed as text with 分", sheet: weighted(["20分", "20分", "20", 20, 20]) },
    {
      name: "90 stated on the block label (乌海 2021 style)",
      sheet: weighted([20, 20, 10, 30, 10], {
        label: "绩效指标（权重分值90分，其中产出指标权重分值50分，效益指标权重分值30分，满意度指标权重分值10分）",
      }),
    },
    {
      name: "score notes in the 一级 labels that hold (50 + 30 + 20)",
      sheet: weighted([20, 20, 10, 30, 20], {
        notes: ["产出指标(50分)", "产出指标(50分)", "产出指标(50分)", "效益指标(30分)", "满意度指标(20分)"],
      }),
    },
    {
      name: "a band note (40-50)分 with 45 under it",
      sheet: weighted([20, 15, 10, 35, 20], {
        notes: ["产出指标(40-50)分", "产出指标(40-50)分", "产出指标(40-50)分", "效益指标", "满意度指标"],
      }),
    },
    { name: "no weight filled in", sheet: weighted([null, null, null, null, null]) },
  ],
  invalid: [
    {
      name: "weights adding up to 90, nothing stated (井研 2023)",
      sheet: weighted([20, 20, 10, 30, 10]),
      cells: ["E7"],
    },
    {
      name: "weights adding up to 100 where 90 is stated",
      sheet: weighted([20, 20, 20, 30, 10], { label: "绩效指标（权重分值90分）" }),
      cells: ["E8"],
    },
    {
      name: "a 一级 note that does not hold: one finding at the 一级, not a second for the total",
      sheet: weighted([20, 20, 20, 30, 10], {
        notes: ["产出指标(50分)", "产出指标(50分)", "产出指标(50分)", "效益指标(30分)", "满意度指标(20分)"],
      }),
      cells: ["A7", "A11"],
    },
  ],
});

test("amount/weight-sum names the expected total and why", () => {
  const [f] = readSheet(weighted([20, 20, 10, 30, 10])).tables.flatMap((t) => runRules(t, [weightSum]));
  expect(f.message.zh).toBe("三级指标的权重（分值）之和应为 100（未注明总分时为 100），实为 90（E7:E11）。");
  const [g] = readSheet(weighted([20, 20, 20, 30, 10], { label: "绩效指标（权重分值90分）" })).tables.flatMap((t) =>
    runRules(t, [weightSum])
  );
  expect(g.message.zh).toBe("三级指标的权重（分值）之和应为 90（表中注明 90 分（A6）），实为 100（E8:E12）。");
});

describe("addsUpFast: the Decimal-free check agrees with Decimal wherever it answers", () => {
  const ref = (value: CellValue): CellRef => ({
    address: "A1",
    row: 0,
    col: 0,
    value,
    formula: null,
    format: "General",
    text: value === null ? "" : String(value),
  });
  const slow = (total: number, parts: (number | null)[]) =>
    parts
      .filter((p): p is number => p !== null)
      .reduce((s, p) => s.plus(decimalOfNumber(p)), new Decimal(0))
      .eq(decimalOfNumber(total));

  test("examples", () => {
    expect(addsUpFast(ref(968.1918), [ref(724.2318), ref(243.96)])).toBe(true);
    expect(addsUpFast(ref(969.19), [ref(724.2318), ref(243.96)])).toBe(false);
    expect(addsUpFast(ref(968.1918), [ref(968.1918), ref(null)])).toBe(true);
    // 0.1 + 0.2 as JavaScript adds it, huge amounts, text: left to Decimal.
    expect(addsUpFast(ref(0.1 + 0.2), [ref(0.1), ref(0.2)])).toBeUndefined();
    expect(addsUpFast(ref(2e9), [ref(1e9), ref(1e9)])).toBeUndefined();
    expect(addsUpFast(ref(3), [ref("1"), ref(2)])).toBeUndefined();
  });

  test("property: same answer as Decimal", () => {
    const amount = fc.oneof(
      fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 1e9 }).map((n) => n / 10000),
      fc.double({ min: -1e6, max: 1e6, noNaN: true })
    );
    fc.assert(
      fc.property(fc.array(fc.option(amount, { nil: null }), { maxLength: 8 }), fc.boolean(), (parts, exact) => {
        const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
        const total = exact ? Number(sum.toFixed(4)) : sum;
        const fast = addsUpFast(ref(total), parts.map(ref));
        if (fast !== undefined) expect(fast).toBe(slow(total, parts));
      }),
      { numRuns: 500 }
    );
  });
});

/**
 * Implementation and payment plans laid out in a project form (budget 年度资金总额 90 万元, year 2022), just above
 * the indicator header: the plan's label merged down column A, stage headers (or a header row) to its right.
 */
const QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"];
function planForm(label: string, rows: Cell[][]) {
  const first = rows.map((r, i) => (i === 0 ? [tall(label, rows.length), ...r] : r));
  return projectForm({
    header: ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
    rows: [
      ["产出指标", "数量指标", "绿化公路长度", "≥3500米", ""],
      ["产出指标", "时效指标", "完成时间", "2022年12月31日前", ""],
      ["效益指标", "社会效益指标", "沿线人居环境", "明显改善", ""],
      ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", ""],
    ],
    before: first,
  });
}
const quarters = (label: string, values: Cell[], rowLabel?: string) =>
  planForm(
    label,
    rowLabel
      ? [
          ["", ...QUARTERS],
          [rowLabel, ...values],
        ]
      : [QUARTERS, values]
  );
const firstValue = (values: CellValue[]): Cell[] => [k("q0", values[0]), ...values.slice(1)];

describe("reader: instalment plans", () => {
  test("quarters under a 资金支付计划 label: amounts, with their cells and names", () => {
    const laid = quarters("资金支付计划", firstValue([20, 25, 25, 20]));
    const t = readSheet(laid.sheet).tables[0];
    expect(t.plans).toHaveLength(1);
    const p = t.plans![0];
    expect([p.kind, p.parts[0].address, p.names, p.cumulative, p.years]).toEqual([
      "amount",
      laid.at.q0,
      QUARTERS,
      false,
      [],
    ]);
  });
  test("the project form without a plan has none", () => {
    expect(readSheet(projectForm().sheet).tables[0].plans).toBeUndefined();
  });
});

const planTwoYears = planForm("项目实施进度计划", [
  ["实施内容", "实施年度", "投入资金"],
  ["一期工程", 2021, 60],
  ["二期工程", 2022, 60],
]);
const stagesAmount = planForm("项目实施进度计划", [
  ["实施内容", "完成时间", "计划支付金额(万元)"],
  ["设计", "2022年3月", k("s0", 50)],
  ["施工", "2022年10月", 60],
]);
const stagesYuan = planForm("项目实施进度计划", [
  ["实施内容", "完成时间", "计划支付金额(元)"],
  ["设计", "2022年3月", k("s0", 300000)],
  ["施工", "2022年10月", 700000],
]);
const over = quarters("资金支付计划", firstValue([45, 45, 45, 45]));
const shareOver = quarters("资金支付计划", firstValue([30, 40, 30, 20]), "支付比例(%)");
const shareText = quarters("分季度用款计划", firstValue(["30%", "30%", "30%", ""]));

testRule(planSum, {
  valid: [
    { name: "quarters adding up to the budget", sheet: quarters("资金支付计划", [20, 25, 25, 20]).sheet },
    { name: "running totals (20, 45, 70, 90)", sheet: quarters("资金支付计划", [20, 45, 70, 90]).sheet },
    {
      name: "running totals ending short of the budget (20, 45, 70)",
      sheet: quarters("资金支付计划", [20, 45, 70, ""]).sheet,
    },
    { name: "累计 in the label", sheet: quarters("累计支付进度(万元)", [45, 45, 45, 45]).sheet },
    { name: "a plan over two years (2021, 2022)", sheet: planTwoYears.sheet },
    { name: "percentages adding up to 100", sheet: quarters("资金支付计划", ["25%", "25%", "25%", "25%"]).sheet },
    { name: "cumulative percentages", sheet: quarters("资金支付计划", ["25%", "50%", "75%", "100%"]).sheet },
    { name: "numbers that say neither 金额 nor %", sheet: quarters("实施进度安排", [45, 45, 45, 45]).sheet },
    {
      name: "stages with years and no amounts (宁乡坝塘)",
      sheet: planForm("项目实施进度计划", [
        ["项目实施内容", "开始时间", "完成时间"],
        ["总体概念规划", 2016, 2020],
        ["核心区规划", 2021, 2021],
      ]).sheet,
    },
    { name: "no plan", sheet: projectForm().sheet },
  ],
  invalid: [
    { name: "four quarters of 45 against a budget of 90", sheet: over.sheet, cells: [over.at.q0] },
    { name: "stage rows with a 金额 column, 110 of 90", sheet: stagesAmount.sheet, cells: [stagesAmount.at.s0] },
    { name: "in 元: 1,000,000 元 of 90 万元", sheet: stagesYuan.sheet, cells: [stagesYuan.at.s0] },
    { name: "a 支付比例(%) row adding up to 120", sheet: shareOver.sheet, cells: [shareOver.at.q0] },
    { name: "percentages as text adding up to 90", sheet: shareText.sheet, cells: [shareText.at.q0] },
  ],
});

test("amount/plan-sum names the instalments, their sum and the budget", () => {
  const f = readSheet(over.sheet).tables.flatMap((t) => runRules(t, [planSum]));
  expect(f).toHaveLength(1);
  const t = readSheet(over.sheet).tables[0];
  const cells = t.plans![0].parts.map((c, i) => `${QUARTERS[i]} ${c.address}`).join(" + ");
  const budget = t.funding!.total!.value!.address;
  expect(f[0].message.zh).toBe(
    `“资金支付计划”各期金额 ${cells} = 45.00 + 45.00 + 45.00 + 45.00 = 180.00 万元，超过本年预算 90.00 万元（${budget}）；各期之和应不超过 90.00 万元，请核对各期金额。`
  );
  expect(f[0].related).toContain(budget);
});
