/**
 * Text normalisation for matching labels: real tables write "合  计", "年度\n总体\n目标", "部门(单位)名称" and
 * "部门（单位）名称：" for the same thing.
 */

const NORM_CACHE = new Map<string, string>();
/**
 * Text that folding leaves as it is: CJK ideographs, printable ASCII but space and colon, and punctuation NFKC keeps
 * (“”‘’、。《》【】≥≤). Most names and values are such text; they skip NFKC and the cache (so that a long table's
 * unique names do not crowd the cache out).
 */
const UNCHANGED = /^[\u4e00-\u9fff!-9;-~“”‘’、。《》〈〉【】≥≤·—]*$/;
/** Bounds the cache: a long session over many sheets must not grow it without end. */
const NORM_CACHE_LIMIT = 20_000;

/**
 * NFKC folds full-width brackets, colons, digits and letters to their ASCII forms; then all whitespace goes.
 * Memoised: the same labels and values recur on every row and in every rule.
 */
export function normLabel(s: string): string {
  if (UNCHANGED.test(s)) return s;
  let n = NORM_CACHE.get(s);
  if (n === undefined) {
    n = foldLabel(s);
    if (NORM_CACHE.size >= NORM_CACHE_LIMIT) NORM_CACHE.clear();
    NORM_CACHE.set(s, n);
  }
  return n;
}

/** normLabel without the memo, for callers that keep their own cache (the reader's per-sheet one). */
export function foldLabel(s: string): string {
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
