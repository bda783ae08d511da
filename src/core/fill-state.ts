/**
 * How far a table has been filled in. A fresh template, or next year's table prefilled from this year's, has whole
 * blocks still empty: those are "to be filled" (structure/to-be-filled says so once), not a pile of per-cell
 * errors. As soon as one cell of a block is typed in, the per-cell rules apply to the rest of that block.
 *
 * A table nobody has filled in yet: a fresh template. Only its labels, its formulas and its (zero) totals are there.
 * The structure rules that report an empty name, goal, task list or indicator list stay quiet on such a table: those
 * cells are empty because the table is still to be filled, not because something was left out of a table in
 * progress. As soon as anything is typed in, the table is no longer blank and every rule applies again.
 */
import type { CellRef, GoalTable, LabelledField } from "./model";

/** Text, or an amount other than 0: what someone typed. A formula's 0 (an empty total) is not content. */
function hasContent(cell: CellRef | undefined): boolean {
  if (!cell || cell.text === "") return false;
  if (cell.formula && typeof cell.value === "number" && cell.value === 0) return false;
  return true;
}

function fieldHasContent(field: LabelledField | undefined): boolean {
  // "部门（单位）名称：XX" in the label cell itself: the value is the label cell, content only after the colon.
  if (field?.value && field.value.address === field.label.address)
    return /[:：]\s*\S/.test(field.value.text.normalize("NFKC"));
  return hasContent(field?.value);
}

/** True when the table holds nothing but its labels and formulas: no name, task, amount, goal or indicator. */
export function isBlankTable(table: GoalTable): boolean {
  if (fieldHasContent(table.name)) return false;
  if (table.goals.some((g) => hasContent(g.value))) return false;
  for (const r of table.tasks?.rows ?? []) {
    if ([r.name, r.content, r.total, r.fiscal, r.other].some(hasContent)) return false;
  }
  const total = table.tasks?.totalRow;
  if (total && [total.total, total.fiscal, total.other].some(hasContent)) return false;
  const p = table.project;
  if (p && [p.department, p.implementer, p.attribute, p.period, p.manager].some(fieldHasContent)) return false;
  const f = table.funding;
  if (f && [f.total, f.fiscal, f.other, f.carryover].some(fieldHasContent)) return false;
  for (const r of table.indicators?.rows ?? []) {
    if ([r.name, r.value, r.longTermValue, r.nature, r.direction, r.operator, r.unit, r.remark].some(hasContent))
      return false;
  }
  return true;
}

function isEmpty(cell: CellRef | undefined): boolean {
  return !cell || cell.text === "";
}

/** A total the user leaves to its formula: empty, or a formula. */
function isDerived(cell: CellRef | undefined): boolean {
  return isEmpty(cell) || !!cell!.formula;
}

/**
 * The empty amount cells when NO amount has been typed yet (every 财政拨款/其他资金 and every constant total is
 * empty); undefined when some amount is there. Department: the named task rows; project: 资金情况.
 */
export function unfilledAmounts(table: GoalTable): CellRef[] | undefined {
  const cells: CellRef[] = [];
  if (table.kind === "department") {
    const rows = (table.tasks?.rows ?? []).filter((r) => r.name && r.name.text !== "");
    if (rows.length === 0) return undefined;
    for (const r of rows) {
      if (!isEmpty(r.fiscal) || !isEmpty(r.other) || !isDerived(r.total)) return undefined;
      for (const c of [r.fiscal, r.other]) if (c) cells.push(c);
    }
  } else {
    const f = table.funding;
    // Sources (中央/市级资金 …) count as amounts too: one filled in means the block is in progress.
    const parts = [f?.fiscal?.value, f?.other?.value, f?.carryover?.value, ...(f?.sources ?? []).map((x) => x.value)];
    if (!f?.total || parts.every((c) => c === undefined)) return undefined;
    if (parts.some((c) => !isEmpty(c)) || !isDerived(f.total.value)) return undefined;
    for (const c of parts) if (c) cells.push(c);
  }
  return cells.length > 0 ? cells : undefined;
}

/** The empty value cells of the named indicators when NONE has a value yet; undefined otherwise. */
export function unfilledValues(table: GoalTable): CellRef[] | undefined {
  const named = (table.indicators?.rows ?? []).filter((r) => r.name);
  if (named.length === 0) return undefined;
  const cells: CellRef[] = [];
  for (const r of named) {
    if (!r.value || !isEmpty(r.value) || !isEmpty(r.operator) || !isEmpty(r.unit)) return undefined;
    cells.push(r.value);
  }
  return cells;
}
