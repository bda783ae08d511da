/**
 * Inserts a TemplateSheet (src/core/template) into the open workbook as a new sheet, through Office.js.
 *
 * Round trips: one `context.sync()` reads the sheet names; one writes everything (the new sheet, values and
 * formulas block by block, number formats, styles, merges, widths, heights, dropdowns, page layout) and activates
 * the sheet. What the host's requirement sets lack (dropdowns need ExcelApi 1.8, the page layout 1.9) is left out
 * and reported. An existing sheet is never overwritten or renamed: the new sheet gets a name no sheet has.
 */
import { parseRange, rangeAddress, type RangePosition } from "../core/address";
import type { TemplateCell, TemplateSheet, TemplateStyle } from "../core/template";
import { valueToWrite } from "./fixes";
import { officeIsSetSupported, type IsSetSupported } from "./requirements";

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** What the host could not do, and why. */
export interface SkippedFeature {
  feature: "dataValidation" | "pageLayout";
  reason: string;
}

export interface InsertResult {
  sheetName: string;
  /** How many context.sync() calls the insert took. */
  syncs: number;
  skipped: SkippedFeature[];
}

export interface InsertOptions {
  /** Defaults to Office's own isSetSupported. */
  isSetSupported?: IsSetSupported;
}

/**
 * A sheet name no existing sheet has (Excel compares names without case): "2022年绩效目标表", then
 * "2022年绩效目标表 (2)", "… (3)". Characters Excel forbids in names are dropped; the base is shortened so that the
 * name with its suffix stays within 31 characters.
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase()));
  const clean =
    [...base.replace(/[\\/?*[\]:]/g, "").replace(/^'+|'+$/g, "")].slice(0, MAX_SHEET_NAME).join("").trim() ||
    "绩效目标表";
  if (!taken.has(clean.toLocaleLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = [...clean].slice(0, MAX_SHEET_NAME - suffix.length).join("") + suffix;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

/** What a cell holds, as one entry of a `Range.formulas` array. */
function formulaEntry(c: TemplateCell | undefined): string | number {
  if (!c) return "";
  if (c.formula) return c.formula;
  if (typeof c.value === "number") return c.value;
  if (typeof c.value === "string") return valueToWrite(c.value);
  return "";
}

/**
 * The cells of each style as few rectangles as a simple sweep finds: runs along each row, stacked while the next
 * row has the same run.
 */
export function styleRectangles(t: TemplateSheet): { style: string; range: string }[] {
  const byStyle = new Map<string, Set<string>>();
  for (const c of t.cells) {
    let set = byStyle.get(c.style);
    if (!set) byStyle.set(c.style, (set = new Set()));
    set.add(c.address);
  }
  const area = parseRange(t.range);
  const out: { style: string; range: string }[] = [];
  for (const [style, set] of byStyle) {
    const has = (r: number, c: number) => set.has(rangeAddress({ top: r, left: c, bottom: r, right: c }));
    const open: RangePosition[] = [];
    const closed: RangePosition[] = [];
    for (let r = area.top; r <= area.bottom + 1; r++) {
      const runs: [number, number][] = [];
      for (let c = area.left; r <= area.bottom && c <= area.right; c++) {
        if (!has(r, c)) continue;
        const start = c;
        while (c + 1 <= area.right && has(r, c + 1)) c++;
        runs.push([start, c]);
      }
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        const k = runs.findIndex(([a, b]) => a === o.left && b === o.right);
        if (k >= 0) {
          o.bottom = r;
          runs.splice(k, 1);
        } else {
          closed.push(o);
          open.splice(i, 1);
        }
      }
      for (const [a, b] of runs) open.push({ top: r, left: a, bottom: r, right: b });
    }
    closed.push(...open);
    closed.sort((a, b) => a.top - b.top || a.left - b.left);
    for (const rect of closed) out.push({ style, range: rangeAddress(rect) });
  }
  return out;
}

/** Excel character widths → points (a character is 7 pixels at the default font, plus 5 pixels of padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function applyStyle(range: Excel.Range, s: TemplateStyle, rect: RangePosition): void {
  const f = range.format;
  if (s.font?.bold !== undefined) f.font.bold = s.font.bold;
  if (s.font?.size !== undefined) f.font.size = s.font.size;
  if (s.alignment?.wrap !== undefined) f.wrapText = s.alignment.wrap;
  if (s.alignment?.horizontal) {
    f.horizontalAlignment = ({ left: "Left", center: "Center", right: "Right" } as const)[s.alignment.horizontal];
  }
  if (s.alignment?.vertical) {
    f.verticalAlignment = ({ top: "Top", middle: "Center", bottom: "Bottom" } as const)[s.alignment.vertical];
  }
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.border) {
    const edges: string[] = [...BORDER_EDGES];
    if (rect.bottom > rect.top) edges.push("InsideHorizontal");
    if (rect.right > rect.left) edges.push("InsideVertical");
    for (const edge of edges) {
      const b = f.borders.getItem(edge as Excel.BorderIndex);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}

/** Queues the writes of the whole template onto `sheet` (no sync). */
function writeTemplate(
  sheet: Excel.Worksheet,
  template: TemplateSheet,
  validations: boolean,
  skipped: SkippedFeature[]
): void {
  const byAddress = new Map(template.cells.map((c) => [c.address, c]));
  // Values, formulas and number formats as 2-D arrays, one block (title, name, tasks, goal, indicators) at a time.
  const blocks = template.blocks.length > 0 ? template.blocks.map((b) => b.range) : [template.range];
  for (const block of blocks) {
    const r = parseRange(block);
    const formulas: (string | number)[][] = [];
    const formats: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const f: (string | number)[] = [];
      const n: string[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = byAddress.get(rangeAddress({ top: row, left: col, bottom: row, right: col }));
        f.push(formulaEntry(c));
        n.push((c && template.styles[c.style]?.numberFormat) || "General");
      }
      formulas.push(f);
      formats.push(n);
    }
    const range = sheet.getRange(block);
    range.numberFormat = formats;
    range.formulas = formulas;
  }
  for (const { style, range } of styleRectangles(template)) {
    const s = template.styles[style];
    if (s) applyStyle(sheet.getRange(range), s, parseRange(range));
  }
  for (const m of template.merges) sheet.getRange(m).merge(false);
  template.columnWidths.forEach((w, i) => {
    const col = rangeAddress({ top: 0, left: i, bottom: 0, right: i }).replace(/[0-9]+$/, "");
    sheet.getRange(`${col}:${col}`).format.columnWidth = widthToPoints(w);
  });
  for (const [row, height] of Object.entries(template.rowHeights ?? {})) {
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  if (validations) {
    for (const v of template.dataValidations) {
      const dv = sheet.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
      // A suggestion, not a lock: other accepted names (成本指标 as a 一级) stay possible.
      dv.errorAlert = {
        showAlert: true,
        style: "Warning",
        title: "不在列表中",
        message: "该值不在下拉列表中，确定要使用吗？",
      };
    }
  } else if (template.dataValidations.length > 0) {
    skipped.push({ feature: "dataValidation", reason: "ExcelApi 1.8 is not supported by this host" });
  }
}

/**
 * Printing: A4 landscape, one page wide and as many tall as needed (verticalFitToPages 0, as Excel's own recorded
 * scripts write "fit all columns on one page"), centred, the indicator header repeated on every page.
 */
function setPageLayout(sheet: Excel.Worksheet, template: TemplateSheet): void {
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.centerHorizontally = true;
  layout.zoom = { horizontalFitToPages: template.print.fitToWidth, verticalFitToPages: template.print.fitToHeight };
  const [first, last] = template.print.printTitleRows.split(":");
  layout.setPrintTitleRows(`$${first}:$${last ?? first}`);
}

/** Inserts the template as a new, active sheet. See the module comment for the round trips. */
export async function insertTemplate(
  context: Excel.RequestContext,
  template: TemplateSheet,
  options: InsertOptions = {}
): Promise<InsertResult> {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported();
  const supports = (version: string) => {
    try {
      return isSetSupported("ExcelApi", version) === true;
    } catch {
      return false;
    }
  };
  const skipped: SkippedFeature[] = [];
  let syncs = 0;

  // 1. The names in use; 2. the sheet and everything on it, in one batch. Should a sheet of the chosen name appear
  // between the two (another add-in, another user of a shared workbook), adding fails before anything is written
  // (the add is the batch's first request): the names are read again, once.
  const insertOnce = async (retry: boolean): Promise<string | undefined> => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    syncs++;
    await context.sync();
    const name = uniqueSheetName(
      template.name,
      worksheets.items.map((s) => s.name)
    );
    skipped.length = 0;
    const sheet = worksheets.add(name);
    writeTemplate(sheet, template, supports("1.8"), skipped);
    sheet.activate();
    sheet.getRange("A1").select();
    if (supports("1.9")) setPageLayout(sheet, template);
    else skipped.push({ feature: "pageLayout", reason: "ExcelApi 1.9 is not supported by this host" });
    try {
      syncs++;
      await context.sync();
      return name;
    } catch (e) {
      if (retry && (e as { code?: string } | null)?.code === "ItemAlreadyExists") return undefined;
      throw e;
    }
  };
  const sheetName = (await insertOnce(true)) ?? (await insertOnce(false))!;
  return { sheetName, syncs, skipped };
}
