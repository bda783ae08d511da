/**
 * The table reader: finds the goal table(s) on a sheet snapshot by their labels, never by fixed coordinates, and
 * returns a model in which every field keeps its cell.
 */
import { rangeAddress } from "../address";
import type {
  AmountUnit,
  CellRef,
  FundingBlock,
  GoalTable,
  GoalText,
  LabelledField,
  ProjectInfo,
  SheetReading,
  TableKind,
  TasksBlock,
  TotalRow,
  TaskRow,
  YearField,
} from "../model";
import type { SheetSnapshot } from "../snapshot";
import { readIndicators } from "./indicators";
import { isLabel, LABEL, unitIn, yearIn, type LabelName } from "./labels";
import { Sheet } from "./sheet";
import { readSumLines } from "./sums";

/** A part of the sheet that holds one table: rows top..bottom. */
export interface Region {
  top: number;
  bottom: number;
  /** Label cells in the region, in reading order. */
  labels: { row: number; col: number; norm: string }[];
}

/** Finds the goal table(s) on one sheet. Never throws: a sheet without a table gets a reason. */
export function readSheet(snapshot: SheetSnapshot): SheetReading {
  let sheet: Sheet;
  try {
    sheet = new Sheet(snapshot);
  } catch (e) {
    return notATable(snapshot.name, `无法读取工作表（${String(e)}）`, `the sheet could not be read (${String(e)})`);
  }
  if (sheet.isEmpty) return notATable(snapshot.name, "工作表是空的", "the sheet is empty");
  const labels = [...sheet.labelCells()];
  const regions = findRegions(sheet, labels);
  const tables: GoalTable[] = [];
  for (const region of regions) {
    const t = readRegion(sheet, region);
    if (t) tables.push(t);
  }
  if (tables.length > 0) return { sheet: sheet.name, tables };
  const hasTitle = labels.some((l) => LABEL.title(l.norm));
  return hasTitle
    ? notATable(
        sheet.name,
        "有“绩效目标表”标题，但没有找到“年度主要任务”“资金情况”或“一级指标/二级指标/三级指标”表头",
        "it has a goal-table title but no task, funding or indicator header (一级指标/二级指标/三级指标)"
      )
    : notATable(
        sheet.name,
        "不是绩效目标表：没有“…绩效目标表”标题，也没有“一级指标/二级指标/三级指标”表头",
        "not a goal table: no '…绩效目标表' title and no indicator header (一级指标/二级指标/三级指标)"
      );
}

function notATable(sheet: string, zh: string, en: string): SheetReading {
  return { sheet, tables: [], notATable: { reason: { zh, en } } };
}

/**
 * Splits the sheet into one region per table: each title starts one. Without titles, the whole sheet is one
 * region. Labels above the first title belong to the first region.
 */
function findRegions(sheet: Sheet, labels: Region["labels"]): Region[] {
  const titleRows = [...new Set(labels.filter((l) => LABEL.title(l.norm)).map((l) => l.row))];
  // A title is the first of its block: a second title-like cell in the next rows (a subtitle) does not split.
  const starts: number[] = [];
  for (const r of titleRows) if (starts.length === 0 || r - starts[starts.length - 1] > 3) starts.push(r);
  if (starts.length === 0) starts.push(sheet.top);
  starts[0] = Math.min(starts[0], sheet.top);
  return starts.map((top, i) => {
    const bottom = i + 1 < starts.length ? starts[i + 1] - 1 : sheet.bottom;
    return { top, bottom, labels: labels.filter((l) => l.row >= top && l.row <= bottom) };
  });
}

function find(region: Region, name: LabelName, from = region.top, to = region.bottom) {
  return region.labels.find((l) => l.row >= from && l.row <= to && LABEL[name](l.norm));
}

function readRegion(sheet: Sheet, region: Region): GoalTable | undefined {
  const titleLabel = region.labels.find((l) => LABEL.title(l.norm));
  const taskHeader = find(region, "taskName");
  const projectName = find(region, "projectName");
  const funding = find(region, "fundingSection") ?? find(region, "fundingTotal");
  const indicators = readIndicators(sheet, region);
  if (!taskHeader && !(projectName && funding) && !indicators) return undefined;

  const kind = tableKind(titleLabel?.norm, !!taskHeader, !!projectName);
  const title = titleLabel ? sheet.ref(titleLabel.row, titleLabel.col) : undefined;
  const unit = findUnit(region);
  const table: GoalTable = {
    kind,
    sheet: sheet.name,
    range: "",
    title,
    year: findYear(sheet, region, titleLabel),
    unit: unit?.unit ?? "万元",
    ...(unit ? { unitCell: sheet.ref(unit.row, unit.col).address } : {}),
    goals: readGoals(sheet, region),
    indicators,
  };
  if (kind === "department") {
    const nameLabel = find(region, "departmentName");
    if (nameLabel) table.name = labelled(sheet, nameLabel, { sameCell: true });
    if (taskHeader) table.tasks = readTasks(sheet, region, taskHeader);
  } else {
    table.project = readProject(sheet, region);
    table.name = table.project.name;
    table.funding = readFunding(sheet, region);
  }
  const sumLines = readSumLines(sheet, region);
  if (sumLines.length > 0) table.sumLines = sumLines;
  table.range = tableRange(sheet, region);
  return table;
}

function tableKind(title: string | undefined, hasTasks: boolean, hasProjectName: boolean): TableKind {
  if (hasTasks) return "department";
  if (hasProjectName) return "project";
  if (title && /项目/.test(title)) return "project";
  return "department";
}

function findUnit(region: Region) {
  for (const l of region.labels) {
    const unit: AmountUnit | undefined = unitIn(l.norm);
    if (
      unit &&
      (LABEL.budgetHeader(l.norm) || LABEL.fundingSection(l.norm) || /单位/.test(l.norm) || l.norm.length <= 12)
    )
      return { unit, row: l.row, col: l.col };
  }
  return undefined;
}

function findYear(sheet: Sheet, region: Region, title: Region["labels"][number] | undefined): YearField | undefined {
  if (title) {
    const y = yearIn(title.norm, "title");
    if (y) return { value: y, cell: sheet.ref(title.row, title.col).address };
  }
  const from = title ? title.row + 1 : region.top;
  for (const l of region.labels) {
    if (l.row < from || l.row > from + 3) continue;
    const y = yearIn(l.norm, "line");
    if (y) return { value: y, cell: sheet.ref(l.row, l.col).address };
  }
  return undefined;
}

/**
 * The value cell of a label: the first non-empty cell to its right that is not a label; else the first such cell
 * below it; else the (empty) cell right beside it, where the value belongs.
 */
function valueOf(sheet: Sheet, row: number, col: number, opts: { below?: boolean } = {}): CellRef | undefined {
  const ext = sheet.extent(row, col);
  let firstRight: CellRef | undefined;
  for (let c = ext.right + 1; c <= sheet.right; c++) {
    if (sheet.covered(row, c)) continue;
    const norm = sheet.norm(row, c);
    if (norm && isLabel(norm)) break;
    const ref = sheet.ref(row, c);
    firstRight ??= ref;
    if (ref.text !== "") return ref;
  }
  let below: CellRef | undefined;
  if (opts.below !== false && ext.bottom + 1 <= sheet.bottom) {
    const m = sheet.master(ext.bottom + 1, col);
    if (m.row === ext.bottom + 1 && !isLabel(sheet.norm(m.row, m.col))) below = sheet.ref(m.row, m.col);
  }
  if (below && below.text !== "") return below;
  // Nothing filled in: the cell where the value belongs, beside the label or (for a header) under it.
  return firstRight ?? below;
}

function labelled(
  sheet: Sheet,
  l: { row: number; col: number; norm: string },
  opts: { sameCell?: boolean; below?: boolean } = {}
): LabelledField {
  const label = sheet.ref(l.row, l.col);
  // "部门（单位）名称：中共乌尔禾区委组织部" in one cell.
  if (opts.sameCell) {
    const i = l.norm.indexOf(":");
    if (i >= 0 && i < l.norm.length - 1) return { label, value: label };
  }
  const value = valueOf(sheet, l.row, l.col, { below: opts.below });
  return value ? { label, value } : { label };
}

function readTasks(sheet: Sheet, region: Region, header: Region["labels"][number]): TasksBlock {
  const headerRef = sheet.ref(header.row, header.col);
  const near = (name: LabelName) => find(region, name, header.row, header.row + 3);
  const content = near("taskContent");
  const total = near("amountTotal");
  const fiscal = near("fiscal");
  const other = near("other");
  const headerCells = [header, content, total, fiscal, other].filter((x) => x !== undefined);
  const headerBottom = Math.max(...headerCells.map((h) => sheet.extent(h.row, h.col).bottom));
  const columns = {
    name: header.col,
    content: content?.col,
    total: total?.col,
    fiscal: fiscal?.col,
    other: other?.col,
  };
  const amountCols = [total?.col, fiscal?.col, other?.col].filter((c): c is number => c !== undefined);
  const firstAmountCol = amountCols.length ? Math.min(...amountCols) : sheet.right + 1;

  // The block ends where the next section starts.
  const end = region.labels.find(
    (l) =>
      l.row > headerBottom &&
      (LABEL.overallGoal(l.norm) ||
        LABEL.annualGoal(l.norm) ||
        LABEL.indicatorSection(l.norm) ||
        LABEL.level1(l.norm) ||
        LABEL.footer(l.norm))
  );
  const last = end ? end.row - 1 : region.bottom;
  const rows: TaskRow[] = [];
  let totalRow: TotalRow | undefined;
  const at = (row: number, col: number | undefined) => (col === undefined ? undefined : sheet.ref(row, col));
  for (let row = headerBottom + 1; row <= last; row++) {
    // 合计 may stand in the name column, a merged name+content cell, or the label column to their left.
    let totalLabel: CellRef | undefined;
    for (let c = sheet.left; c < firstAmountCol; c++) {
      if (LABEL.totalRow(sheet.norm(row, c))) {
        totalLabel = sheet.ref(row, c);
        break;
      }
    }
    const cells: TaskRow = {
      row,
      name: at(row, columns.name),
      content: at(row, columns.content),
      total: at(row, columns.total),
      fiscal: at(row, columns.fiscal),
      other: at(row, columns.other),
    };
    if (totalLabel) {
      if (!totalRow) totalRow = { ...cells, name: undefined, content: undefined, label: totalLabel };
      continue;
    }
    const own = [cells.name, cells.content, cells.total, cells.fiscal, cells.other].filter(
      (c) => c && c.text !== "" && !sheet.covered(c.row, c.col)
    );
    if (own.length === 0) continue;
    rows.push(cells);
  }
  const block: TasksBlock = { header: headerRef, columns, rows };
  if (totalRow) {
    block.totalRow = totalRow;
    if (rows.length > 0) block.totalPosition = totalRow.row < rows[0].row ? "above" : "below";
  }
  return block;
}

function readGoals(sheet: Sheet, region: Region): GoalText[] {
  const goals: GoalText[] = [];
  for (const l of region.labels) {
    let kind: GoalText["kind"] | undefined;
    if (LABEL.midTermGoal(l.norm)) kind = "mid-term";
    else if (LABEL.annualGoal(l.norm)) kind = "annual";
    else if (LABEL.overallGoal(l.norm)) kind = "overall";
    if (!kind) continue;
    const f = labelled(sheet, l);
    // "总体目标" standing over 中期目标/年度目标 sub-labels is only a group label.
    if (kind === "overall" && l.norm === "总体目标") {
      const sub = region.labels.some(
        (s) =>
          s.row >= l.row &&
          s.row <= sheet.extent(l.row, l.col).bottom &&
          (LABEL.midTermGoal(s.norm) || LABEL.annualGoal(s.norm))
      );
      if (sub) continue;
    }
    goals.push(f.value ? { kind, label: f.label, value: f.value } : { kind, label: f.label });
  }
  return goals;
}

const PROJECT_FIELDS: [keyof ProjectInfo, LabelName][] = [
  ["name", "projectName"],
  ["department", "department"],
  ["implementer", "implementer"],
  ["attribute", "attribute"],
  ["period", "period"],
  ["manager", "manager"],
];

function readProject(sheet: Sheet, region: Region): ProjectInfo {
  const info: ProjectInfo = {};
  for (const [key, name] of PROJECT_FIELDS) {
    const l = find(region, name);
    if (l) info[key] = labelled(sheet, l, { below: false });
  }
  return info;
}

function readFunding(sheet: Sheet, region: Region): FundingBlock {
  const block: FundingBlock = {};
  const section = find(region, "fundingSection");
  if (section) block.label = sheet.ref(section.row, section.col);
  const from = section?.row ?? region.top;
  const fields: [keyof FundingBlock, LabelName][] = [
    ["total", "fundingTotal"],
    ["fiscal", "fiscal"],
    ["other", "other"],
    ["carryover", "carryover"],
  ];
  for (const [key, name] of fields) {
    const l = find(region, name, from);
    if (l) (block as Record<string, LabelledField>)[key] = labelled(sheet, l);
  }
  return block;
}

/** The region's bounding box of non-empty cells and merges. */
function tableRange(sheet: Sheet, region: Region): string {
  const box = sheet.contentBox(region.top, region.bottom);
  return rangeAddress(box ?? { top: region.top, left: sheet.left, bottom: region.top, right: sheet.left });
}
