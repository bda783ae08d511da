/**
 * What a "new year's template" request resolves to, the same in every shell (the Excel and WPS hosts, the ribbon
 * command, `goaltable template`): which of last year's tables is carried over, and the defaults for what the user
 * left open — the table's year + 1 (next calendar year when there is no table or it has no year), the table's
 * kind (department when none) and its indicator form (merged when none).
 */
import type { GoalTable, IndicatorForm, TableKind } from "../model";
import { makeTemplate } from "./layout";
import type { TemplateSheet } from "./types";

export interface NewYearRequest {
  kind?: TableKind;
  year?: number;
  form?: IndicatorForm;
  /** Keep last year's indicator values (otherwise they are left empty for the new targets). */
  keepValues?: boolean;
}

export interface NewYearPlan {
  template: TemplateSheet;
  kind: TableKind;
  year: number;
  form: IndicatorForm;
  /** The table carried over, if any. */
  prefill?: GoalTable;
}

/** The table to carry over: the first of `kind` when a kind is asked for and there is one, else the first. */
export function pickPrefill(tables: readonly GoalTable[], kind?: TableKind): GoalTable | undefined {
  return (kind ? tables.find((t) => t.kind === kind) : undefined) ?? tables[0];
}

/**
 * Lays out the new year's template for `request`, carrying `prefill` over when given. Throws a RangeError for a
 * year outside 1990–2100 (makeTemplate), before any shell writes anything.
 */
export function planNewYear(request: NewYearRequest, prefill: GoalTable | undefined, now: Date): NewYearPlan {
  const year = request.year ?? (prefill?.year ? prefill.year.value + 1 : now.getFullYear() + 1);
  const kind = request.kind ?? prefill?.kind ?? "department";
  const form = request.form ?? prefill?.indicators?.form ?? "merged";
  const template = makeTemplate({ kind, year, form, prefill, keepValues: request.keepValues });
  return { template, kind, year, form, ...(prefill ? { prefill } : {}) };
}
