/**
 * Writes workbook snapshots to .xlsx: values, formulas (with the snapshot's value as the cached result), number
 * formats and merges, each sheet placed at its origin. Used to make sample files and test fixtures; reading the
 * result with read.ts gives the snapshot back.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { isCellError } from "../core/snapshot";
import { parseCell, parseRange } from "../core/address";

/**
 * Escapes text that would otherwise be read back as an `_xHHHH_` control-character escape: Excel (and exceljs on
 * reading) turns "_x000D_" in a stored string into a carriage return, so a literal "_x000D_" is stored as
 * "_x005F_x000D_".
 */
export function encodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_");
}

/** A snapshot value as exceljs takes it for a constant cell. Text is always text, even when it starts with "=". */
export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : encodeOoxmlEscapes(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (isCellError(v)) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return null;
}

/** A formula's cached result: exceljs takes a number, text, boolean or error (null → no cached value). */
function toFormulaResult(v: CellValue): ExcelJS.CellFormulaValue["result"] {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") return encodeOoxmlEscapes(v);
  if (typeof v === "number" || typeof v === "boolean") return v as ExcelJS.CellFormulaValue["result"];
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellFormulaValue["result"];
  return undefined;
}

/** Adds one snapshot as a worksheet. */
export function addSheet(workbook: ExcelJS.Workbook, sheet: SheetSnapshot): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name, sheet.visible === false ? { state: "hidden" } : undefined);
  const origin = parseCell(sheet.origin || "A1");
  const rows = Math.max(sheet.values.length, sheet.formulas.length, sheet.numberFormats.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(
      sheet.values[r]?.length ?? 0,
      sheet.formulas[r]?.length ?? 0,
      sheet.numberFormats[r]?.length ?? 0
    );
    for (let c = 0; c < width; c++) {
      const value = sheet.values[r]?.[c] ?? null;
      const formula = sheet.formulas[r]?.[c] ?? null;
      const format = sheet.numberFormats[r]?.[c] ?? "General";
      if (value === null && !formula && format === "General") continue;
      const cell = ws.getCell(origin.row + r + 1, origin.col + c + 1);
      if (formula) {
        const text = formula.startsWith("=") ? formula.slice(1) : formula;
        cell.value = { formula: text, result: toFormulaResult(value) } as ExcelJS.CellFormulaValue;
      } else {
        cell.value = toExcelValue(value);
      }
      if (format !== "General") cell.numFmt = format;
    }
  }
  for (const m of sheet.merges) {
    const range = parseRange(m);
    if (range.top === range.bottom && range.left === range.right) continue;
    // Without style: the merged cells keep their own number formats, as in the snapshot.
    ws.mergeCellsWithoutStyle(range.top + 1, range.left + 1, range.bottom + 1, range.right + 1);
  }
  if (sheet.protected) void ws.protect("", {});
  return ws;
}

export function snapshotToWorkbook(wb: WorkbookSnapshot): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "goaltable";
  for (const sheet of wb.sheets) addSheet(workbook, sheet);
  return workbook;
}

export async function workbookToBuffer(wb: WorkbookSnapshot): Promise<Buffer> {
  const data = await snapshotToWorkbook(wb).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export async function writeWorkbookFile(wb: WorkbookSnapshot, file: string): Promise<void> {
  await fs.writeFile(file, await workbookToBuffer(wb));
}
