/**
 * Property-based tests: random grids and random mutations of valid tables. The seed is fixed, so a failure
 * reproduces; `npm run test:props` runs many more cases (PROPS_RUNS, PROPS_SEED).
 */
import fc from "fast-check";
import { buildTable, type Layout } from "./builder/layout";
import type { TableSpec } from "./builder/spec";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { departmentWithDuties, projectForm } from "./builder/variants";
import { tableSheet } from "./support/edit";
import { checkSheet, checkWorkbook } from "../src/core/check";
import { readSheet } from "../src/core/reader";
import { cellAddress, parseCell, parseRange } from "../src/core/address";
import { EXCEL_ERRORS, type CellValue, type SheetSnapshot } from "../src/core/snapshot";

const RUNS = Number(process.env.PROPS_RUNS ?? 60);
const SEED = Number(process.env.PROPS_SEED ?? 20261125);
const MAX_ROWS = Number(process.env.PROPS_MAX_ROWS ?? 120);
fc.configureGlobal({ seed: SEED, numRuns: RUNS });

/** Words that steer the reader into its table paths, so random grids exercise more than "not a table". */
const VOCABULARY = [
  "部门（单位）整体支出绩效目标表",
  "项目支出绩效目标表",
  "（2021 年）",
  "部门（单位）名称",
  "年度主要任务",
  "任务名称",
  "主要内容",
  "预算金额（万元）",
  "总额",
  "财政拨款",
  "其他资金",
  "合  计",
  "年度总体目标",
  "年度绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标值",
  "计算符号",
  "计量单位",
  "指标方向",
  "备注",
  "产出指标",
  "数量指标",
  "质量指标",
  "成本指标",
  "效益指标",
  "满意度指标",
  "服务对象满意度指",
  "项目名称",
  "资金情况（万元）",
  "年度资金总额",
  "其中：财政拨款",
  "中期目标",
  "年度目标",
  "≥2次",
  "=100%",
  "≥**%",
  "≤1.5万元",
  "44561",
  "有效提升",
  "=SUM(D7:D9)",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS).map((e) => ({ error: e })) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 3000 }) }
);

interface Grid {
  origin: string;
  values: CellValue[][];
  merges: string[];
}

const grid: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.integer({ min: 0, max: MAX_ROWS }),
    cols: fc.integer({ min: 1, max: 10 }),
    top: fc.integer({ min: 0, max: 5000 }),
    left: fc.integer({ min: 0, max: 40 }),
  })
  .chain(({ rows, cols, top, left }) =>
    fc.record({
      origin: fc.constant(cellAddress(top, left)),
      values: fc.array(fc.array(cellValue, { minLength: 0, maxLength: cols }), { minLength: rows, maxLength: rows }),
      merges: fc.array(
        fc
          .record({
            r: fc.integer({ min: 0, max: Math.max(rows - 1, 0) }),
            c: fc.integer({ min: 0, max: cols - 1 }),
            h: fc.integer({ min: 0, max: 6 }),
            w: fc.integer({ min: 0, max: 3 }),
          })
          .map(({ r, c, h, w }) => `${cellAddress(top + r, left + c)}:${cellAddress(top + r + h, left + c + w)}`),
        { maxLength: 12 }
      ),
    })
  );

function toSnapshot(g: Grid): SheetSnapshot {
  return {
    name: "随机",
    origin: g.origin,
    values: g.values,
    formulas: g.values.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=SUM") ? v : null))),
    numberFormats: g.values.map((r) => r.map(() => "General")),
    merges: g.merges,
  };
}

function inside(s: SheetSnapshot, address: string): boolean {
  if (s.values.length === 0) return address === "A1" || address === s.origin;
  const o = parseCell(s.origin);
  const p = parseRange(address);
  const width = Math.max(1, ...s.values.map((r) => r.length));
  return p.top >= o.row && p.left >= o.col && p.bottom < o.row + s.values.length && p.right < o.col + width;
}

describe("random grids", () => {
  test("reading and checking never throw, and every finding's cell and fix lie inside the sheet", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const s = toSnapshot(g);
        const result = checkSheet(s);
        for (const f of result.findings) {
          expect(inside(s, f.cell)).toBe(true);
          // Related cells may lie outside (a formula's references); they must still be real addresses.
          for (const r of f.related) expect(() => parseRange(r)).not.toThrow();
          for (const e of f.fix ?? []) expect(inside(s, e.cell)).toBe(true);
        }
        if (result.tables.length === 0) expect(result.notATable?.reason.zh).toBeTruthy();
      })
    );
  });

  test("a check never changes the snapshot, and reading is deterministic", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const s = toSnapshot(g);
        const before = JSON.stringify(s);
        const a = checkWorkbook({ sheets: [s] });
        const b = checkWorkbook({ sheets: [s] });
        expect(JSON.stringify(s)).toBe(before);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      })
    );
  });
});

const SPECS: TableSpec[] = [SAMPLE_2021, SMALL_DEPARTMENT, SMALL_PROJECT];

/** Layout changes that must not change what a table means. */
const cosmetic: fc.Arbitrary<Partial<Layout>> = fc.record({
  spacedLabels: fc.boolean(),
  brackets: fc.constantFrom("full" as const, "half" as const),
  blankRows: fc.integer({ min: 0, max: 3 }),
  totalPosition: fc.constantFrom("above" as const, "below" as const),
  labelColumn: fc.boolean(),
  levelLabels: fc.constantFrom("merged" as const, "repeated" as const, "first" as const),
  brokenLevel2: fc.boolean(),
  origin: fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 }))
    .map(([r, c]) => cellAddress(r, c)),
  formulas: fc.boolean(),
  unit: fc.constantFrom("万元" as const, "元" as const),
  yearInTitle: fc.boolean(),
  explanatorySheet: fc.boolean(),
});

/** What a table says, independent of where its cells are: rule ids and counts by severity. */
function meaning(spec: TableSpec, layout: Partial<Layout>) {
  const wb = buildTable(spec, layout).workbook;
  const result = checkWorkbook(wb);
  return {
    tables: result.tables.map((t) => [t.kind, t.year?.value, t.name?.value?.text, t.indicators?.rows.length]),
    errors: result.findings.filter((f) => f.severity === "error").map((f) => f.rule),
  };
}

describe("valid tables under cosmetic changes", () => {
  test("stay valid and read the same (kind, year, name, rows), with no error", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPECS), cosmetic, (spec, layout) => {
        const base = meaning(spec, {});
        const changed = meaning(spec, layout);
        expect(changed.tables).toEqual(base.tables);
        expect(changed.errors).toEqual([]);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 2)) }
    );
  });
});

describe("random mutations of a valid table", () => {
  const sheets = SPECS.map((s) => tableSheet(buildTable(s).workbook));
  const mutation = fc.record({
    table: fc.integer({ min: 0, max: sheets.length - 1 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.nat(), cellValue), { minLength: 1, maxLength: 8 }),
    dropRow: fc.option(fc.nat()),
  });

  test("never throw, keep findings inside the sheet, leave the input alone", () => {
    fc.assert(
      fc.property(mutation, ({ table, edits, dropRow }) => {
        const base = sheets[table];
        const values = base.values.map((r) => [...r]);
        for (const [r, c, v] of edits) values[r % values.length][c % values[0].length] = v;
        if (dropRow !== null) values.splice(dropRow % values.length, 1);
        const s: SheetSnapshot = { ...base, values, formulas: values.map((r) => r.map(() => null)) };
        const before = JSON.stringify(s);
        const result = checkSheet(s);
        for (const f of result.findings) expect(inside(s, f.cell)).toBe(true);
        expect(JSON.stringify(s)).toBe(before);
        expect(readSheet(s)).toEqual(readSheet(s));
      })
    );
  });
});

describe("blank cells in the money block", () => {
  /** Funding lines as real tables label them; any of their values may be left blank. */
  const LINES: [string, number][] = [
    ["年度资金总额", 100],
    ["其中：中央补助", 40],
    ["其中：财政拨款", 30],
    ["2.市级资金", 10],
    ["其他资金", 10],
    ["上年结转资金", 10],
  ];
  const GOAL = "完成公路沿线绿化3500米。";
  const setup = fc.record({
    lines: fc.subarray(LINES, { minLength: 2 }),
    blank: fc.array(fc.boolean(), { minLength: LINES.length, maxLength: LINES.length }),
    fundingLabel: fc.constantFrom("资金情况（万元）", "资金金额", "项目资金\n（万元）", "投入目标（万元）"),
    origin: fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }))
      .map(([r, c]) => cellAddress(r, c)),
  });

  test("a blank amount is read as blank, and no finding quotes a neighbouring text as an amount", () => {
    fc.assert(
      fc.property(setup, ({ lines, blank, fundingLabel, origin }) => {
        const funding = lines.map(([label, v], i) => ({ label, value: blank[i] ? null : v }));
        const laid = projectForm({ fundingLabel, funding, origin, goals: [["年度目标", GOAL]] });
        const t = readSheet(laid.sheet).tables[0];
        const f = t.funding!;
        const fields = [f.total, f.fiscal, f.other, f.carryover, ...(f.sources ?? [])].filter((x) => x !== undefined);
        // Every money field read is one of the laid lines, and its value is the cell beside it (blank or not).
        expect(fields.length).toBe(funding.length);
        for (const field of fields) {
          const i = funding.findIndex((_, j) => laid.at[`f${j}`] === field.label.address);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(field.value?.address).toBe(laid.at[`v${i}`]);
          expect(field.value?.text).toBe(funding[i].value === null ? "" : String(funding[i].value));
        }
        const labels = lines.map(([l]) => l);
        for (const x of checkSheet(laid.sheet).findings) {
          // Only blank or numeric money cells exist: nothing can be "not a number".
          expect(x.rule).not.toBe("amount/not-a-number");
          expect(x.message.zh).not.toContain(GOAL);
          for (const l of labels) expect(x.message.zh).not.toContain(`“${l}”不是`);
        }
      })
    );
  });

  test("部门整体: blank 年度预算安排 and 履职目标 amounts are read as blank at their own cells", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (blank) => {
        const budget: [string, number | null][] = [
          ["资金总额", blank[0] ? null : 171.41],
          ["项目支出", blank[1] ? null : 60.8],
          ["基本支出", blank[2] ? null : 110.61],
        ];
        const duties: [string, string, string, number | null][] = [
          ["编纂地方志", "完成年度志鉴编纂", "志鉴编纂经费", blank[3] ? null : 49.8],
          ["保障人员待遇", "按时发放人员福利", "志鉴编纂经费", blank[4] ? null : 11],
          ["确保日常运行", "按时发放人员工资", "基本支出", blank[5] ? null : 110.61],
        ];
        const laid = departmentWithDuties({ budget, duties });
        const t = readSheet(laid.sheet).tables[0];
        expect(t.budget?.lines.map((l) => [l.amount?.address, l.amount?.text])).toEqual(
          budget.map(([, v], i) => [laid.at[`bv${i}`], v === null ? "" : String(v)])
        );
        expect(t.duties?.rows.map((r) => [r.amount?.address, r.amount?.text])).toEqual(
          duties.map((d, i) => [laid.at[`da${i}`], d[3] === null ? "" : String(d[3])])
        );
      })
    );
  });
});
