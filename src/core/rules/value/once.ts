/**
 * Accepted practice that could be written more neatly (no operator, ">=", "≥100%", "百分比") is said once per table:
 * one quiet note at the first cell, the other cells as related, and one fix for them all where there is one.
 */
import type { FixEdit, Message } from "../../finding";
import type { Report } from "../rule";

export interface OnceItem {
  cell: string;
  /** The value as written, for the message's examples. */
  text: string;
  fix?: FixEdit;
}

/** Reports the items as one note; `say` gets the count and up to three examples ("“100%”、“3处”"). */
export function reportOnce(
  items: OnceItem[],
  report: (r: Report) => void,
  say: (count: number, examples: { zh: string; en: string }) => Message
): void {
  if (items.length === 0) return;
  const seen = [...new Set(items.map((i) => i.text))].slice(0, 3);
  const examples = {
    zh: seen.map((t) => `“${t}”`).join("、") + (items.length > seen.length ? "等" : ""),
    en: seen.map((t) => `'${t}'`).join(", ") + (items.length > seen.length ? "…" : ""),
  };
  const fixes = items.flatMap((i) => (i.fix ? [i.fix] : []));
  report({
    cell: items[0].cell,
    related: items.slice(1).map((i) => i.cell),
    message: say(items.length, examples),
    ...(fixes.length > 0 ? { fix: fixes } : {}),
  });
}
