/**
 * `check --report 审核汇总.xlsx`: the reviewer's summary workbook, written with exceljs (a new workbook, so nothing of
 * anyone's is re-serialised).
 *  - 汇总: one row per table (file, sheet, 部门/项目名称, kind, year, total budget, errors, warnings, accepted,
 *    status 通过 / 需修改 / 无法读取), a row per file with no table, and a row per file that could not be read, with
 *    the reason;
 *  - 问题清单: one row per finding (file, sheet, cell, severity, rule, message, accepted reason), the cell a link
 *    into the marked copy when there is one.
 * Header row frozen, autofilter on both sheets, widths set, severity and status fills.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { parseCell, parseRange, stripSheet } from "../core/address";
import type { Finding, Lang, Severity } from "../core/finding";
import { MARK_COLORS } from "../core/marks";
import { sheetLocation } from "../xlsx/annotate";
import { SEVERITY_WORDS, type FileResult, type TableFacts } from "./output";

export type Status = "pass" | "fix" | "unreadable";

export const STATUS_WORDS: Record<Status, { zh: string; en: string }> = {
  pass: { zh: "通过", en: "pass" },
  fix: { zh: "需修改", en: "needs changes" },
  unreadable: { zh: "无法读取", en: "unreadable" },
};

const STATUS_COLORS: Record<Status, { fill: string; font: string }> = {
  pass: { fill: "#C6EFCE", font: "#006100" },
  fix: MARK_COLORS.error,
  unreadable: { fill: "#D9D9D9", font: "#3F3F3F" },
};

export const SUMMARY_SHEET = { zh: "汇总", en: "Summary" };
export const FINDINGS_SHEET = { zh: "问题清单", en: "Findings" };

const SUMMARY_COLUMNS: { zh: string; en: string; width: number }[] = [
  { zh: "文件", en: "File", width: 26 },
  { zh: "工作表", en: "Sheet", width: 20 },
  { zh: "部门/项目名称", en: "Department / project", width: 20 },
  { zh: "类型", en: "Kind", width: 12 },
  { zh: "年度", en: "Year", width: 6 },
  { zh: "预算总额", en: "Total budget", width: 12 },
  { zh: "单位", en: "Unit", width: 6 },
  { zh: "错误", en: "Errors", width: 7 },
  { zh: "警告", en: "Warnings", width: 7 },
  { zh: "已接受", en: "Accepted", width: 7 },
  { zh: "状态", en: "Status", width: 9 },
  { zh: "说明", en: "Note", width: 44 },
];

const FINDING_COLUMNS: { zh: string; en: string; width: number }[] = [
  { zh: "文件", en: "File", width: 36 },
  { zh: "工作表", en: "Sheet", width: 18 },
  { zh: "单元格", en: "Cell", width: 10 },
  { zh: "严重程度", en: "Severity", width: 10 },
  { zh: "规则", en: "Rule", width: 28 },
  { zh: "问题说明", en: "Message", width: 70 },
  { zh: "已接受（理由）", en: "Accepted (reason)", width: 30 },
];

const KIND_SHORT: Record<TableFacts["kind"], { zh: string; en: string }> = {
  department: { zh: "部门整体支出", en: "department" },
  project: { zh: "项目支出", en: "project" },
};

export interface ReportOptions {
  lang: Lang;
  /** Where the report is written: links are relative to its folder. */
  reportPath: string;
  /** The marked copy of each file (by the file's path as given), when --annotate wrote one. */
  marked?: Map<string, string>;
}

/** One table's row (or a file's, when it has no table or could not be read). */
interface SummaryRow {
  file: string;
  table?: TableFacts;
  sheet: string;
  errors: number;
  warnings: number;
  accepted: number;
  status: Status;
  note: string;
}

/** The index of the table a finding belongs to: the table on its sheet whose range holds its cell, else the first. */
function tableOf(f: Finding, tables: TableFacts[]): number {
  const onSheet = tables.map((t, i) => ({ t, i })).filter(({ t }) => t.sheet === f.sheet);
  if (onSheet.length === 0) return -1;
  try {
    const p = parseCell(stripSheet(f.cell).replace(/\$/g, "").split(":")[0]);
    for (const { t, i } of onSheet) {
      const r = parseRange(t.range);
      if (p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right) return i;
    }
  } catch {
    // not a cell: the first table of the sheet
  }
  return onSheet[0].i;
}

/** The summary rows of one file. Exported for tests. */
export function summaryRows(r: FileResult, lang: Lang): SummaryRow[] {
  if (r.error) {
    return [
      { file: r.file, sheet: "", errors: 0, warnings: 0, accepted: 0, status: "unreadable", note: r.error[lang] },
    ];
  }
  const note = r.note ? r.note[lang] : "";
  const rows: SummaryRow[] = r.tables.map((t) => ({
    file: r.file,
    table: t,
    sheet: t.sheet,
    errors: 0,
    warnings: 0,
    accepted: 0,
    status: "pass" as Status,
    note,
  }));
  /** Findings outside any table: one row per sheet. */
  const loose = new Map<string, SummaryRow>();
  const rowFor = (f: Finding): SummaryRow => {
    const i = tableOf(f, r.tables);
    if (i >= 0) return rows[i];
    let row = loose.get(f.sheet);
    if (!row) {
      row = { file: r.file, sheet: f.sheet, errors: 0, warnings: 0, accepted: 0, status: "pass", note };
      loose.set(f.sheet, row);
    }
    return row;
  };
  for (const f of r.findings) {
    const row = rowFor(f);
    if (f.severity === "error") row.errors++;
    else if (f.severity === "warning") row.warnings++;
  }
  for (const a of r.accepted ?? []) rowFor(a.finding).accepted++;
  const all = [...rows, ...loose.values()];
  if (all.length === 0)
    all.push({ file: r.file, sheet: "", errors: 0, warnings: 0, accepted: 0, status: "pass", note });
  for (const row of all) {
    row.status = row.errors > 0 ? "fix" : "pass";
    if (!row.table) {
      const none = lang === "zh" ? "未找到绩效目标表" : "no goal table found";
      row.note = row.note ? `${none}；${row.note}` : none;
    }
  }
  return all;
}

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + hex.replace("#", "") } };
}

function fontColor(hex: string): Partial<ExcelJS.Font> {
  return { color: { argb: "FF" + hex.replace("#", "") } };
}

/** A path as a link target: relative to the report's folder, with forward slashes. */
function linkTarget(from: string, to: string): string {
  const rel = path.relative(path.dirname(path.resolve(from)), path.resolve(to));
  return rel.split(path.sep).join("/");
}

function header(ws: ExcelJS.Worksheet, columns: { zh: string; en: string; width: number }[], lang: Lang): void {
  ws.columns = columns.map((c) => ({ header: c[lang], width: c.width }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = solid("#F2F2F2");
  row.alignment = { vertical: "middle", horizontal: "center" };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
}

/** The summary workbook (not yet written). */
export function buildReport(results: FileResult[], options: ReportOptions): ExcelJS.Workbook {
  const { lang } = options;
  const wb = new ExcelJS.Workbook();
  wb.creator = "goaltable";
  const summary = wb.addWorksheet(SUMMARY_SHEET[lang]);
  const findings = wb.addWorksheet(FINDINGS_SHEET[lang]);
  header(summary, SUMMARY_COLUMNS, lang);
  header(findings, FINDING_COLUMNS, lang);

  // A file is shown by its path from the report's folder when it lies under it ("收件/1-教育局.xlsx").
  const shown = (file: string): string => {
    const rel = linkTarget(options.reportPath, file);
    return rel.startsWith("../") || path.isAbsolute(rel) ? file : rel;
  };
  const fileLink = (file: string): ExcelJS.CellValue => {
    const marked = options.marked?.get(file);
    return { text: shown(file), hyperlink: linkTarget(options.reportPath, marked ?? file) };
  };

  for (const r of results) {
    for (const s of summaryRows(r, lang)) {
      const t = s.table;
      const row = summary.addRow([
        fileLink(r.file),
        s.sheet,
        t?.name ?? "",
        t ? KIND_SHORT[t.kind][lang] : "",
        t?.year ?? null,
        t?.total ?? null,
        t?.unit ?? "",
        r.error ? null : s.errors,
        r.error ? null : s.warnings,
        r.error ? null : s.accepted,
        STATUS_WORDS[s.status][lang],
        s.note,
      ]);
      row.getCell(1).font = { color: { argb: "FF0563C1" }, underline: true };
      row.getCell(6).numFmt = "#,##0.00";
      for (const c of [5, 8, 9, 10, 11]) row.getCell(c).alignment = { horizontal: "center" };
      const status = row.getCell(11);
      status.fill = solid(STATUS_COLORS[s.status].fill);
      status.font = fontColor(STATUS_COLORS[s.status].font);
    }
    const marked = options.marked?.get(r.file);
    const listed: { f: Finding; reason?: string }[] = [
      ...r.findings.map((f) => ({ f })),
      ...(r.accepted ?? []).map((a) => ({ f: a.finding, reason: a.reason })),
    ];
    for (const { f, reason } of listed) {
      const cell: ExcelJS.CellValue = marked
        ? { text: f.cell, hyperlink: `${linkTarget(options.reportPath, marked)}#${sheetLocation(f.sheet, f.cell)}` }
        : f.cell;
      const row = findings.addRow([
        fileLink(r.file),
        f.sheet,
        cell,
        SEVERITY_WORDS[f.severity][lang],
        f.rule,
        f.message[lang],
        reason ?? "",
      ]);
      row.getCell(1).font = { color: { argb: "FF0563C1" }, underline: true };
      if (marked) row.getCell(3).font = { color: { argb: "FF0563C1" }, underline: true };
      const sev = row.getCell(4);
      const colors = MARK_COLORS[f.severity as Severity];
      if (reason === undefined) {
        sev.fill = solid(colors.fill);
        sev.font = fontColor(colors.font);
      }
      row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    }
  }
  for (const ws of [summary, findings]) {
    // Printed: A4 landscape, one page wide, the header row on every page.
    ws.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    };
  }
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, summary.rowCount), column: 12 } };
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.rowCount), column: 7 } };
  return wb;
}

export async function writeReport(results: FileResult[], options: ReportOptions): Promise<void> {
  await buildReport(results, options).xlsx.writeFile(options.reportPath);
}
