/**
 * Which fixes the pane offers to apply in bulk ("全部修正"): only rules whose fixes are mechanical and certain, and
 * for amount/not-a-number only the numbers typed as text ("356.99" → 356.99), never a guess such as "O.00" → 0.
 * Pure, so it is tested without React or Excel.
 */
import { parseAmount } from "../core/amount";
import { parseCell } from "../core/address";
import type { Finding, FixEdit } from "../core/finding";
import type { CellRef } from "../core/model";
import type { SheetSnapshot } from "../core/snapshot";

/** The rules offered for "全部修正", in the order the pane lists them. */
export const BULK_FIX_RULES: readonly string[] = [
  "value/ascii-operator",
  "value/fullwidth",
  "value/ge-100",
  "taxonomy/unknown-level2",
  "amount/not-a-number",
];

/** The snapshot's cell at `address`, as the core reads cells; undefined outside the used range. */
export function snapshotCell(snapshot: SheetSnapshot, address: string): CellRef | undefined {
  let p;
  let o;
  try {
    p = parseCell(address);
    o = parseCell(snapshot.origin);
  } catch {
    return undefined;
  }
  const r = p.row - o.row;
  const c = p.col - o.col;
  if (r < 0 || c < 0 || r >= snapshot.values.length || c >= (snapshot.values[r]?.length ?? 0)) return undefined;
  const value = snapshot.values[r][c];
  return {
    address,
    row: p.row,
    col: p.col,
    value,
    formula: snapshot.formulas[r]?.[c] ?? null,
    format: snapshot.numberFormats[r]?.[c] ?? "General",
    text: value === null || value === undefined ? "" : String(value).trim(),
  };
}

/** Whether `finding` may go into a bulk fix of its rule. */
export function isBulkSafe(finding: Finding, snapshot: SheetSnapshot | undefined): boolean {
  const fix = finding.fix;
  if (!BULK_FIX_RULES.includes(finding.rule) || !fix || fix.length === 0) return false;
  // Values only, on the finding's own sheet: a bulk fix never writes a formula.
  if (fix.some((e) => e.sheet !== finding.sheet || e.formula !== undefined || e.value === undefined)) return false;
  if (finding.rule !== "amount/not-a-number") return true;
  // Text → number only: one edit, on the finding's cell, whose text is a plain number equal to the fix's.
  if (!snapshot || fix.length !== 1) return false;
  const [edit] = fix;
  if (edit.cell !== finding.cell || typeof edit.value !== "number") return false;
  const parsed = parseAmount(snapshotCell(snapshot, finding.cell));
  return parsed.kind === "text-number" && parsed.value.toNumber() === edit.value;
}

export interface BulkFix {
  rule: string;
  findings: Finding[];
  edits: FixEdit[];
}

const editKey = (e: FixEdit) => `${e.sheet}!${e.cell}`;

/**
 * The bulk fixes to offer: per rule of BULK_FIX_RULES, its safe findings, when there are at least `min` of them.
 * Findings whose edits collide on a cell with another's are left out (they stay fixable one by one).
 */
export function bulkFixes(findings: readonly Finding[], snapshot: SheetSnapshot | undefined, min = 2): BulkFix[] {
  const out: BulkFix[] = [];
  for (const rule of BULK_FIX_RULES) {
    const safe = findings.filter((f) => f.rule === rule && isBulkSafe(f, snapshot));
    const counts = new Map<string, number>();
    for (const f of safe) for (const e of f.fix!) counts.set(editKey(e), (counts.get(editKey(e)) ?? 0) + 1);
    const clean = safe.filter((f) => f.fix!.every((e) => counts.get(editKey(e)) === 1));
    if (clean.length < min) continue;
    out.push({ rule, findings: clean, edits: clean.flatMap((f) => f.fix!) });
  }
  return out;
}
