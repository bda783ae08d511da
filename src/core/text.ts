/**
 * Text normalisation for matching labels: real tables write "合  计", "年度\n总体\n目标", "部门(单位)名称" and
 * "部门（单位）名称：" for the same thing.
 */

/** NFKC folds full-width brackets, colons, digits and letters to their ASCII forms; then all whitespace goes. */
export function normLabel(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000\u200b]+/g, "")
    .replace(/[:：]+$/, "");
}

/** The text of a cell value as a person reads it (trimmed; "" for empty). */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string")
    return (v as { error: string }).error;
  return String(v);
}
