/** Money parsing (src/core/amount.ts) and the total-formula parser of the amount rules. */
import {
  Decimal,
  amountCells,
  decimalOfNumber,
  formatAmount,
  formatDecimals,
  isNumeric,
  parseAmount,
  sumAmounts,
  tableDecimals,
  type AmountParse,
} from "../src/core/amount";
import type { CellRef } from "../src/core/model";
import type { CellValue } from "../src/core/snapshot";
import { valueText } from "../src/core/text";
import { contiguous, parseSimpleFormula, plusFormula, runs, sumFormula } from "../src/core/rules/amount/formula";
import { buildTable, type Layout } from "./builder/layout";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { tableSheet, withCells } from "./support/edit";
import { readSheet } from "../src/core/reader";
import type { TableSpec } from "./builder/spec";
import type { SheetSnapshot } from "../src/core/snapshot";

function cell(value: CellValue, format = "General", formula: string | null = null): CellRef {
  return { address: "D7", row: 6, col: 3, value, formula, format, text: valueText(value) };
}

/** The parse with Decimals as strings, for toEqual. */
function plain(p: AmountParse): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, v instanceof Decimal || Decimal.isDecimal(v) ? (v as Decimal).toString() : v])
  );
}
const parse = (v: CellValue, format?: string) => plain(parseAmount(cell(v, format)));

describe("parseAmount", () => {
  test("empty", () => {
    expect(parseAmount(undefined)).toEqual({ kind: "empty" });
    expect(parse(null)).toEqual({ kind: "empty" });
    expect(parse("")).toEqual({ kind: "empty" });
    expect(parse("   ")).toEqual({ kind: "empty" });
  });

  test("numbers: 15 significant digits, decimals from the value", () => {
    expect(parse(356.99)).toEqual({ kind: "number", value: "356.99", decimals: 2 });
    expect(parse(1899.1899999999998)).toEqual({ kind: "number", value: "1899.19", decimals: 2 });
    expect(parse(0.1 + 0.2)).toEqual({ kind: "number", value: "0.3", decimals: 1 });
    expect(parse(60)).toEqual({ kind: "number", value: "60", decimals: 0 });
    expect(parse(-0)).toEqual({ kind: "number", value: "0", decimals: 0 });
    expect(parse(12.345678)).toEqual({ kind: "number", value: "12.345678", decimals: 6 });
    expect(parse(-5.1)).toEqual({ kind: "number", value: "-5.1", decimals: 1 });
    expect(parse(19560000)).toEqual({ kind: "number", value: "19560000", decimals: 0 });
  });

  test("a number format adds no decimals to the value", () => {
    expect(parse(60, "0.00")).toEqual({ kind: "number", value: "60", decimals: 0 });
    expect(parse(37.2, "#,##0.00")).toEqual({ kind: "number", value: "37.2", decimals: 1 });
  });

  test("numeric text: the value is certain, decimals as typed", () => {
    expect(parse("356.99")).toEqual({ kind: "text-number", value: "356.99", decimals: 2, text: "356.99" });
    expect(parse(" 1,278.00 ")).toEqual({ kind: "text-number", value: "1278", decimals: 2, text: "1,278.00" });
    expect(parse("0.000000")).toEqual({ kind: "text-number", value: "0", decimals: 6, text: "0.000000" });
    expect(parse("３５６．９９")).toEqual({ kind: "text-number", value: "356.99", decimals: 2, text: "３５６．９９" });
    expect(parse("-5.10")).toEqual({ kind: "text-number", value: "-5.1", decimals: 2, text: "-5.10" });
    expect(parse(".5")).toEqual({ kind: "text-number", value: "0.5", decimals: 1, text: ".5" });
  });

  test("text: lookalike letters give a suggestion, units do not", () => {
    expect(parse("O.00")).toEqual({ kind: "text", text: "O.00", suggested: "0" });
    expect(parse("1O0")).toEqual({ kind: "text", text: "1O0", suggested: "100" });
    expect(parse("2l.5")).toEqual({ kind: "text", text: "2l.5", suggested: "21.5" });
    expect(parse("854万")).toEqual({ kind: "text", text: "854万", number: "854", unit: "万" });
    expect(parse("356.99元")).toEqual({ kind: "text", text: "356.99元", number: "356.99", unit: "元" });
    expect(parse("¥1,278.00")).toEqual({ kind: "text", text: "¥1,278.00", number: "1278", unit: "¥" });
    expect(parse("无")).toEqual({ kind: "text", text: "无" });
    expect(parse("O")).toEqual({ kind: "text", text: "O" });
    expect(parse("1,27,8")).toEqual({ kind: "text", text: "1,27,8" });
  });

  // 宁乡坝塘 2021 prints its funding as "label:amount" inside one cell.
  test("text: a label and its amount in one cell are read, the cell stays text", () => {
    expect(parse("财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)")).toEqual({
      kind: "text",
      text: "财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)",
      label: "财政拨款",
      number: "6923.3552",
      unit: "万元",
    });
    expect(parse("三、其他:3683.3970万元")).toMatchObject({ label: "其他", number: "3683.397", unit: "万元" });
    expect(parse("1.中央资金：50.29")).toMatchObject({ label: "中央资金", number: "50.29", unit: "" });
    expect(parse("其他资金:1,200元")).toMatchObject({ label: "其他资金", number: "1200", unit: "元" });
    // Not one labelled amount: words after it, two amounts, no label.
    expect(parse("财政拨款:50万元，其他:10万元")).toEqual({ kind: "text", text: "财政拨款:50万元，其他:10万元" });
    expect(parse("财政拨款:约50万元")).toEqual({ kind: "text", text: "财政拨款:约50万元" });
    expect(parse(":50万元")).toEqual({ kind: "text", text: ":50万元" });
  });

  test("errors and booleans", () => {
    expect(parse({ error: "#REF!" })).toEqual({ kind: "error", code: "#REF!" });
    expect(parse("#DIV/0!")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(parse(true)).toEqual({ kind: "boolean", value: true });
  });

  test("isNumeric", () => {
    expect(isNumeric(parseAmount(cell(1)))).toBe(true);
    expect(isNumeric(parseAmount(cell("1")))).toBe(true);
    expect(isNumeric(parseAmount(cell("O")))).toBe(false);
    expect(isNumeric(parseAmount(cell(null)))).toBe(false);
  });
});

describe("sums and formatting", () => {
  test("0.1 + 0.2 is exactly 0.3", () => {
    const s = sumAmounts([decimalOfNumber(0.1), decimalOfNumber(0.2)]);
    expect(s.eq(decimalOfNumber(0.3))).toBe(true);
    expect(s.toString()).toBe("0.3");
  });
  test("the sample's eleven tasks add up to exactly 1899.19", () => {
    const totals = SAMPLE_2021.tasks.map((t) => decimalOfNumber(t.total as number));
    expect(sumAmounts(totals).toString()).toBe("1899.19");
    // Floating point does not always: the reason for decimals.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(totals).eq(decimalOfNumber(1899.1899999999998))).toBe(true);
  });
  test("no cents tolerance", () => {
    expect(decimalOfNumber(1899.19).eq(decimalOfNumber(1899.18))).toBe(false);
    expect(decimalOfNumber(0.01).eq(decimalOfNumber(0.011))).toBe(false);
  });
  test("sum of nothing is 0; large sums keep every digit", () => {
    expect(sumAmounts([]).toString()).toBe("0");
    expect(sumAmounts([new Decimal("123456789012345"), new Decimal("0.000000000012345")]).toString()).toBe(
      "123456789012345.000000000012345"
    );
  });
  test("formatAmount: the table's places, more when the amount has more", () => {
    expect(formatAmount(new Decimal("1899.19"), 2)).toBe("1899.19");
    expect(formatAmount(new Decimal("30"), 2)).toBe("30.00");
    expect(formatAmount(new Decimal("0.1"), 2)).toBe("0.10");
    expect(formatAmount(new Decimal("120.505"), 2)).toBe("120.505");
    expect(formatAmount(new Decimal("12.3"), 6)).toBe("12.300000");
  });
  test("formatDecimals", () => {
    expect(formatDecimals("0.00")).toBe(2);
    expect(formatDecimals("#,##0.00_ ")).toBe(2);
    expect(formatDecimals("0.000000")).toBe(6);
    expect(formatDecimals('#,##0.00"万元";[Red]-#,##0.00')).toBe(2);
    expect(formatDecimals("General")).toBeUndefined();
    expect(formatDecimals("@")).toBeUndefined();
    expect(formatDecimals("0")).toBeUndefined();
  });
});

describe("the table's amounts", () => {
  const table = (spec: TableSpec, layout: Partial<Layout> = {}, edit?: (s: SheetSnapshot) => SheetSnapshot) => {
    const sheet = tableSheet(buildTable(spec, layout).workbook);
    return readSheet(edit ? edit(sheet) : sheet).tables[0];
  };
  test("amountCells: 合计 and tasks top to bottom; a project's funding", () => {
    expect(amountCells(table(SMALL_DEPARTMENT)).map((a) => `${a.role}:${a.column}:${a.cell.address}`)).toEqual([
      "total-row:total:D6",
      "total-row:fiscal:E6",
      "total-row:other:F6",
      "task:total:D7",
      "task:fiscal:E7",
      "task:other:F7",
      "task:total:D8",
      "task:fiscal:E8",
      "task:other:F8",
      "task:total:D9",
      "task:fiscal:E9",
      "task:other:F9",
    ]);
    expect(
      amountCells(table(SMALL_DEPARTMENT, { totalPosition: "below" }))
        .map((a) => a.cell.address)
        .slice(-3)
    ).toEqual(["D9", "E9", "F9"]);
    const carry = { ...SMALL_PROJECT, funding: { total: 100, fiscal: 80, other: 10, carryover: 10 } };
    expect(amountCells(table(carry)).map((a) => `${a.column}:${a.cell.address}`)).toEqual([
      "total:D7",
      "fiscal:D8",
      "other:D9",
      "carryover:D10",
    ]);
    expect(amountCells(table(carry, { fundingLayout: "horizontal" })).map((a) => a.cell.address)).toEqual([
      "B8",
      "C8",
      "D8",
      "E8",
    ]);
  });
  test("tableDecimals: two for the sample, at least two, six when the table uses six", () => {
    expect(tableDecimals(table(SAMPLE_2021))).toBe(2);
    expect(tableDecimals(table(SMALL_DEPARTMENT, { unit: "元" }))).toBe(2);
    expect(tableDecimals(table(SMALL_DEPARTMENT, { amountsAsText: true }))).toBe(2);
    const six = (s: SheetSnapshot) =>
      withCells(s, { D7: 120.123456, E7: 100.123456, D8: 30.654321, E8: 30.654321, D6: 195.877777, E6: 170.777777 });
    expect(tableDecimals(table(SMALL_DEPARTMENT, {}, six))).toBe(6);
  });
  test("tableDecimals: a lone amount with more places does not set the count (General format)", () => {
    const general = (s: SheetSnapshot) => ({ ...s, numberFormats: s.numberFormats.map((r) => r.map(() => "General")) });
    expect(tableDecimals(table(SAMPLE_2021, {}, (s) => withCells(general(s), { F7: 0.001 })))).toBe(2);
    expect(
      tableDecimals(
        table(SAMPLE_2021, {}, (s) => withCells(general(s), { F6: 0.005, F7: 0.001, F8: 0.001, F9: 0.001, F10: 0.002 }))
      )
    ).toBe(3);
  });
});

describe("total formulas", () => {
  const cells = (f: string) => parseSimpleFormula(f)?.cells.map((c) => `${c.row + 1}:${c.col}`);
  test("SUM ranges, pieces, $ signs, cell + cell", () => {
    expect(parseSimpleFormula("=SUM(D7:D9)")).toEqual({
      style: "sum",
      cells: [
        { row: 6, col: 3 },
        { row: 7, col: 3 },
        { row: 8, col: 3 },
      ],
    });
    expect(cells("=sum($D$7:$D$8, D10)")).toEqual(["7:3", "8:3", "10:3"]);
    expect(parseSimpleFormula("=E7+F7")?.style).toBe("plus");
    expect(parseSimpleFormula("=+E7 + $F$7")?.style).toBe("plus");
    expect(parseSimpleFormula("=SUM(D7:D8)+D9")?.style).toBe("mixed");
    expect(cells("=SUM(E7:F7)")).toEqual(["7:4", "7:5"]);
  });
  test("anything else is not understood", () => {
    for (const f of [
      "=ROUND(SUM(D7:D9),2)",
      "=E7+F7+1",
      "=E7-F7",
      "=Sheet2!D7",
      "=SUM(D:D)",
      "=SUM(D7:#REF!)",
      "D7+E7",
      "=",
      "=SUM()",
      "=SUM(D1:D100000)",
      null,
    ])
      expect(parseSimpleFormula(f)).toBeUndefined();
  });
  test("building formulas", () => {
    const col = [6, 7, 8, 10].map((row) => ({ row, col: 3 }));
    expect(runs(col)).toEqual(["D7:D9", "D11"]);
    expect(sumFormula(col)).toBe("=SUM(D7:D9,D11)");
    expect(contiguous(col)).toBe(false);
    expect(contiguous(col.slice(0, 3))).toBe(true);
    expect(
      sumFormula([
        { row: 6, col: 4 },
        { row: 6, col: 5 },
      ])
    ).toBe("=SUM(E7:F7)");
    expect(
      plusFormula([
        { row: 7, col: 3 },
        { row: 8, col: 3 },
        { row: 9, col: 3 },
      ])
    ).toBe("=D8+D9+D10");
  });
});
