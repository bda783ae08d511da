/**
 * The table reader: finds the goal table(s) on a sheet snapshot by their labels, never by fixed coordinates, and
 * returns a model in which every field keeps its cell.
 */
import { rangeAddress } from "../address";
import type {
  AmountUnit,
  BudgetBlock,
  CellRef,
  CompositionBlock,
  DutiesBlock,
  DutyRow,
  FundingBlock,
  FundingSource,
  FundingSourceKind,
  MoneyLine,
  NotATable,
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
import { indicatorHeaders, readIndicators } from "./indicators";
import { isLabel, LABEL, unitIn, yearIn, type LabelName } from "./labels";
import { Sheet } from "./sheet";
import { readPlans, readSumLines } from "./sums";

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
  if (sheet.isEmpty) return notATable(snapshot.name, "工作表是空的", "the sheet is empty", "empty");
  const labels = [...sheet.labelCells()];
  const regions = findRegions(sheet, labels);
  const tables: GoalTable[] = [];
  let why: NotATable | undefined;
  for (const region of regions) {
    const t = readRegion(sheet, region);
    if (Array.isArray(t)) tables.push(...t);
    else if (t && "reason" in t) why ??= t;
    else if (t) tables.push(t);
  }
  if (tables.length > 0) return { sheet: sheet.name, tables };
  if (why) return { sheet: sheet.name, tables: [], notATable: why };
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

function notATable(sheet: string, zh: string, en: string, kind: NotATable["kind"] = "other"): SheetReading {
  return { sheet, tables: [], notATable: { reason: { zh, en }, kind } };
}

const SELF_EVALUATION: NotATable = {
  kind: "self-evaluation",
  reason: {
    zh: "不是绩效目标表，而是绩效自评表：有“实际完成值”“得分”等自评栏目。自评表记录执行结果，不按目标表检查",
    en: "not a goal table but a performance self-evaluation (自评表): it has columns such as 实际完成值 (actual) and 得分 (score). A self-evaluation records results and is not checked as a goal table",
  },
};

const EVALUATION_INDICATORS: NotATable = {
  kind: "evaluation-indicators",
  reason: {
    zh: "不是绩效目标表，而是评价指标体系：有一级/二级/三级指标和分值或评分标准，但没有指标值（目标值）一栏",
    en: "not a goal table but a list of evaluation indicators: it has 一级/二级/三级 indicators with scores or scoring standards, but no target value (指标值) column",
  },
};

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
  // Several projects one after another under one title (or none): each 项目名称 written as a form label, after the
  // indicators of the one before, starts a table.
  const headers = labels.filter((l) => LABEL.level1(l.norm));
  const projects = labels.filter(
    (l) =>
      LABEL.projectName(l.norm) &&
      !labels.some((h) => h.row === l.row && (LABEL.level1(h.norm) || LABEL.dutyName(h.norm) || LABEL.dutyTask(h.norm)))
  );
  for (let i = 1; i < projects.length; i++) {
    const p = projects[i];
    const prev = projects[i - 1];
    if (!headers.some((h) => h.row > prev.row && h.row < p.row)) continue;
    // The title or year line just above the project belongs to it: start at the nearest title-block start.
    if (starts.some((s) => s <= p.row && p.row - s <= 4 && s > prev.row)) continue;
    starts.push(p.row);
  }
  starts.sort((a, b) => a - b);
  return starts.map((top, i) => {
    const bottom = i + 1 < starts.length ? starts[i + 1] - 1 : sheet.bottom;
    return { top, bottom, labels: labels.filter((l) => l.row >= top && l.row <= bottom) };
  });
}

function find(region: Region, name: LabelName, from = region.top, to = region.bottom) {
  return region.labels.find((l) => l.row >= from && l.row <= to && LABEL[name](l.norm));
}

function readRegion(sheet: Sheet, region: Region): GoalTable | GoalTable[] | NotATable | undefined {
  const titleLabel = region.labels.find((l) => LABEL.title(l.norm));
  const headers = indicatorHeaders(region);
  // A self-evaluation: its title says so, or its indicator header has 实际完成值 / 得分 columns.
  const headerRows = new Set(headers.map((h) => h.row));
  if (
    region.labels.some((l) => LABEL.selfEvalTitle(l.norm)) ||
    region.labels.some(
      (l) => LABEL.selfEvalColumn(l.norm) && (headerRows.has(l.row) || /^(实际完成|全年执行数|偏差原因)/.test(l.norm))
    )
  )
    return SELF_EVALUATION;
  // A list: 项目名称 is a column of the indicator header, one row per indicator.
  const listHeader = headers.find((h) => region.labels.some((l) => l.row === h.row && LABEL.projectName(l.norm)));
  if (listHeader) return readList(sheet, region, listHeader, titleLabel);

  const taskHeader = find(region, "taskName");
  // 项目名称 as a form label, not a column header of 年度履职目标.
  const projectName = region.labels.find(
    (l) =>
      LABEL.projectName(l.norm) &&
      !region.labels.some((d) => d.row === l.row && (LABEL.dutyName(d.norm) || LABEL.dutyTask(d.norm)))
  );
  const funding = find(region, "fundingSection") ?? find(region, "fundingTotal");
  const indicators = readIndicators(sheet, region);
  if (indicators && indicators.columns.value === undefined && indicators.columns.operator === undefined) {
    const c = indicators.columns;
    if (
      c.scoring !== undefined ||
      (c.score !== undefined && c.explanation !== undefined) ||
      region.labels.some((l) => LABEL.evaluationTitle(l.norm))
    )
      return EVALUATION_INDICATORS;
  }
  const dutyLabel = find(region, "dutySection");
  const compositionLabel = find(region, "compositionSection");
  const budgetLabel = find(region, "budgetSection");
  if (!taskHeader && !(projectName && funding) && !indicators && !dutyLabel && !compositionLabel && !budgetLabel)
    return undefined;

  const departmentMoney = !!taskHeader || (!projectName && !!(dutyLabel || compositionLabel || budgetLabel));
  const kind = tableKind(titleLabel?.norm, departmentMoney, !!projectName);
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
  const overview = find(region, "overview");
  if (overview) {
    const f = labelled(sheet, overview);
    table.overview = {
      kind: overview.norm.startsWith("项目") ? "project" : "duties",
      label: f.label,
      ...(f.value ? { value: f.value } : {}),
    };
  }
  const longTerm = indicators ? readIndicators(sheet, region, "long") : undefined;
  if (longTerm && longTerm.header !== indicators?.header) table.longTermIndicators = longTerm;
  if (kind === "department") {
    const nameLabel = find(region, "departmentName");
    if (nameLabel) table.name = labelled(sheet, nameLabel, { sameCell: true });
    if (taskHeader) table.tasks = readTasks(sheet, region, taskHeader);
    const section = find(region, "taskSection");
    if (section && !taskHeader) table.taskSection = sheet.ref(section.row, section.col);
    if (dutyLabel) {
      const duties = readDuties(sheet, region, dutyLabel);
      if (duties) table.duties = duties;
    }
    if (compositionLabel) table.composition = readComposition(sheet, region, compositionLabel);
    if (budgetLabel) table.budget = readBudget(sheet, region, budgetLabel);
  } else {
    table.project = readProject(sheet, region);
    table.name = table.project.name;
    table.funding = readFunding(sheet, region);
  }
  const sumLines = readSumLines(sheet, region);
  if (sumLines.length > 0) table.sumLines = sumLines;
  const plans = readPlans(sheet, region, indicators);
  if (plans.length > 0) table.plans = plans;
  table.range = tableRange(sheet, region);
  return table;
}

/**
 * A list sheet: one row per indicator, with 项目名称 (and 单位名称 / 预算数 / 年度目标) as columns of the indicator
 * header. Each project is a table of its own; a blank or repeated project cell continues the project above.
 */
function readList(
  sheet: Sheet,
  region: Region,
  header: Region["labels"][number],
  titleLabel: Region["labels"][number] | undefined
): GoalTable[] {
  const block = readIndicators(sheet, { ...region, top: header.row });
  if (!block) return [];
  const onHeader = region.labels.filter((l) => l.row === header.row);
  const colOf = (p: (n: string) => boolean) => onHeader.find((l) => p(l.norm));
  const nameHead = colOf(LABEL.projectName)!;
  const deptHead = colOf(LABEL.departmentName);
  const budgetHead = colOf((n) => LABEL.budgetHeader(n) || LABEL.fundingTotal(n));
  const goalHead = colOf((n) => LABEL.annualGoal(n) || LABEL.overallGoal(n));
  const unit = findUnit(region);
  const year = findYear(sheet, region, titleLabel);
  const title = titleLabel ? sheet.ref(titleLabel.row, titleLabel.col) : undefined;
  const box = sheet.contentBox(header.row, region.bottom);
  const groups: { name: CellRef; rows: typeof block.rows }[] = [];
  for (const r of block.rows) {
    const cell = sheet.shown(r.row, nameHead.col);
    const current = groups[groups.length - 1];
    if (cell.text === "" || (current && (cell === current.name || cell.text === current.name.text))) {
      current?.rows.push(r);
      continue;
    }
    groups.push({ name: cell, rows: [r] });
  }
  return groups.map((g) => {
    const first = g.name.row;
    const last = g.rows[g.rows.length - 1].row;
    const at = (h: Region["labels"][number] | undefined): LabelledField | undefined =>
      h ? { label: sheet.ref(h.row, h.col), value: sheet.shown(first, h.col) } : undefined;
    const name: LabelledField = { label: sheet.ref(nameHead.row, nameHead.col), value: g.name };
    const department = at(deptHead);
    const total = at(budgetHead);
    const goal = at(goalHead);
    const table: GoalTable = {
      kind: "project",
      layout: "list",
      sheet: sheet.name,
      range: rangeAddress({
        top: first,
        left: box?.left ?? sheet.left,
        bottom: last,
        right: box?.right ?? sheet.right,
      }),
      title,
      year,
      unit: unit?.unit ?? "万元",
      ...(unit ? { unitCell: sheet.ref(unit.row, unit.col).address } : {}),
      name,
      project: department ? { name, department } : { name },
      funding: total ? { total } : {},
      goals: goal ? [{ kind: "annual", label: goal.label, ...(goal.value ? { value: goal.value } : {}) }] : [],
      indicators: { ...block, rows: g.rows },
    };
    return table;
  });
}

/** A department table has a department money block (任务, 履职目标, 收入/支出构成, 年度预算申请). */
function tableKind(title: string | undefined, hasDepartmentMoney: boolean, hasProjectName: boolean): TableKind {
  if (hasDepartmentMoney) return "department";
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
  const end = region.labels.find((l) => l.row > headerBottom && startsGoalsOrIndicators(l.norm));
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
    // A section row (年度绩效目标) over the goal label that holds the text (*年度绩效总目标): only a group label.
    if (!f.value || f.value.text === "" || isLabel(sheet.norm(f.value.row, f.value.col))) {
      const bottom = sheet.extent(l.row, l.col).bottom;
      const next = region.labels.some(
        (s) =>
          s !== l &&
          s.row > l.row &&
          s.row <= bottom + 2 &&
          (LABEL.midTermGoal(s.norm) || LABEL.annualGoal(s.norm) || LABEL.overallGoal(s.norm))
      );
      if (next) continue;
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

/** Labels of money fields: a cell beside one of these is not the value of another. */
function isMoneyLabel(norm: string): boolean {
  return (
    LABEL.fundingTotal(norm) ||
    LABEL.projectTotal(norm) ||
    LABEL.fiscal(norm) ||
    LABEL.other(norm) ||
    LABEL.carryover(norm) ||
    LABEL.fundingSource(norm) ||
    LABEL.amountTotal(norm) ||
    LABEL.basicExpense(norm) ||
    LABEL.projectExpense(norm) ||
    LABEL.totalRow(norm)
  );
}

/**
 * The value cell of a money label. In a label/value form it is the first filled cell to its right before the next
 * label, or, when nothing is filled in, the (blank) cell right beside it: a blank amount stays blank, never the
 * next row's text or label. A label that heads a column (its neighbour is another money label, as in a
 * 年度资金总额 | 财政拨款 | 其他资金 header row) has its value under it.
 */
function moneyValue(sheet: Sheet, row: number, col: number): CellRef | undefined {
  const ext = sheet.extent(row, col);
  let c = ext.right + 1;
  while (c <= sheet.right && sheet.covered(row, c)) c++;
  const rightNorm = c <= sheet.right ? sheet.norm(row, c) : "";
  const left = col - 1 >= sheet.left ? sheet.master(row, col - 1) : undefined;
  const leftNorm = left ? sheet.norm(left.row, left.col) : "";
  const heading = (rightNorm !== "" && isMoneyLabel(rightNorm)) || (leftNorm !== "" && isMoneyLabel(leftNorm));
  if (!heading) {
    let firstRight: CellRef | undefined;
    for (; c <= sheet.right; c++) {
      if (sheet.covered(row, c)) continue;
      const norm = sheet.norm(row, c);
      if (norm && isLabel(norm)) break;
      const ref = sheet.ref(row, c);
      firstRight ??= ref;
      if (ref.text !== "") return ref;
    }
    if (firstRight) return firstRight;
  }
  if (ext.bottom + 1 > sheet.bottom) return undefined;
  const m = sheet.master(ext.bottom + 1, col);
  if (m.row !== ext.bottom + 1 || isLabel(sheet.norm(m.row, m.col))) return undefined;
  return sheet.ref(m.row, m.col);
}

function moneyField(sheet: Sheet, l: Region["labels"][number]): LabelledField {
  const label = sheet.ref(l.row, l.col);
  // "年度资金总额：153.5" or "二、自有资金:0万元" in one cell: the cell is its own value.
  if (/^[^:]{1,16}:-?[0-9][0-9,]*(\.[0-9]+)?(万元|元)?($|\()/.test(l.norm)) return { label, value: label };
  const value = moneyValue(sheet, l.row, l.col);
  return value ? { label, value } : { label };
}

/** A label that starts the goals, the indicators or the footer: where the tasks block ends. */
function startsGoalsOrIndicators(norm: string): boolean {
  return (
    LABEL.overallGoal(norm) ||
    LABEL.annualGoal(norm) ||
    LABEL.indicatorSection(norm) ||
    LABEL.level1(norm) ||
    LABEL.footer(norm)
  );
}

/**
 * The rows of a money block: from its label to the row before the next section. A money block also ends at the
 * other blocks' labels (中期目标, 职能, 收支构成, 预算, 任务, 项目概况…); the tasks block does not, since its own
 * rows are free text that can read like them (a task "部门职能运转"); ended with the money blocks' list, 49 of the
 * reader, real-table and fault tests fail.
 */
function blockEnd(region: Region, from: number): number {
  const end = region.labels.find(
    (l) =>
      l.row > from &&
      (startsGoalsOrIndicators(l.norm) ||
        LABEL.midTermGoal(l.norm) ||
        LABEL.dutySection(l.norm) ||
        LABEL.compositionSection(l.norm) ||
        LABEL.budgetSection(l.norm) ||
        LABEL.taskSection(l.norm) ||
        /^项目(概况|立项|实施|绩效目标)|^立项依据|职能/.test(l.norm))
  );
  return end ? end.row - 1 : region.bottom;
}

const SOURCE_KINDS: [RegExp, FundingSourceKind][] = [
  [/上级/, "superior"],
  [/中央/, "central"],
  [/省/, "provincial"],
  [/市/, "municipal"],
  [/县/, "county"],
  [/区/, "district"],
  [/本级/, "own-level"],
  [/地方/, "local"],
  [/自有/, "self"],
];

function readFunding(sheet: Sheet, region: Region): FundingBlock {
  const block: FundingBlock = {};
  const section = find(region, "fundingSection");
  if (section) block.label = sheet.ref(section.row, section.col);
  const first = region.labels.find(
    (l) => (section ? l.row >= section.row : true) && (LABEL.fundingTotal(l.norm) || LABEL.fiscal(l.norm))
  );
  const from = section?.row ?? first?.row ?? region.top;
  const to = Math.max(blockEnd(region, from), sheet.extent(from, section?.col ?? sheet.left).bottom);
  const inBlock = region.labels.filter((l) => l.row >= from && l.row <= to);
  const current = (l: { norm: string }) => /^(其中:)?(年度|当年|本年)/.test(l.norm);
  const totals = inBlock.filter(
    (l) => l !== section && (LABEL.fundingTotal(l.norm) || (section && /^(总额|资金总额|预算总额)$/.test(l.norm)))
  );
  // 资金总额 beside 当年资金总额: the year's is the total, the other the project's over all its years.
  const total = totals.find(current) ?? totals[0];
  if (total) block.total = moneyField(sheet, total);
  const projectTotal =
    inBlock.find((l) => LABEL.projectTotal(l.norm)) ?? totals.find((l) => l !== total && !current(l));
  if (projectTotal) block.projectTotal = moneyField(sheet, projectTotal);
  const pick = (name: LabelName) => {
    const c = inBlock.filter((l) => LABEL[name](l.norm) && !LABEL.fundingTotal(l.norm));
    if (c.length <= 1) return c[0];
    return (total && c.find((l) => l.col === total.col)) ?? c.find(current) ?? c[0];
  };
  for (const [key, name] of [
    ["fiscal", "fiscal"],
    ["other", "other"],
    ["carryover", "carryover"],
  ] as const) {
    const l = pick(name);
    if (l) block[key] = moneyField(sheet, l);
  }
  const sources: FundingSource[] = [];
  for (const l of inBlock) {
    if (!LABEL.fundingSource(l.norm) || LABEL.fiscal(l.norm)) continue;
    const kind = SOURCE_KINDS.find(([r]) => r.test(l.norm))?.[1];
    if (kind) sources.push({ kind, ...moneyField(sheet, l) });
  }
  if (sources.length > 0) block.sources = sources;
  return block;
}

/** 年度履职目标: 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额, one row per duty. */
function readDuties(sheet: Sheet, region: Region, label: Region["labels"][number]): DutiesBlock | undefined {
  const ext = sheet.extent(label.row, label.col);
  const isHead = (n: string) =>
    LABEL.dutyName(n) || LABEL.dutyTask(n) || LABEL.dutyItem(n) || LABEL.budgetHeader(n) || /^(预算)?金额/.test(n);
  const heads = region.labels.filter((l) => l.row >= label.row && l.row <= ext.bottom + 2 && isHead(l.norm));
  if (heads.length === 0) return undefined;
  const headerRow = heads[0].row;
  const onRow = heads.filter((h) => h.row === headerRow);
  const col = (p: (n: string) => boolean) => onRow.find((h) => p(h.norm))?.col;
  const columns: DutiesBlock["columns"] = {
    duty: col(LABEL.dutyName),
    task: col(LABEL.dutyTask),
    item: col(LABEL.dutyItem),
    amount: col((n) => LABEL.budgetHeader(n) || /^(预算)?金额/.test(n)),
  };
  const headerBottom = Math.max(...onRow.map((h) => sheet.extent(h.row, h.col).bottom));
  const last = blockEnd(region, headerBottom);
  const firstCol = Math.min(...onRow.map((h) => h.col));
  const rows: DutyRow[] = [];
  let totalRow: DutiesBlock["totalRow"];
  const at = (row: number, c: number | undefined) => (c === undefined ? undefined : sheet.ref(row, c));
  for (let row = headerBottom + 1; row <= last; row++) {
    const cells: DutyRow = {
      row,
      duty: at(row, columns.duty),
      task: at(row, columns.task),
      item: at(row, columns.item),
      amount: at(row, columns.amount),
    };
    let totalLabel: CellRef | undefined;
    for (let c = firstCol; c < (columns.amount ?? sheet.right + 1); c++)
      if (LABEL.totalRow(sheet.norm(row, c))) totalLabel = sheet.ref(row, c);
    if (totalLabel) {
      totalRow ??= { ...cells, label: totalLabel };
      continue;
    }
    const own = [cells.duty, cells.task, cells.item, cells.amount].filter(
      (c) => c && c.text !== "" && !sheet.covered(c.row, c.col)
    );
    if (own.length > 0) rows.push(cells);
  }
  const header = sheet.ref(onRow[0].row, firstCol);
  const block: DutiesBlock = { label: sheet.ref(label.row, label.col), header, columns, rows };
  if (totalRow) block.totalRow = totalRow;
  return block;
}

function lineKind(norm: string): MoneyLine["kind"] | undefined {
  if (LABEL.totalRow(norm)) return "total";
  if (LABEL.basicExpense(norm)) return "basic";
  if (LABEL.projectExpense(norm)) return "project";
  if (LABEL.fiscal(norm)) return "fiscal";
  if (LABEL.other(norm)) return "other";
  if (LABEL.fundingTotal(norm) || LABEL.amountTotal(norm)) return "total";
  if (LABEL.fundingSource(norm)) return "source";
  return undefined;
}

/** The rows a block label stands for: its merge, or (a label on one row) down to the next section. */
function blockRows(sheet: Sheet, region: Region, label: Region["labels"][number]): [number, number] {
  const ext = sheet.extent(label.row, label.col);
  return [label.row, ext.bottom > label.row ? ext.bottom : blockEnd(region, label.row)];
}

/** 部门总体资金情况: 收入构成 and 支出构成 lines with 金额 and 占比. */
function readComposition(sheet: Sheet, region: Region, label: Region["labels"][number]): CompositionBlock {
  const [top, bottom] = blockRows(sheet, region, label);
  const inBlock = region.labels.filter((l) => l.row >= top && l.row <= bottom && l !== label);
  const groups = inBlock.filter((l) => LABEL.incomeHeader(l.norm) || LABEL.expenseHeader(l.norm));
  const shareCol = inBlock.find((l) => LABEL.share(l.norm))?.col;
  const amountCol = inBlock.find((l) => /^(当年)?(金额|预算数|预算金额)/.test(l.norm))?.col;
  const block: CompositionBlock = { label: sheet.ref(label.row, label.col), income: [], expense: [] };
  for (const l of inBlock) {
    const kind = lineKind(l.norm);
    if (!kind) continue;
    // The group whose merged label covers the row, else the nearest before it.
    const covering = groups.filter(
      (g) => g.col < l.col && g.row <= l.row && sheet.extent(g.row, g.col).bottom >= l.row
    );
    const before = groups.filter((g) => g.row < l.row || (g.row === l.row && g.col < l.col));
    const group = covering[covering.length - 1] ?? before[before.length - 1];
    const line: MoneyLine = { kind, label: sheet.ref(l.row, l.col) };
    const amount =
      amountCol !== undefined && amountCol > l.col ? sheet.shown(l.row, amountCol) : moneyValue(sheet, l.row, l.col);
    if (amount) line.amount = amount;
    if (shareCol !== undefined) line.share = sheet.shown(l.row, shareCol);
    const expense = (group && LABEL.expenseHeader(group.norm)) || (!group && (kind === "basic" || kind === "project"));
    (expense ? block.expense : block.income).push(line);
  }
  return block;
}

/** 年度预算申请 / 年度预算安排: 资金总额, 基本支出, 项目支出 (and 财政拨款 / 其他资金) with their amounts. */
function readBudget(sheet: Sheet, region: Region, label: Region["labels"][number]): BudgetBlock {
  const [top, bottom] = blockRows(sheet, region, label);
  const found: { l: Region["labels"][number]; kind: MoneyLine["kind"] }[] = [];
  for (const l of region.labels) {
    if (l.row < top || l.row > bottom || l === label) continue;
    const kind = lineKind(l.norm);
    if (kind) found.push({ l, kind });
  }
  // A matrix: 资金总额 | 财政拨款 | 其他资金 as column headers over 基本支出 / 项目支出 / 合计 rows. A column header's
  // amount is on the 合计 row (none without one), a row's amount under 资金总额: never the first row's cell.
  const headerRow = found.find((f, i) => found.some((g, j) => j !== i && g.l.row === f.l.row))?.l.row;
  const rowLines =
    headerRow === undefined
      ? []
      : found.filter(
          (f) => f.l.row > headerRow && (f.kind === "basic" || f.kind === "project" || LABEL.totalRow(f.l.norm))
        );
  if (headerRow !== undefined && rowLines.length > 0) {
    const heads = found.filter((f) => f.l.row === headerRow);
    const totalCol = heads.find((h) => h.kind === "total")?.l.col;
    const sumRow = rowLines.find((f) => LABEL.totalRow(f.l.norm))?.l.row;
    const lines: MoneyLine[] = [];
    for (const h of heads) {
      const line: MoneyLine = { kind: h.kind, label: sheet.ref(h.l.row, h.l.col) };
      if (sumRow !== undefined) line.amount = sheet.shown(sumRow, h.l.col);
      lines.push(line);
    }
    for (const r of rowLines) {
      if (r.kind === "total") continue;
      const line: MoneyLine = { kind: r.kind, label: sheet.ref(r.l.row, r.l.col) };
      if (totalCol !== undefined) line.amount = sheet.shown(r.l.row, totalCol);
      lines.push(line);
    }
    return { label: sheet.ref(label.row, label.col), lines };
  }
  const lines: MoneyLine[] = found.map(({ l, kind }) => {
    const f = moneyField(sheet, l);
    return f.value ? { kind, label: f.label, amount: f.value } : { kind, label: f.label };
  });
  return { label: sheet.ref(label.row, label.col), lines };
}

/** The region's bounding box of non-empty cells and merges. */
function tableRange(sheet: Sheet, region: Region): string {
  const box = sheet.contentBox(region.top, region.bottom);
  return rangeAddress(box ?? { top: region.top, left: sheet.left, bottom: region.top, right: sheet.left });
}
