import type { SheetReading } from "../model";
import type { SheetSnapshot } from "../snapshot";

/** Finds the goal table(s) on one sheet. Never throws: a sheet without a table gets a reason. */
export function readSheet(snapshot: SheetSnapshot): SheetReading {
  void snapshot;
  throw new Error("not yet");
}
