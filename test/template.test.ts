/**
 * The new-year template (src/core/template): its layout read back by the core reader, the checker's verdict on a
 * blank and on a prefilled template, the .xlsx writer, and the `goaltable template` command.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./support/cli";
import { checkSheet, checkWorkbook } from "../src/core/check";
import type { Finding } from "../src/core/finding";
import type { GoalTable, IndicatorForm, TableKind } from "../src/core/model";
import { readSheet } from "../src/core/reader";
import type { SheetSnapshot } from "../src/core/snapshot";
import {
  isBlankTable,
  makeTemplate,
  pickPrefill,
  planNewYear,
  templateToSnapshot,
  EMPTY_ROWS_PER_LEVEL2,
  EMPTY_TASK_ROWS,
  type TemplateSheet,
} from "../src/core/template";
import { evaluate } from "../src/core/template/snapshot";
import { LEVEL1, LEVEL2 } from "../src/core/taxonomy";
import { readWorkbookFile } from "../src/xlsx/read";
import { FileExistsError, templateToBuffer, writeTemplateFile } from "../src/xlsx/template";
import { buildTable } from "./builder/layout";
import type { DepartmentSpec } from "./builder/spec";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { SMALL_PROJECT } from "./fixtures/small";

const KINDS: TableKind[] = ["department", "project"];
const FORMS: IndicatorForm[] = ["merged", "split"];
const COMBOS = KINDS.flatMap((kind) => FORMS.map((form) => [kind, form] as const));
const SAMPLE_FILE = path.join(__dirname, "..", "samples", "2021-urho-organization-dept.xlsx");

/** The standard 一级 › 二级 pairs of the taxonomy (成本指标 as a 一级 of its own is optional, not in the template). */
const STANDARD_PAIRS = LEVEL1.filter((d) => d.key !== "cost").flatMap((d) =>
  d.children.map((k) => `${d.name}›${LEVEL2.find((l) => l.key === k)!.name}`)
);

function readBack(t: TemplateSheet): GoalTable {
  const reading = readSheet(templateToSnapshot(t));
  expect(reading.tables).toHaveLength(1);
  return reading.tables[0];
}

function pairs(table: GoalTable): string[] {
  const out: string[] = [];
  for (const r of table.indicators?.rows ?? []) {
    const p = `${r.level1?.text}›${r.level2?.text}`;
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

function errors(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error");
}

/** Last year's table as a user has it: laid out by the builder, read by the reader. */
function sampleTable(spec: DepartmentSpec | typeof SMALL_PROJECT = SAMPLE_2021, form: IndicatorForm = "merged") {
  return readSheet(buildTable(spec, { indicatorForm: form }).workbook.sheets[0]).tables[0];
}

/** A copy of the snapshot with cells set (absolute A1 addresses; the template starts at A1). */
function withCells(s: SheetSnapshot, cells: Record<string, string | number>): SheetSnapshot {
  const copy: SheetSnapshot = { ...s, values: s.values.map((r) => [...r]) };
  for (const [address, v] of Object.entries(cells)) {
    const m = /^([A-Z])([0-9]+)$/.exec(address)!;
    copy.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = v;
  }
  return copy;
}

describe("a blank template", () => {
  it.each(COMBOS)("%s, %s form: reads back as the table that was asked for", (kind, form) => {
    const t = makeTemplate({ kind, year: 2022, form });
    const table = readBack(t);
    expect(table.kind).toBe(kind);
    expect(table.year?.value).toBe(2022);
    expect(table.title?.text).toBe(kind === "department" ? "部门（单位）整体支出绩效目标表" : "项目支出绩效目标表");
    expect(table.unit).toBe("万元");
    expect(table.name?.label.text).toBe(kind === "department" ? "部门（单位）名称" : "项目名称");
    expect(table.name?.value?.text ?? "").toBe("");
    expect(table.indicators?.form).toBe(form);
    expect(pairs(table)).toEqual(STANDARD_PAIRS);
    expect(table.indicators!.rows.some((r) => r.name)).toBe(false);
    const first = table.indicators!.header.row + 1;
    const last = Number(/[0-9]+$/.exec(t.range)![0]) - 1;
    expect(last - first + 1).toBe(STANDARD_PAIRS.length * EMPTY_ROWS_PER_LEVEL2);
    // The empty 三级 rows are laid out under each 二级, with 一级/二级 merged down over them.
    const l2Merges = t.merges.filter((m) => table.indicators!.rows.some((r) => m.startsWith(r.level2!.address + ":")));
    expect(l2Merges).toHaveLength(STANDARD_PAIRS.length);
    expect(t.cells.length).toBe(t.columnWidths.length * (Number(/[0-9]+$/.exec(t.range)![0]) || 0));
    expect(t.name).toBe(kind === "department" ? "2022年绩效目标表" : "2022年项目绩效目标表");
    expect(t.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: 1, fitToHeight: 0 });
    expect(table.indicators!.header.row + 1).toBe(Number(t.print.printTitleRows.split(":")[0]));
  });

  it.each(FORMS)("department, %s form: 合计 sums the tasks and each 总额 adds 财政拨款 and 其他资金", (form) => {
    const table = readBack(makeTemplate({ kind: "department", year: 2022, form }));
    const tasks = table.tasks!;
    expect(tasks.rows).toHaveLength(EMPTY_TASK_ROWS);
    expect(tasks.totalPosition).toBe("above");
    const first = tasks.rows[0].row + 1;
    const last = tasks.rows[tasks.rows.length - 1].row + 1;
    for (const key of ["total", "fiscal", "other"] as const) {
      const col = tasks.totalRow![key]!.address.replace(/[0-9]+$/, "");
      expect(tasks.totalRow![key]!.formula).toBe(`=SUM(${col}${first}:${col}${last})`);
      expect(tasks.totalRow![key]!.value).toBe(0);
      expect(tasks.totalRow![key]!.format).toBe("0.00");
    }
    for (const r of tasks.rows) {
      expect(r.total!.formula).toBe(`=${r.fiscal!.address}+${r.other!.address}`);
      expect(r.fiscal!.format).toBe("0.00");
      expect(r.fiscal!.text).toBe("");
    }
    if (form === "merged") expect(tasks.rows[0].total!.formula).toBe("=F7+G7");
  });

  it.each(FORMS)("project, %s form: 年度资金总额 adds 财政拨款, 其他资金 and 上年结转资金", (form) => {
    const table = readBack(makeTemplate({ kind: "project", year: 2023, form }));
    const f = table.funding!;
    expect(f.label?.text).toBe("资金情况（万元）");
    const parts = [f.fiscal!.value!.address, f.other!.value!.address, f.carryover!.value!.address];
    expect(f.total!.value!.formula).toBe(`=${parts.join("+")}`);
    expect(table.project!.department?.label.text).toBe("主管部门");
    expect(table.project!.implementer?.label.text).toBe("实施单位");
    expect(table.project!.attribute?.label.text).toBe("项目属性");
    expect(table.project!.period?.label.text).toBe("项目期");
    expect(table.project!.manager?.label.text).toBe("项目负责人及电话");
    expect(table.goals.map((g) => g.kind)).toEqual(["mid-term", "annual"]);
  });

  it("has dropdowns for 一级/二级, and in the split form for 指标性质, 指标方向 and 计算符号", () => {
    const merged = makeTemplate({ kind: "department", year: 2022, form: "merged" });
    expect(merged.dataValidations.map((v) => v.list)).toEqual([
      ["产出指标", "效益指标", "满意度指标"],
      LEVEL2.filter((l) => STANDARD_PAIRS.some((p) => p.endsWith(`›${l.name}`))).map((l) => l.name),
    ]);
    const split = makeTemplate({ kind: "project", year: 2022, form: "split" });
    expect(split.dataValidations.slice(2).map((v) => v.list)).toEqual([
      ["定量", "定性"],
      ["正向", "反向"],
      ["≥", "＞", "＝", "＜", "≤", "定性"],
    ]);
    const table = readBack(split);
    const rows = table.indicators!.rows;
    const col = (c: number | undefined) => String.fromCharCode(65 + c!);
    const range = (c: number | undefined) => `${col(c)}${rows[0].row + 1}:${col(c)}${rows[rows.length - 1].row + 2}`;
    expect(split.dataValidations.map((v) => v.range)).toEqual(
      (["level1", "level2", "nature", "direction", "operator"] as const).map((k) => range(table.indicators!.columns[k]))
    );
  });

  it.each(COMBOS)("%s, %s form: the checker reports no error, only that the table is to be filled", (kind, form) => {
    const result = checkWorkbook({ sheets: [templateToSnapshot(makeTemplate({ kind, year: 2022, form }))] });
    expect(result.tables).toHaveLength(1);
    expect(isBlankTable(result.tables[0])).toBe(true);
    expect(errors(result.findings)).toEqual([]);
    // One "to be filled" note for the whole table, and one "二级 without 三级" note per 二级.
    expect(result.findings.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual([
      "structure/to-be-filled",
    ]);
    expect(result.findings.filter((f) => f.severity === "info").map((f) => f.rule)).toEqual(
      STANDARD_PAIRS.map(() => "taxonomy/empty-level2")
    );
  });

  it("is no longer blank once anything is typed in: the structure rules apply again", () => {
    const t = makeTemplate({ kind: "department", year: 2022, form: "merged" });
    const name = readBack(t).name!.value!.address;
    const check = checkSheet(withCells(templateToSnapshot(t), { [name]: "中共乌尔禾区委组织部" }));
    expect(isBlankTable(check.tables[0])).toBe(false);
    expect(errors(check.findings).map((f) => f.rule)).toEqual([
      "structure/missing-goal",
      "structure/missing-indicators",
    ]);
    const table = readBack(t);
    const amount = checkSheet(withCells(templateToSnapshot(t), { [table.tasks!.rows[0].fiscal!.address]: 12 }));
    expect(errors(amount.findings).map((f) => f.rule)).toEqual(
      expect.arrayContaining(["structure/missing-name", "structure/missing-goal", "structure/missing-indicators"])
    );
  });

  it("keeps reporting a missing label or header: only empty cells wait to be filled", () => {
    const t = makeTemplate({ kind: "department", year: 2022, form: "merged" });
    const label = readBack(t).name!.label.address;
    const check = checkSheet(withCells(templateToSnapshot(t), { [label]: "备注" }));
    expect(errors(check.findings).map((f) => f.rule)).toEqual(["structure/missing-name"]);
  });

  it("says the budget year, and refuses a year that is not one", () => {
    expect(makeTemplate({ kind: "department", year: 2031, form: "merged" }).cells[7].value).toBe("（2031 年）");
    expect(() => makeTemplate({ kind: "department", year: 31, form: "merged" })).toThrow(RangeError);
  });
});

describe("a template prefilled from last year's table", () => {
  it.each(FORMS)("carries the name, tasks (without amounts), goal and indicators of the 2021 sample (%s)", (form) => {
    const source = sampleTable();
    const t = makeTemplate({ kind: "department", year: 2022, form, prefill: source });
    const table = readBack(t);
    expect(table.year?.value).toBe(2022);
    expect(table.name?.value?.text).toBe("中共乌尔禾区委组织部");
    expect(table.tasks!.rows.map((r) => [r.name?.text, r.content?.text])).toEqual(
      SAMPLE_2021.tasks.map((x) => [x.name, x.content])
    );
    for (const r of table.tasks!.rows) {
      expect(r.fiscal!.text).toBe("");
      expect(r.other!.text).toBe("");
      expect(r.total!.formula).toBe(`=${r.fiscal!.address}+${r.other!.address}`);
    }
    expect(table.tasks!.totalRow!.total!.formula).toMatch(/^=SUM\(/);
    expect(table.goals[0].value?.text).toBe(SAMPLE_2021.goal);
    // Every named indicator, in order, under its canonical 一级/二级 (服务对象满意度指 becomes 服务对象满意度指标).
    const named = table.indicators!.rows.filter((r) => r.name);
    expect(named.map((r) => r.name!.text)).toEqual(SAMPLE_2021.indicators.filter((i) => i.name).map((i) => i.name));
    expect(named.map((r) => r.level2!.text)).toEqual(
      SAMPLE_2021.indicators.filter((i) => i.name).map((i) => i.level2.replace(/满意度指$/, "满意度指标"))
    );
    expect(pairs(table)).toEqual(STANDARD_PAIRS);
    // Values are left for the new year.
    expect(named.every((r) => r.value!.text === "")).toBe(true);
  });

  it("reports no error: this year's amounts, and the values unless kept, are 'to be filled' once each", () => {
    const source = sampleTable();
    const named = SAMPLE_2021.indicators.filter((i) => i.name).length;
    for (const keepValues of [false, true]) {
      const t = makeTemplate({ kind: "department", year: 2022, form: "merged", prefill: source, keepValues });
      const snapshot = templateToSnapshot(t);
      const check = checkSheet(snapshot);
      const table = check.tables[0];
      const amountCells = table.tasks!.rows.flatMap((r) => [r.fiscal!.address, r.other!.address]);
      expect(errors(check.findings)).toEqual([]);
      const toFill = check.findings.filter((f) => f.rule === "structure/to-be-filled");
      expect(toFill.map((f) => [f.cell, ...f.related])).toEqual(
        keepValues ? [amountCells] : [amountCells, expect.arrayContaining([expect.any(String)])]
      );
      if (!keepValues) expect(toFill[1].related).toHaveLength(named - 1);
      expect(check.findings.filter((f) => f.severity === "warning")).toEqual(toFill);
      // One amount typed in: the others are now checked cell by cell.
      const started = checkSheet(withCells(snapshot, { [amountCells[0]]: 10 }));
      expect(errors(started.findings).filter((f) => f.rule === "amount/not-a-number")).toHaveLength(
        amountCells.length - 1
      );
      // With this year's amounts typed in (and the values kept), nothing is left to report but the info notes.
      if (keepValues) {
        const filled = withCells(snapshot, Object.fromEntries(amountCells.map((a) => [a, 0])));
        expect(checkSheet(filled).findings.filter((f) => f.severity !== "info")).toEqual([]);
      }
    }
  });

  it.each([
    ["merged", "split"],
    ["split", "merged"],
  ] as const)("keeps the values on request, converting the %s form to the %s form", (from, to) => {
    // The builder splits a date into = | 2022 | 年12月31日前; a real split table writes it as 定性 text.
    const spec = { ...SMALL_PROJECT, indicators: SMALL_PROJECT.indicators.filter((i) => !/日前$/.test(i.value!)) };
    const source = sampleTable(spec, from);
    const t = makeTemplate({ kind: "project", year: 2023, form: to, prefill: source, keepValues: true });
    const table = readBack(t);
    expect(table.project!.department?.value?.text).toBe(SMALL_PROJECT.department);
    expect(table.project!.implementer?.value?.text).toBe(SMALL_PROJECT.implementer);
    expect(table.project!.attribute?.value?.text).toBe(SMALL_PROJECT.attribute);
    expect(table.project!.period?.value?.text).toBe(SMALL_PROJECT.period);
    expect(table.project!.manager?.value?.text).toBe(SMALL_PROJECT.manager);
    expect(table.funding!.fiscal!.value!.text).toBe("");
    expect(table.goals.map((g) => g.value?.text)).toEqual([SMALL_PROJECT.goals.midTerm, SMALL_PROJECT.goals.annual]);
    const rows = table.indicators!.rows.filter((r) => r.name);
    if (to === "split") {
      const first = rows[0];
      expect([first.nature, first.direction, first.operator, first.value, first.unit].map((c) => c?.value)).toEqual([
        "定量",
        "正向",
        "≥",
        120,
        "公里",
      ]);
      expect(rows[3].operator?.text).toBe("定性");
      expect(rows[3].value?.text).toBe("有效改善");
    } else {
      expect(rows.map((r) => r.value?.text)).toEqual(spec.indicators.map((i) => i.value));
    }
    // The values came along; only this year's funding is left to fill in.
    const check = checkWorkbook({ sheets: [templateToSnapshot(t)] });
    expect(check.findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual(["structure/to-be-filled"]);
  });

  it("keeps unknown 一级/二级 names where they were, after the standard groups", () => {
    const spec: DepartmentSpec = {
      ...SAMPLE_2021,
      indicators: [
        { level1: "产出指标", level2: "数量指标", name: "培训人次", value: "≥100人次" },
        { level1: "产出指标", level2: "其他产出", name: "宣传册", value: "≥500份" },
        { level1: "成本指标", level2: "经济成本指标", name: "人均成本", value: "≤0.2万元" },
        { level1: "效益指标", level2: "环境效益指标", name: "绿化面积", value: "≥100平方米" },
        { level1: "自选指标", level2: "特色指标", name: "创新做法", value: "≥1项" },
      ],
    };
    const table = readBack(
      makeTemplate({ kind: "department", year: 2022, form: "merged", prefill: sampleTable(spec) })
    );
    const named = table.indicators!.rows.filter((r) => r.name);
    expect(named.map((r) => `${r.level1!.text}›${r.level2!.text}›${r.name!.text}`)).toEqual([
      "产出指标›数量指标›培训人次",
      "产出指标›其他产出›宣传册",
      "成本指标›经济成本指标›人均成本",
      "效益指标›生态效益指标›绿化面积",
      "自选指标›特色指标›创新做法",
    ]);
    const order = pairs(table).map((p) => p.split("›")[0]);
    expect([...new Set(order)]).toEqual(["产出指标", "成本指标", "效益指标", "满意度指标", "自选指标"]);
  });

  it("writes carried text as text: a task named =1+1 is not a formula", () => {
    const spec: DepartmentSpec = {
      ...SAMPLE_2021,
      tasks: [{ name: "=1+1", content: "+86 电话", total: 1, fiscal: 1, other: 0 }],
    };
    const t = makeTemplate({ kind: "department", year: 2022, form: "merged", prefill: sampleTable(spec) });
    const cell = t.cells.find((c) => c.value === "=1+1")!;
    expect(cell.formula).toBeUndefined();
    const task = readBack(t).tasks!.rows[0];
    expect(task.name).toMatchObject({ text: "=1+1", formula: null, value: "=1+1" });
    expect(task.content?.text).toBe("+86 电话");
  });
});

describe("templateToSnapshot", () => {
  it("evaluates the template's sums, empty cells counting 0", () => {
    const cells: Record<string, number> = { E7: 1.1, F7: 2.2, E8: 3 };
    const valueOf = (a: string) => cells[a] ?? 0;
    expect(evaluate("=E7+F7", valueOf)).toBe(3.3);
    expect(evaluate("=SUM(E7:F8)", valueOf)).toBe(6.3);
    expect(evaluate("=SUM(E9:E12)+E7", valueOf)).toBe(1.1);
    expect(() => evaluate("=AVERAGE(E7:E8)", valueOf)).toThrow(/unsupported/);
  });

  it("names the sheet as asked, with the template's merges and number formats", () => {
    const t = makeTemplate({ kind: "department", year: 2022, form: "merged" });
    const s = templateToSnapshot(t, "Sheet1");
    expect(s.name).toBe("Sheet1");
    expect(s.origin).toBe("A1");
    expect(s.merges).toEqual(t.merges);
    expect(s.values).toHaveLength(Number(/[0-9]+$/.exec(t.range)![0]));
    expect(s.numberFormats[5]).toContain("0.00");
  });
});

describe("the .xlsx writer", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-template-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes styles, merges, widths, dropdowns and the page setup", async () => {
    const t = makeTemplate({ kind: "department", year: 2022, form: "split" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateToBuffer(t)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("2022年绩效目标表")!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: t.print.printTitleRows,
    });
    expect(ws.columns.map((c) => c.width)).toEqual(t.columnWidths);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    const table = readBack(t);
    const header = table.tasks!.header.address;
    expect(ws.getCell(header).font?.bold).toBe(true);
    expect(ws.getCell(header).alignment).toMatchObject({ wrapText: true, horizontal: "center" });
    expect(ws.getCell(header).border?.top?.style).toBe("thin");
    expect(ws.getCell(header).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    const fiscal = table.tasks!.rows[0].fiscal!.address;
    expect(ws.getCell(fiscal).numFmt).toBe("0.00");
    expect(ws.getCell(fiscal).border?.right?.style).toBe("thin");
    // (The cached result 0 is in the file; exceljs drops a 0 result when it reads it back.)
    expect(ws.getCell(table.tasks!.totalRow!.total!.address).value).toMatchObject({
      formula: expect.stringMatching(/^SUM\(/),
    });
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const level1 = model[table.indicators!.rows[0].level1!.address];
    expect(level1).toMatchObject({ type: "list", formulae: ['"产出指标,效益指标,满意度指标"'], errorStyle: "warning" });
    expect(Object.values(model).some((v) => v.formulae[0] === '"≥,＞,＝,＜,≤,定性"')).toBe(true);
    const merges = (ws as unknown as { _merges: Record<string, unknown> })._merges;
    expect(Object.keys(merges)).toHaveLength(t.merges.length);
  });

  it("refuses to overwrite an existing file unless asked to", async () => {
    const t = makeTemplate({ kind: "project", year: 2022, form: "merged" });
    const file = path.join(dir, "exists.xlsx");
    await fs.writeFile(file, "keep me");
    await expect(writeTemplateFile(t, file)).rejects.toBeInstanceOf(FileExistsError);
    expect(await fs.readFile(file, "utf8")).toBe("keep me");
    await writeTemplateFile(t, file, { overwrite: true });
    expect((await readWorkbookFile(file)).sheets[0].name).toBe("2022年项目绩效目标表");
  });

  it("round trip: check the 2021 sample → template for 2022 → check again, through .xlsx files", async () => {
    const before = await readWorkbookFile(SAMPLE_FILE);
    const first = checkWorkbook(before);
    expect(errors(first.findings)).toEqual([]);
    const last = first.tables[0];
    expect(last.year?.value).toBe(2021);

    const file = path.join(dir, "2022.xlsx");
    const t = makeTemplate({ kind: last.kind, year: last.year!.value + 1, form: "merged", prefill: last });
    await writeTemplateFile(t, file);
    const after = checkWorkbook(await readWorkbookFile(file));
    expect(after.tables).toHaveLength(1);
    const table = after.tables[0];
    expect(table).toMatchObject({ kind: "department", sheet: "2022年绩效目标表", year: { value: 2022 } });
    expect(table.name?.value?.text).toBe(last.name?.value?.text);
    expect(table.tasks!.rows.map((r) => r.name?.text)).toEqual(last.tasks!.rows.map((r) => r.name?.text));
    expect(table.indicators!.rows.filter((r) => r.name).map((r) => r.name!.text)).toEqual(
      last.indicators!.rows.filter((r) => r.name).map((r) => r.name!.text)
    );
    expect(table.tasks!.totalRow!.fiscal!.formula).toMatch(/^=SUM\(/);
    // No error; what is left to do, this year's amounts and indicator values, is said once each.
    expect(errors(after.findings)).toEqual([]);
    expect(after.findings.filter((f) => f.rule === "structure/to-be-filled")).toHaveLength(2);

    // Kept values: only the amounts are left.
    const kept = path.join(dir, "2022-kept.xlsx");
    await writeTemplateFile(
      makeTemplate({ kind: "department", year: 2022, form: "merged", prefill: last, keepValues: true }),
      kept
    );
    const keptCheck = checkWorkbook(await readWorkbookFile(kept));
    expect(errors(keptCheck.findings)).toEqual([]);
    expect(keptCheck.findings.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual([
      "structure/to-be-filled",
    ]);
  });

  it.each(COMBOS)("a blank %s template (%s) read back from .xlsx has no error", async (kind, form) => {
    const file = path.join(dir, `blank-${kind}-${form}.xlsx`);
    await writeTemplateFile(makeTemplate({ kind, year: 2022, form }), file);
    const check = checkWorkbook(await readWorkbookFile(file));
    expect(check.tables).toHaveLength(1);
    expect(errors(check.findings)).toEqual([]);
  });

  it("keeps a task named =1+1 as text in the file", async () => {
    const spec: DepartmentSpec = {
      ...SAMPLE_2021,
      tasks: [{ name: "=1+1", content: "x", total: 1, fiscal: 1, other: 0 }],
    };
    const file = path.join(dir, "text.xlsx");
    await writeTemplateFile(
      makeTemplate({ kind: "department", year: 2022, form: "merged", prefill: sampleTable(spec) }),
      file
    );
    const table = checkWorkbook(await readWorkbookFile(file)).tables[0];
    expect(table.tasks!.rows[0].name).toMatchObject({ text: "=1+1", formula: null });
  });
});

describe("goaltable template", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-template-cli-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const cli = (...argv: string[]) => runCli(argv, { now: () => new Date(2024, 5, 1) });

  it("writes a blank table for next year by default", async () => {
    const out = path.join(dir, "blank.xlsx");
    const r = await cli("template", "-o", out);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("2025");
    const check = checkWorkbook(await readWorkbookFile(out));
    expect(check.tables[0]).toMatchObject({ kind: "department", year: { value: 2025 }, sheet: "2025年绩效目标表" });
    expect(check.tables[0].indicators?.form).toBe("merged");
    expect(errors(check.findings)).toEqual([]);
  });

  it("takes the year, kind and form from the options", async () => {
    const out = path.join(dir, "project.xlsx");
    const r = await cli("template", "--year", "2030", "--kind", "project", "--form=split", "--output", out);
    expect(r.code).toBe(0);
    const table = checkWorkbook(await readWorkbookFile(out)).tables[0];
    expect(table).toMatchObject({ kind: "project", year: { value: 2030 } });
    expect(table.indicators?.form).toBe("split");
  });

  it("prefills from last year's workbook, for the year after it", async () => {
    const out = path.join(dir, "from.xlsx");
    const r = await cli("template", "--from", SAMPLE_FILE, "--keep-values", "-o", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Wrote the 2022 department table: .*from\.xlsx .*prefilled from '乌尔禾区委组织部' \(2021\)/
    );
    const table = checkWorkbook(await readWorkbookFile(out)).tables[0];
    expect(table.year?.value).toBe(2022);
    expect(table.name?.value?.text).toBe("中共乌尔禾区委组织部");
    expect(table.indicators!.rows.find((r) => r.name)?.value?.text).toBe("≥2次");
  });

  it("refuses to overwrite a file without --force (exit 2), and replaces it with --force", async () => {
    const out = path.join(dir, "twice.xlsx");
    await fs.writeFile(out, "old");
    const refused = await cli("template", "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/已存在，未覆盖.*--force/);
    expect(await fs.readFile(out, "utf8")).toBe("old");
    const en = await cli("template", "-o", out, "--lang", "en");
    expect(en.stderr).toMatch(/already exists and was not replaced; add --force/);
    const forced = await cli("template", "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect((await readWorkbookFile(out)).sheets).toHaveLength(1);
  });

  it("says when the workbook has no table of the kind asked for", async () => {
    const r = await cli("template", "--from", SAMPLE_FILE, "--kind", "project", "-o", path.join(dir, "none.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有找到项目支出绩效目标表/);
    const missing = await cli("template", "--from", path.join(dir, "nope.xlsx"), "-o", path.join(dir, "n.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到文件/);
  });

  it.each([
    [["template"]],
    [["template", "-o", "out.csv"]],
    [["template", "--keep-values", "-o", "out.xlsx"]],
    [["template", "--kind", "school", "-o", "out.xlsx"]],
    [["template", "--year", "22", "-o", "out.xlsx"]],
    [["template", "extra.xlsx", "-o", "out.xlsx"]],
    [["check", "--year", "2022", "x.xlsx"]],
  ])("exits 2 with a usage message for %j", async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^goaltable: /);
    expect(r.stderr).toMatch(/goaltable template/);
  });

  it("documents the command in the help", async () => {
    const r = await cli("--help", "--lang", "en");
    expect(r.stdout).toMatch(/^Usage: goaltable check/);
    expect(r.stdout).toMatch(/goaltable template \[--year N\] \[--kind department\|project\] \[--form merged\|split\]/);
    expect(r.stdout).toMatch(/--keep-values/);
    expect((await cli("--help")).stdout).toMatch(/goaltable template \[--year 年度\]/);
  });
});

describe("planNewYear: the defaults every shell shares", () => {
  const now = new Date(2030, 5, 1);

  it("takes last year's table: its year + 1, its kind and indicator form, its content", () => {
    const table = sampleTable(SAMPLE_2021, "split");
    const plan = planNewYear({ keepValues: false }, table, now);
    expect([plan.year, plan.kind, plan.form]).toEqual([2022, "department", "split"]);
    expect(plan.prefill).toBe(table);
    expect(readBack(plan.template).goals[0].value?.text).toBe(SAMPLE_2021.goal);
  });

  it("without a table: next calendar year, a blank department table, merged values", () => {
    const plan = planNewYear({}, undefined, now);
    expect([plan.year, plan.kind, plan.form, plan.prefill]).toEqual([2031, "department", "merged", undefined]);
  });

  it("what the user chose wins over the table's defaults", () => {
    const plan = planNewYear({ year: 2025, kind: "project", form: "merged" }, sampleTable(), now);
    expect([plan.year, plan.kind, plan.form, plan.template.name]).toEqual([
      2025,
      "project",
      "merged",
      "2025年项目绩效目标表",
    ]);
  });

  it("a year outside 1990–2100 throws before anything is laid out", () => {
    expect(() => planNewYear({ year: 3000 }, undefined, now)).toThrow(RangeError);
  });

  it("pickPrefill: the first table of the asked kind, else the first", () => {
    const dept = sampleTable();
    const proj = sampleTable(SMALL_PROJECT);
    expect(pickPrefill([dept, proj], "project")).toBe(proj);
    expect(pickPrefill([dept], "project")).toBe(dept);
    expect(pickPrefill([proj, dept])).toBe(proj);
    expect(pickPrefill([])).toBeUndefined();
  });
});
