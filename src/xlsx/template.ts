/**
 * Writes a TemplateSheet (src/core/template) into an exceljs workbook: values, formulas (with their cached result),
 * styles, merges, column widths, row heights, dropdowns and the page setup.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { parseCell, parseRange } from "../core/address";
import { templateToSnapshot, type TemplateSheet, type TemplateStyle } from "../core/template";
import { encodeOoxmlEscapes } from "./write";

/** exceljs's PaperSize.A4 (a const enum, which isolated modules cannot read). */
const PAPER_A4 = 9 as ExcelJS.PageSetup["paperSize"];

function toExcelStyle(s: TemplateStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.font) style.font = { ...(s.font.bold ? { bold: true } : {}), ...(s.font.size ? { size: s.font.size } : {}) };
  if (s.alignment) {
    style.alignment = {
      ...(s.alignment.wrap ? { wrapText: true } : {}),
      ...(s.alignment.horizontal ? { horizontal: s.alignment.horizontal } : {}),
      ...(s.alignment.vertical ? { vertical: s.alignment.vertical } : {}),
    };
  }
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill.toUpperCase()}` } };
  return style;
}

/** Adds the template as a new worksheet named `sheetName` (default: the template's name). */
export function addTemplateSheet(
  workbook: ExcelJS.Workbook,
  t: TemplateSheet,
  sheetName: string = t.name
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheetName, {
    pageSetup: {
      orientation: t.print.orientation,
      paperSize: PAPER_A4,
      fitToPage: true,
      fitToWidth: t.print.fitToWidth,
      fitToHeight: t.print.fitToHeight,
      horizontalCentered: true,
      printTitlesRow: t.print.printTitleRows,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = t.columnWidths.map((width) => ({ width }));
  // Cached results of the formulas, as Excel would show them before recalculating.
  const snapshot = templateToSnapshot(t);
  const origin = parseCell(snapshot.origin);
  const styles = new Map(Object.entries(t.styles).map(([k, s]) => [k, toExcelStyle(s)]));
  for (const c of t.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula) {
      const p = parseCell(c.address);
      const result = snapshot.values[p.row - origin.row]?.[p.col - origin.col];
      cell.value = {
        formula: c.formula.replace(/^=/, ""),
        result: typeof result === "number" ? result : undefined,
      } as ExcelJS.CellFormulaValue;
    } else if (typeof c.value === "string") {
      // Text stays text: exceljs writes a string as a string, never as a formula, even when it starts with "=".
      cell.value = encodeOoxmlEscapes(c.value);
    } else if (typeof c.value === "number") {
      cell.value = c.value;
    }
    const style = styles.get(c.style);
    if (style) cell.style = structuredClone(style) as ExcelJS.Style;
  }
  for (const m of t.merges) {
    const r = parseRange(m);
    // Every cell already has its style (borders included), so the merge must not copy the master's over them.
    ws.mergeCellsWithoutStyle(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
  }
  for (const [row, height] of Object.entries(t.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const v of t.dataValidations) {
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      v.range,
      {
        type: "list",
        allowBlank: true,
        formulae: [`"${v.list.join(",")}"`],
        showErrorMessage: true,
        // A suggestion, not a lock: tables that use other accepted names (成本指标 as a 一级) must stay possible.
        errorStyle: "warning",
        errorTitle: "不在列表中",
        error: "该值不在下拉列表中，确定要使用吗？",
      }
    );
  }
  return ws;
}

/** A workbook holding only the template. */
export function templateWorkbook(t: TemplateSheet): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "goaltable";
  // Excel recalculates the formulas when it opens the file.
  workbook.calcProperties = { fullCalcOnLoad: true };
  addTemplateSheet(workbook, t);
  return workbook;
}

export async function templateToBuffer(t: TemplateSheet): Promise<Buffer> {
  const data = await templateWorkbook(t).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Thrown by writeTemplateFile when the file exists and overwrite was not asked for. */
export class FileExistsError extends Error {
  readonly code = "EEXIST";
  constructor(readonly file: string) {
    super(`file exists: ${file}`);
    this.name = "FileExistsError";
  }
}

/**
 * Writes the template to `file`. Refuses (FileExistsError) to replace an existing file unless `overwrite`; the check
 * and the creation are one step (the "wx" flag), so a file appearing in between is not replaced either.
 */
export async function writeTemplateFile(
  t: TemplateSheet,
  file: string,
  options: { overwrite?: boolean } = {}
): Promise<void> {
  const buf = await templateToBuffer(t);
  try {
    await fs.writeFile(file, buf, { flag: options.overwrite ? "w" : "wx" });
  } catch (e) {
    if ((e as { code?: string }).code === "EEXIST") throw new FileExistsError(file);
    throw e;
  }
}
