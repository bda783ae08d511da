import { parseRange, cellAddress } from "../../address";
import type { GoalTable } from "../../model";

/** Where a finding about something missing points: the title, or else the table's top-left cell. */
export function tableAnchor(table: GoalTable): string {
  if (table.title) return table.title.address;
  const r = parseRange(table.range);
  return cellAddress(r.top, r.left);
}
