/**
 * The marks every host puts on findings' cells, shared by the Excel (src/excel/highlight.ts) and WPS
 * (src/wps/writes.ts) adapters: a conditional format whose rule is always true and names the add-in, so each host
 * recognises its own marks (also those of an earlier session or the other host) and never touches the user's.
 * See src/excel/highlight.ts for why the rule reads =N("goaltable:error")=0.
 */
import type { Severity } from "../core/finding";

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
