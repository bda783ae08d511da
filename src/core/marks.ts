/**
 * The add-in's marks, host-neutral: the rule formula that names a mark (`=N("goaltable:error")=0`), the colours per
 * severity, and which cells and ranges get a mark. The Excel add-in (src/excel/highlight.ts) and the WPS host
 * (src/wps/writes.ts) write them through their hosts' APIs; the command line (src/xlsx/annotate.ts) writes the same
 * conditional formats into a copy of the file, so the add-in's 清除标记 removes all of them.
 */
import { cellAddress, parseCell, parseRange, rangeAddress, stripSheet, type RangePosition } from "./address";
import { SEVERITY_ORDER, type Finding, type Severity } from "./finding";

/** The text every mark's rule carries. */
export const MARKER = "goaltable";

/** Fill and font colours per severity: Excel's presets "Light Red Fill with Dark Red Text" and the like. */
export const MARK_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E79" },
};

/** The rule formula of a mark: always true, and names the add-in and the severity. */
export function markFormula(severity: Severity): string {
  return `=N("${MARKER}:${severity}")=0`;
}

const MARK_RE = new RegExp(`"${MARKER}:[a-z]*"`, "i");

/** Whether a conditional format's rule formula is one of the add-in's marks. */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && MARK_RE.test(formula);
}

export interface Mark {
  /** "D7", or a merged area "C83:C85", or a run of cells "D19:D25". */
  address: string;
  severity: Severity;
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
