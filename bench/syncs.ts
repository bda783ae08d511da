/** Counts context.sync() calls for a check and for highlighting, through the counting fake Excel. */
import { checkSheet } from "../src/core/check";
import { highlight } from "../src/excel/highlight";
import type { Features } from "../src/excel/requirements";
import { readActiveSheetSnapshot } from "../src/excel/snapshot";
import { FakeExcel, type FakeRequestContext } from "../test/support/fake-excel";
import { bigSheet } from "./big-table";

const ALL: Features = { core: true, conditionalFormats: true, onChanged: true, mergedAreas: true };
const xl = (context: FakeRequestContext) => context as unknown as Excel.RequestContext;

export async function syncCounts(rows: number): Promise<{ check: number; highlight: number; marked: number }> {
  const sheet = bigSheet(rows, 10);
  const excel = FakeExcel.fromSnapshots([sheet]);
  const snapshot = await excel.run((c) => readActiveSheetSnapshot(xl(c), { merges: true }));
  const check = excel.syncCount;
  const result = checkSheet(snapshot);
  const marked = await excel.run((c) => highlight(xl(c), sheet.name, result.findings, { features: ALL }));
  return { check, highlight: excel.syncCount - check, marked: marked.marked };
}
