/**
 * A table nobody has filled in yet: a fresh template. Only its labels, its formulas and its (zero) totals are there.
 * The structure rules that report an empty name, goal, task list or indicator list stay quiet on such a table: those
 * cells are empty because the table is still to be filled, not because something was left out of a table in
 * progress. As soon as anything is typed in, the table is no longer blank and every rule applies again.
 */
import type { CellRef, GoalTable, LabelledField } from "../model";

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
