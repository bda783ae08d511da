/**
 * Hostile and odd input: what users will throw at the checker. Each case must get a clear answer, never a crash.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkSheet, checkWorkbook } from "../src/core/check";
import { readSheet } from "../src/core/reader";
import type { SheetSnapshot } from "../src/core/snapshot";
import { writeWorkbookFile } from "../src/xlsx/write";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { tableSheet, withCells } from "./support/edit";
import { runCli } from "./support/cli";
import { parseCell, cellAddress } from "../src/core/address";

const sample = () => tableSheet(buildTable(SAMPLE_2021).workbook);

/** Stacks snapshots (all with origin A1) on one sheet, `gap` blank rows apart. */
function stack(name: string, parts: SheetSnapshot[], gap = 3): SheetSnapshot {
  const width = Math.max(...parts.map((p) => p.values[0].length));
  const pad = <T>(row: T[], fill: T) => [...row, ...Array<T>(width - row.length).fill(fill)];
  const out: SheetSnapshot = { name, origin: "A1", values: [], formulas: [], numberFormats: [], merges: [] };
  for (const p of parts) {
    const offset = out.values.length;
    out.values.push(...p.values.map((r) => pad(r, null)));
    out.formulas.push(...p.formulas.map((r) => pad(r, null)));
    out.numberFormats.push(...p.numberFormats.map((r) => pad(r, "General")));
    out.merges.push(
      ...p.merges.map((m) =>
        m
          .split(":")
          .map((a) => {
            const c = parseCell(a);
            return cellAddress(c.row + offset, c.col);
          })
          .join(":")
      )
    );
    for (let i = 0; i < gap; i++) {
      out.values.push(Array(width).fill(null));
      out.formulas.push(Array(width).fill(null));
      out.numberFormats.push(Array(width).fill("General"));
    }
  }
  return out;
}

describe("odd sheets", () => {
  test("two tables on one sheet are read as two, each with its own range and findings", () => {
    const dept = tableSheet(buildTable(SMALL_DEPARTMENT).workbook);
    const proj = tableSheet(buildTable(SMALL_PROJECT).workbook);
    const both = stack("两张表", [dept, proj]);
    const result = checkSheet(both);
    expect(result.tables.map((t) => [t.kind, t.range])).toEqual([
      ["department", `A1:F${dept.values.length}`],
      ["project", `A${dept.values.length + 4}:F${dept.values.length + 3 + proj.values.length}`],
    ]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    // A fault in the second table is reported there, not in the first.
    const second = withCells(both, { [`D${dept.values.length + 3 + 7}`]: 91 });
    const mismatch = checkSheet(second).findings.filter((f) => f.rule === "amount/project-sum");
    expect(mismatch.map((f) => f.cell)).toEqual([`D${dept.values.length + 3 + 7}`]);
  });

  test("a used range that starts far from A1 and runs to 100,000 rows", () => {
    const s = tableSheet(buildTable(SAMPLE_2021, { origin: "K200" }).workbook);
    const rows = 100_000 - 199;
    const values = [
      ...s.values,
      ...Array.from({ length: rows - s.values.length }, () => Array(s.values[0].length).fill(null)),
    ];
    values[values.length - 1][s.values[0].length - 1] = "stray";
    const big: SheetSnapshot = {
      ...s,
      values,
      formulas: values.map((r) => r.map(() => null)),
      numberFormats: values.map((r) => r.map(() => "General")),
    };
    const result = checkSheet(big);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].range.startsWith("K200:")).toBe(true);
    expect(result.tables[0].indicators!.rows.filter((r) => r.name)).toHaveLength(
      SAMPLE_2021.indicators.filter((i) => i.name).length
    );
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("formulas that reference other sheets are left alone, not misread as a wrong range", () => {
    const s = sample();
    const t = readSheet(s).tables[0];
    const total = t.tasks!.totalRow!.total!;
    const r = parseCell(total.address);
    const o = parseCell(s.origin);
    s.formulas[r.row - o.row][r.col - o.col] = "='2020年'!D6+'2020年'!D7";
    const result = checkSheet(s);
    expect(result.findings.filter((f) => f.rule === "amount/formula-range")).toEqual([]);
  });

  test("a circular 合计 that sums itself is flagged at its cell", () => {
    const s = sample();
    const t = readSheet(s).tables[0];
    const total = t.tasks!.totalRow!.total!;
    const last = t.tasks!.rows[t.tasks!.rows.length - 1].total!;
    const r = parseCell(total.address);
    const o = parseCell(s.origin);
    s.formulas[r.row - o.row][r.col - o.col] = `=SUM(${total.address}:${last.address})`;
    s.values[r.row - o.row][r.col - o.col] = 0;
    const found = checkSheet(s)
      .findings.filter((f) => f.cell === total.address)
      .map((f) => f.rule);
    expect(found).toContain("amount/formula-range");
  });

  test("#REF! in every amount and value is reported cell by cell, never thrown", () => {
    const s = sample();
    const t = readSheet(s).tables[0];
    const cells = [
      ...t.tasks!.rows.flatMap((x) => [x.total!, x.fiscal!, x.other!]),
      ...t.indicators!.rows.flatMap((x) => (x.value ? [x.value] : [])),
    ];
    const broken = withCells(s, Object.fromEntries(cells.map((c) => [c.address, { error: "#REF!" }])));
    const result = checkSheet(broken);
    const amountErrors = result.findings.filter((f) => f.rule === "amount/not-a-number").map((f) => f.cell);
    for (const x of t.tasks!.rows) expect(amountErrors).toContain(x.fiscal!.address);
    expect(result.findings.length).toBeGreaterThan(cells.length / 2);
  });

  test("a workbook of forty sheets with one table finds it and stays quiet about the others", () => {
    const filler = (i: number): SheetSnapshot => ({
      name: `附表${i}`,
      origin: "A1",
      values: [["说明"], [`第${i}页`]],
      formulas: [[null], [null]],
      numberFormats: [["General"], ["General"]],
      merges: [],
    });
    const sheets = [
      ...Array.from({ length: 20 }, (_, i) => filler(i)),
      sample(),
      ...Array.from({ length: 19 }, (_, i) => filler(i + 20)),
    ];
    const result = checkWorkbook({ sheets });
    expect(result.tables.map((t) => t.sheet)).toEqual([sample().name]);
    expect(result.findings.every((f) => f.sheet === sample().name)).toBe(true);
  });
});

describe("files the CLI refuses, with a clear message", () => {
  let dir: string;
  // Without LibreOffice (GOALTABLE_SOFFICE=none): .xls and .ods are refused; with it they are converted
  // (test/cli-report.test.ts).
  const soffice = process.env.GOALTABLE_SOFFICE;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-hostile-"));
    process.env.GOALTABLE_SOFFICE = "none";
  });
  afterAll(async () => {
    if (soffice === undefined) delete process.env.GOALTABLE_SOFFICE;
    else process.env.GOALTABLE_SOFFICE = soffice;
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const { code, stdout, stderr } = await runCli(argv);
    expect(stdout + stderr).not.toMatch(/\n\s+at /); // no stack trace
    return { code, out: stdout + stderr };
  }

  const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  test.each([
    [
      "a password-protected workbook",
      "secret.xlsx",
      Buffer.concat([CFB, Buffer.alloc(512), Buffer.from("EncryptedPackage", "utf16le")]),
      /密码/,
    ],
    ["an old .xls", "old.xls", Buffer.concat([CFB, Buffer.alloc(512)]), /另存为 \.xlsx/],
    ["a .csv", "table.csv", Buffer.from("任务名称,总额\n保障运转,10\n"), /另存为 \.xlsx/],
    [
      "an .ods",
      "table.ods",
      Buffer.concat([
        Buffer.from("PK\x03\x04", "latin1"),
        Buffer.alloc(26),
        Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
      ]),
      /另存为 \.xlsx/,
    ],
    [
      "a zip that is not a workbook",
      "fake.xlsx",
      Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(200, 7)]),
      /不是有效的 \.xlsx/,
    ],
  ])("%s", async (_name, file, bytes, message) => {
    const f = path.join(dir, file);
    await fs.writeFile(f, bytes);
    const r = await cli("check", f);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
  });

  test("a huge file is refused before it is read", async () => {
    const f = path.join(dir, "huge.xlsx");
    const h = await fs.open(f, "w");
    await h.truncate(60 * 1024 * 1024); // sparse: costs no disk
    await h.close();
    const r = await cli("check", f);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/50 MB|过大|太大/);
  });

  test("a bad file does not stop the good ones", async () => {
    const good = path.join(dir, "good.xlsx");
    await writeWorkbookFile(buildTable(SAMPLE_2021).workbook, good);
    const bad = path.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "not a workbook");
    const r = await cli("check", bad, good, "--format", "json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out.slice(r.out.indexOf("{")));
    expect(
      json.files.map((x: { error: string | null; tables: unknown[] }) => [x.error !== null, x.tables.length])
    ).toEqual([
      [true, 0],
      [false, 1],
    ]);
  });
});

describe("a table split over two sheets", () => {
  const whole = tableSheet(buildTable(SAMPLE_2021).workbook);
  const header = readSheet(whole).tables[0].indicators!.header.row; // 0-based row of 一级指标
  const cut = (from: number, to: number, name: string): SheetSnapshot => ({
    name,
    origin: "A1",
    values: whole.values.slice(from, to),
    formulas: whole.formulas.slice(from, to),
    numberFormats: whole.numberFormats.slice(from, to),
    merges: [],
  });

  test("is checked as one table, with one warning instead of a pile of 'missing' errors", () => {
    const result = checkWorkbook({ sheets: [cut(0, header, "第1页"), cut(header, whole.values.length, "第2页")] });
    expect(result.tables).toHaveLength(2);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    const split = result.findings.filter((f) => f.rule === "structure/split-table");
    expect(split.map((f) => [f.sheet, f.cell])).toEqual([["第2页", "B1"]]);
    expect(split[0].message.zh).toMatch(/第1页/);
  });

  test("two sheets that are not parts of one table are not joined", () => {
    const result = checkWorkbook({ sheets: [whole, cut(header, whole.values.length, "只有指标")] });
    expect(result.findings.filter((f) => f.rule === "structure/split-table")).toEqual([]);
    expect(result.findings.filter((f) => f.rule === "structure/missing-name").map((f) => f.sheet)).toEqual([
      "只有指标",
    ]);
  });
});
