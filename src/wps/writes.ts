/**
 * What the WPS host writes: marks (conditional formats the add-in owns, recognised by the marker in their rule, as
 * in src/excel/highlight.ts), fixes, the selection, and the new-year template on a new sheet. Every write runs with
 * screen updating off. Nothing the user owns is changed: marks are conditional formats over the cells, fixes write
 * only the named cells, a template goes on a new sheet with a name no sheet has.
 */
import { cellAddress, parseRange } from "../core/address";
import { ACCEPTANCES_NS, acceptancesFromXml, acceptancesToXml, type Acceptance } from "../core/acceptance";
import type { Finding, FixEdit } from "../core/finding";
import { isCellError } from "../core/snapshot";
import type { TemplateSheet, TemplateStyle } from "../core/template";
import { mergeAround, planMarks, worstPerCell } from "../excel/highlight";
import type { HighlightResult } from "../excel/host";
import { groupEdits, valueToWrite } from "../excel/fixes";
import { styleRectangles, uniqueSheetName } from "../excel/template";
import { isMarkFormula, markFormula, MARK_COLORS } from "../core/marks";
import { qualified, sameCellState, type CellState, type FixRecord, type UndoResult } from "../host/types";
import { bgr, prop, toCellValue, toFormula, withScreenOff, XL, type WpsObject } from "./api";

function sheetNamed(app: WpsObject, name: string): WpsObject {
  return app.ActiveWorkbook.Sheets.Item(name);
}

/** The add-in's marks on the sheet, from the last to the first (so deleting by index stays valid). */
function ourMarks(sheet: WpsObject): WpsObject[] {
  const all = sheet.Cells.FormatConditions;
  const count = Number(all.Count);
  const ours: WpsObject[] = [];
  for (let i = count; i >= 1; i--) {
    const cf = all.Item(i);
    if (cf.Type !== XL.expression) continue;
    let formula: unknown;
    try {
      formula = cf.Formula1;
    } catch {
      continue;
    }
    if (isMarkFormula(formula)) ours.push(cf);
  }
  return ours;
}

/**
 * Marks the findings' cells on `sheetName`, replacing the add-in's earlier marks there. A cell in a merged area
 * marks the area; runs down a column share one conditional format (planMarks). A protected sheet is left alone.
 */
export function highlightWps(
  app: WpsObject,
  sheetName: string,
  findings: readonly Finding[],
  merges: readonly string[],
  beforeWrite?: (addresses: string[]) => void
): HighlightResult {
  const sheet = sheetNamed(app, sheetName);
  if (sheet.ProtectContents === true) return { marked: 0, skipped: "protected" };
  const cells = worstPerCell(findings.filter((f) => f.sheet === sheetName));
  const around = mergeAround([...cells.keys()], merges);
  const marks = planMarks(cells, around);
  const ours = ourMarks(sheet);
  if (ours.length === 0 && marks.length === 0) return { marked: 0 };
  beforeWrite?.(marks.map((m) => m.address));
  withScreenOff(app, () => {
    for (const cf of ours) cf.Delete();
    for (const mark of marks) {
      const cf = sheet.Range(mark.address).FormatConditions.Add(XL.expression, undefined, markFormula(mark.severity));
      cf.Interior.Color = bgr(MARK_COLORS[mark.severity].fill);
      cf.Font.Color = bgr(MARK_COLORS[mark.severity].font);
    }
  });
  return { marked: new Set([...cells.keys()].map((c) => around.get(c) ?? c)).size };
}

export function clearWps(
  app: WpsObject,
  sheetName: string,
  beforeWrite?: () => void
): { removed: number; skipped?: "protected" } {
  const sheet = sheetNamed(app, sheetName);
  if (sheet.ProtectContents === true) return { removed: 0, skipped: "protected" };
  const ours = ourMarks(sheet);
  if (ours.length === 0) return { removed: 0 };
  beforeWrite?.();
  withScreenOff(app, () => ours.forEach((cf) => cf.Delete()));
  return { removed: ours.length };
}

/** A cell's value, formula and number format, read with four calls. */
export function cellStateWps(sheet: WpsObject, sheetName: string, cell: string): CellState {
  const range = sheet.Range(cell);
  const raw = range.Value2;
  const formula = toFormula(range.Formula, raw);
  const value = toCellValue(raw);
  const numberFormat = range.NumberFormat;
  return {
    sheet: sheetName,
    cell,
    value: isCellError(value) ? value.error : value,
    formula,
    numberFormat: typeof numberFormat === "string" ? numberFormat : "General",
  };
}

/** Gives a cell this state: the formula or the value (text as text), then the number format. */
export function writeCellStateWps(range: WpsObject, state: CellState): void {
  if (state.formula) range.Formula = state.formula;
  else if (state.value === null) range.Value2 = "";
  else if (typeof state.value === "boolean") range.Value2 = state.value;
  else range.Value2 = valueToWrite(state.value);
  range.NumberFormat = state.numberFormat;
}

/**
 * Writes the fixes, grouped by sheet; text Excel or WPS would interpret gets the apostrophe (valueToWrite). Each
 * written cell is read just before and after its write: the record 撤销 (undoFixWps) needs.
 */
export function applyFixesWps(
  app: WpsObject,
  edits: readonly FixEdit[],
  beforeWrite?: (sheet: string, addresses: string[]) => void
): FixRecord & { written: number } {
  const bySheet = groupEdits(edits);
  const record: FixRecord & { written: number } = { written: 0, edits: [], before: [], after: [] };
  if (bySheet.size === 0) return record;
  withScreenOff(app, () => {
    for (const [sheetName, cells] of bySheet) {
      beforeWrite?.(sheetName, [...cells.keys()]);
      const sheet = sheetNamed(app, sheetName);
      for (const [cell, edit] of cells) {
        record.before.push(cellStateWps(sheet, sheetName, cell));
        const range = sheet.Range(cell);
        if (edit.formula !== undefined) range.Formula = edit.formula;
        else range.Value2 = valueToWrite(edit.value as string | number);
        record.after.push(cellStateWps(sheet, sheetName, cell));
        record.edits.push(edit);
        record.written++;
      }
    }
  });
  return record;
}

/**
 * Puts back the cells of a fix that still hold what it left (sameCellState), as they were before it; cells changed
 * since are left alone and reported.
 */
export function undoFixWps(
  app: WpsObject,
  record: FixRecord,
  beforeWrite?: (sheet: string, addresses: string[]) => void
): UndoResult {
  const restored: CellState[] = [];
  const changedSince: string[] = [];
  record.after.forEach((after, i) => {
    const now = cellStateWps(sheetNamed(app, after.sheet), after.sheet, after.cell);
    if (sameCellState(now, after)) restored.push(record.before[i]);
    else changedSince.push(qualified(after.sheet, after.cell));
  });
  if (restored.length === 0) return { restored: [], changedSince };
  withScreenOff(app, () => {
    for (const b of restored) {
      beforeWrite?.(b.sheet, [b.cell]);
      writeCellStateWps(sheetNamed(app, b.sheet).Range(b.cell), b);
    }
  });
  return { restored: restored.map((b) => qualified(b.sheet, b.cell)), changedSince };
}

/** The workbook's custom XML parts in the acceptances' namespace. */
function acceptanceParts(app: WpsObject): WpsObject[] {
  const parts = app.ActiveWorkbook.CustomXMLParts.SelectByNamespace(ACCEPTANCES_NS);
  const count = Number(parts.Count);
  const out: WpsObject[] = [];
  for (let i = 1; i <= count; i++) out.push(parts.Item(i));
  return out;
}

/** The acceptances stored in the workbook (Workbook.CustomXMLParts, the part Excel and the CLI read too). */
export function readAcceptancesWps(app: WpsObject): Acceptance[] {
  return acceptanceParts(app).flatMap((p) => acceptancesFromXml(String(prop(p, "XML"))));
}

/**
 * Replaces the stored acceptances: VBA's CustomXMLPart has no setter for its XML, so the old part(s) are deleted
 * and one new part is added (none for an empty list).
 */
export function writeAcceptancesWps(app: WpsObject, list: readonly Acceptance[]): void {
  for (const p of acceptanceParts(app)) p.Delete();
  if (list.length > 0) app.ActiveWorkbook.CustomXMLParts.Add(acceptancesToXml(list));
}

export function selectWps(app: WpsObject, sheetName: string, address: string): void {
  const sheet = sheetNamed(app, sheetName);
  sheet.Activate();
  sheet.Range(address).Select();
}

const H = { left: XL.left, center: XL.center, right: XL.right } as const;
const V = { top: XL.top, middle: XL.center, bottom: XL.bottom } as const;

function applyStyle(range: WpsObject, s: TemplateStyle, multiRow: boolean, multiCol: boolean): void {
  if (s.font?.bold !== undefined) range.Font.Bold = s.font.bold;
  if (s.font?.size !== undefined) range.Font.Size = s.font.size;
  if (s.alignment?.wrap !== undefined) range.WrapText = s.alignment.wrap;
  if (s.alignment?.horizontal) range.HorizontalAlignment = H[s.alignment.horizontal];
  if (s.alignment?.vertical) range.VerticalAlignment = V[s.alignment.vertical];
  if (s.fill) range.Interior.Color = bgr(`#${s.fill}`);
  if (s.border) {
    const edges: number[] = [XL.edgeTop, XL.edgeBottom, XL.edgeLeft, XL.edgeRight];
    if (multiRow) edges.push(XL.insideHorizontal);
    if (multiCol) edges.push(XL.insideVertical);
    const borders = range.Borders;
    for (const edge of edges) {
      const b = borders.Item(edge);
      b.LineStyle = XL.continuous;
      b.Weight = XL.thin;
      b.Color = 0;
    }
  }
}

/** The sheet names in use. */
function sheetNames(app: WpsObject): string[] {
  const sheets = app.ActiveWorkbook.Sheets;
  const count = Number(sheets.Count);
  const names: string[] = [];
  for (let i = 1; i <= count; i++) names.push(String(sheets.Item(i).Name));
  return names;
}

/**
 * Inserts the template as a new sheet after the last one, named uniquely, and activates it: number formats first
 * (so "@" cells take text), then values and formulas block by block, styles, merges, widths, heights, dropdowns
 * and the print layout. No existing sheet is written or renamed.
 */
export function insertTemplateWps(app: WpsObject, template: TemplateSheet): { sheetName: string } {
  const name = uniqueSheetName(template.name, sheetNames(app));
  return withScreenOff(app, () => {
    const sheets = app.ActiveWorkbook.Sheets;
    const sheet = sheets.Add(undefined, sheets.Item(Number(sheets.Count)));
    sheet.Name = name;
    const rects = styleRectangles(template);
    for (const { style, range } of rects) {
      const f = template.styles[style]?.numberFormat;
      if (f && f !== "General") sheet.Range(range).NumberFormat = f;
    }
    const byAddress = new Map(template.cells.map((c) => [c.address, c]));
    const blocks = template.blocks.length > 0 ? template.blocks.map((b) => b.range) : [template.range];
    for (const block of blocks) {
      const r = parseRange(block);
      const rows: (string | number)[][] = [];
      let any = false;
      for (let row = r.top; row <= r.bottom; row++) {
        const line: (string | number)[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const c = byAddress.get(cellAddress(row, col));
          const v = !c
            ? ""
            : c.formula
              ? c.formula
              : typeof c.value === "string"
                ? valueToWrite(c.value)
                : (c.value ?? "");
          if (v !== "") any = true;
          line.push(v);
        }
        rows.push(line);
      }
      if (any) sheet.Range(block).Formula = rows;
    }
    for (const { style, range } of rects) {
      const s = template.styles[style];
      const p = parseRange(range);
      if (s) applyStyle(sheet.Range(range), s, p.bottom > p.top, p.right > p.left);
    }
    for (const m of template.merges) sheet.Range(m).Merge();
    template.columnWidths.forEach((w, i) => {
      sheet.Range(cellAddress(0, i)).ColumnWidth = w;
    });
    for (const [row, height] of Object.entries(template.rowHeights ?? {})) {
      sheet.Range(`A${row}`).RowHeight = height;
    }
    for (const v of template.dataValidations) {
      const dv = sheet.Range(v.range).Validation;
      dv.Add(XL.validateList, XL.validAlertWarning, XL.between, v.list.join(","));
      dv.InCellDropdown = true;
      dv.ErrorTitle = "不在列表中";
      dv.ErrorMessage = "该值不在下拉列表中，确定要使用吗？";
    }
    const ps = sheet.PageSetup;
    ps.Orientation = XL.landscape;
    ps.PaperSize = XL.paperA4;
    ps.CenterHorizontally = true;
    ps.Zoom = false;
    ps.FitToPagesWide = template.print.fitToWidth;
    ps.FitToPagesTall = false;
    const [first, last] = template.print.printTitleRows.split(":");
    ps.PrintTitleRows = `$${first}:$${last ?? first}`;
    sheet.Activate();
    sheet.Range("A1").Select();
    return { sheetName: name };
  });
}
