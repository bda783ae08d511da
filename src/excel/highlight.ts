/**
 * Marks the findings' cells on the sheet, without touching anything the user owns.
 *
 * The marks are conditional formats owned by the add-in (ExcelApi 1.6), never the cells' own fill, font or borders:
 * a conditional format lies over the cell's formats while it exists and leaves them exactly as they were when it
 * is deleted. Each mark is a custom conditional format whose rule is always true and names itself:
 *
 *     =N("goaltable:error")=0
 *
 * N() of a text is 0, so the rule holds on every cell. The marker is a string literal: Excel stores a rule's formula
 * in the file as parsed tokens and a string constant is kept character for character (only function names and
 * spacing are normalised, and the formula is written here in that normal form already: upper-case, no spaces). It
 * has no cell reference, so inserting or deleting rows, copying or moving the cells never rewrites it, and no
 * separator, so it reads the same in locales with ";" lists (the `formula` property is always the English form).
 * Marks are recognised by the literal alone (`"goaltable:`), so marks left by an earlier session, saved, closed and
 * reopened, or copied by the user with the cells to other places, are all found and removed.
 *
 * Colours are Excel's own preset pairs (light fill with dark text), which read well whatever the Office theme: the
 * cell grid stays light in the dark Office themes, and both colours are explicit, so Excel's dark-cell mode adapts
 * them together. The font colour is set too, so the text stays readable on the fill.
 *
 * Hover messages are not shown: the only cell-level hover texts in Excel are notes, comments and data-validation
 * input messages, and all three are the user's data (writing ours would overwrite theirs, and they are saved with
 * the file). The pane lists the messages instead.
 */
import { cellAddress, parseCell, parseRange, rangeAddress, stripSheet, type RangePosition } from "../core/address";
import { SEVERITY_ORDER, type Finding, type Severity } from "../core/finding";
import { MARKER, MARK_COLORS, isMarkFormula, markFormula } from "../host/marks";
import type { HighlightResult } from "./host";
import { detectFeatures, officeIsSetSupported, type Features } from "./requirements";
import { mergeBands, splitAreasAddress } from "./snapshot";

export { MARKER, MARK_COLORS, markFormula, isMarkFormula };

export interface HighlightOptions {
  /** What the host supports; defaults to asking Office. */
  features?: Pick<Features, "conditionalFormats" | "mergedAreas">;
  /**
   * Called with the addresses about to be marked, just before the batch that writes them is sent, so the host can
   * tell its own changes from the user's (see changes.ts).
   */
  beforeWrite?: (addresses: string[]) => void;
  /**
   * What the read just before found on the sheet (the host reads it with the snapshot, in the same sync): then
   * marking is one sync, a write only. Without it marking reads first (two syncs).
   */
  known?: KnownSheet;
}

/** The sheet as the last read found it: protection, merged areas, and the ids of the add-in's marks. */
export interface KnownSheet {
  sheet: string;
  protected: boolean;
  merges: readonly string[];
  markIds: readonly string[];
}

export interface ClearResult {
  /** Marks removed. */
  removed: number;
  skipped?: "protected" | "unsupported";
}

export interface Mark {
  /** "D7", or a merged area "C83:C85", or a run of cells "D19:D25". */
  address: string;
  severity: Severity;
}

/**
 * Marks the cells of `findings` that are on `sheetName` (other findings are ignored), replacing the add-in's earlier
 * marks on that sheet. Two syncs: one reads the sheet's conditional formats, its protection and the merged areas
 * around the cells; one deletes the old marks and adds the new ones. With `known` (read with the snapshot) the
 * first is not needed: one sync. A protected sheet is left alone.
 * `marked` counts cells and merged areas (a merged area once), not conditional formats.
 */
export async function highlight(
  context: Excel.RequestContext,
  sheetName: string,
  findings: readonly Finding[],
  options: HighlightOptions = {}
): Promise<HighlightResult> {
  const features = options.features ?? detectFeatures(officeIsSetSupported());
  if (!features.conditionalFormats) return { marked: 0, skipped: "unsupported" };

  const cells = worstPerCell(findings.filter((f) => f.sheet === sheetName));
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const known = options.known?.sheet === sheetName ? options.known : undefined;
  if (known) {
    if (known.protected) return { marked: 0, skipped: "protected" };
    const merges = mergeAround([...cells.keys()], known.merges);
    const marks = planMarks(cells, merges);
    if (known.markIds.length === 0 && marks.length === 0) return { marked: 0 };
    options.beforeWrite?.(marks.map((m) => m.address));
    const whole = sheet.getRange();
    known.markIds.forEach((id) => whole.conditionalFormats.getItem(id).delete());
    for (const mark of marks) addMark(sheet.getRange(mark.address), mark.severity);
    await context.sync();
    return { marked: countTargets(cells, merges) };
  }
  sheet.load("protection/protected");
  const existing = loadMarks(sheet);
  // The merged areas around the cells (ExcelApi 1.13), read in bands of at most 512 cells over the cells' bounding
  // box, so no band reaches the 512-areas limit of getMergedAreasOrNullObject (see mergeBands).
  const box = boundingBox([...cells.keys()]);
  const bands = features.mergedAreas && box ? mergeBands(box) : [];
  const mergedParts = bands.map((band) => sheet.getRange(band).getMergedAreasOrNullObject().load("address"));
  await context.sync();

  if (sheet.protection.protected) return { marked: 0, skipped: "protected" };

  const ours = existing.items.filter(isMark);
  const mergedAreas = new Set<string>();
  for (const part of mergedParts)
    if (!part.isNullObject) splitAreasAddress(part.address).forEach((a) => mergedAreas.add(a));
  const merges = mergeAround([...cells.keys()], [...mergedAreas]);
  const marks = planMarks(cells, merges);
  if (ours.length === 0 && marks.length === 0) return { marked: 0 };

  options.beforeWrite?.(marks.map((m) => m.address));
  ours.forEach((cf) => cf.delete());
  for (const mark of marks) addMark(sheet.getRange(mark.address), mark.severity);
  await context.sync();
  return { marked: countTargets(cells, merges) };
}

/**
 * Removes the add-in's marks from the sheet: all conditional formats whose rule carries the marker, also those of
 * an earlier session. Nothing else is touched. One sync to read, one to delete (none when there is nothing to do).
 */
export async function clearHighlights(
  context: Excel.RequestContext,
  sheetName: string,
  options: HighlightOptions = {}
): Promise<ClearResult> {
  const features = options.features ?? detectFeatures(officeIsSetSupported());
  if (!features.conditionalFormats) return { removed: 0, skipped: "unsupported" };

  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load("protection/protected");
  const existing = loadMarks(sheet);
  await context.sync();

  if (sheet.protection.protected) return { removed: 0, skipped: "protected" };
  const ours = existing.items.filter(isMark);
  if (ours.length === 0) return { removed: 0 };
  options.beforeWrite?.([]);
  ours.forEach((cf) => cf.delete());
  await context.sync();
  return { removed: ours.length };
}

/**
 * Queues the load of every conditional format on the sheet with its type and, for custom ones, the rule formula.
 * `customOrNullObject`, not `custom`: loading `custom` through the collection fails when the sheet also has other
 * kinds of conditional formats (OfficeDev/office-js#2180).
 */
export function loadMarks(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const all = sheet.getRange().conditionalFormats;
  all.load("items/id, items/type, items/customOrNullObject/rule/formula");
  return all;
}

/** The ids of the add-in's marks in a loaded collection (loadMarks). */
export function markIds(all: Excel.ConditionalFormatCollection): string[] {
  return all.items.filter(isMark).map((cf) => cf.id);
}

function isMark(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== "Custom") return false;
  const custom = cf.customOrNullObject;
  return !custom.isNullObject && isMarkFormula(custom.rule.formula);
}

function addMark(range: Excel.Range, severity: Severity): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = markFormula(severity);
  cf.custom.format.fill.color = MARK_COLORS[severity].fill;
  cf.custom.format.font.color = MARK_COLORS[severity].font;
}

/** The most severe severity per cell (plain A1 addresses, upper-case). */
export function worstPerCell(findings: readonly Finding[]): Map<string, Severity> {
  const cells = new Map<string, Severity>();
  for (const f of findings) {
    let cell: string;
    try {
      const p = parseCell(stripSheet(f.cell).replace(/\$/g, ""));
      cell = cellAddress(p.row, p.col);
    } catch {
      continue; // not a cell address: nothing to mark
    }
    const had = cells.get(cell);
    if (!had || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[had]) cells.set(cell, f.severity);
  }
  return cells;
}

/** For each cell inside a merged area, that area ("C83:C85"). */
export function mergeAround(cells: readonly string[], mergedAreas: readonly string[]): Map<string, string> {
  const byRow = new Map<number, { area: string; r: RangePosition }[]>();
  for (const area of mergedAreas) {
    const r = parseRange(area);
    for (let row = r.top; row <= r.bottom; row++) {
      let list = byRow.get(row);
      if (!list) byRow.set(row, (list = []));
      list.push({ area: rangeAddress(r), r });
    }
  }
  const around = new Map<string, string>();
  for (const cell of cells) {
    const p = parseCell(cell);
    const hit = byRow.get(p.row)?.find((m) => p.col >= m.r.left && p.col <= m.r.right);
    if (hit) around.set(cell, hit.area);
  }
  return around;
}

/**
 * The ranges to mark: a cell inside a merged area marks the whole area (with the worst severity of its cells).
 * Then areas of one severity and the same columns that follow each other down the sheet are marked as one range
 * (D86:E86, D87:E87 … → D86:E140), so a long table does not get one conditional format per cell.
 */
export function planMarks(cells: Map<string, Severity>, merges: Map<string, string>): Mark[] {
  const areas = new Map<string, Severity>();
  for (const [cell, severity] of cells) {
    const area = merges.get(cell) ?? cell;
    const had = areas.get(area);
    if (!had || SEVERITY_ORDER[severity] < SEVERITY_ORDER[had]) areas.set(area, severity);
  }
  const rects = [...areas]
    .map(([address, severity]) => ({ ...parseRange(address), severity }))
    .sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const marks: Mark[] = [];
  let run: (RangePosition & { severity: Severity }) | undefined;
  const flush = () => {
    if (run) marks.push({ address: rangeAddress(run), severity: run.severity });
  };
  for (const r of rects) {
    if (
      run &&
      run.left === r.left &&
      run.right === r.right &&
      run.bottom + 1 === r.top &&
      run.severity === r.severity
    ) {
      run.bottom = r.bottom;
    } else {
      flush();
      run = { ...r };
    }
  }
  flush();
  return marks;
}

/** The smallest range holding all the cells, or undefined for none. */
function boundingBox(cells: readonly string[]): RangePosition | undefined {
  let box: RangePosition | undefined;
  for (const c of cells) {
    const p = parseCell(c);
    box = box
      ? {
          top: Math.min(box.top, p.row),
          left: Math.min(box.left, p.col),
          bottom: Math.max(box.bottom, p.row),
          right: Math.max(box.right, p.col),
        }
      : { top: p.row, left: p.col, bottom: p.row, right: p.col };
  }
  return box;
}

/** Cells and merged areas marked (a merged area counts once). */
function countTargets(cells: Map<string, Severity>, merges: Map<string, string>): number {
  return new Set([...cells.keys()].map((c) => merges.get(c) ?? c)).size;
}
