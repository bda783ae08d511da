/**
 * Watching a sheet for changes (Worksheet.onChanged, ExcelApi 1.7), and telling the user's changes from the
 * add-in's own.
 *
 * The add-in writes too (fixes; marks are conditional formats, which Excel may or may not report as a change), and
 * re-checking after its own write would be wasted work at best and a loop at worst (check → mark → "changed" →
 * check …). Two defences:
 *
 * 1. ExcelApi 1.14 tells: `WorksheetChangedEventArgs.triggerSource` is "ThisLocalAddin" for changes made by this
 *    add-in's Office.js calls. Those events are dropped, whatever their timing.
 * 2. Older Excel gives no such field. Then `OwnWrites` remembers the cells the add-in is about to write, from just
 *    before the batch is sent until a short window (default 1.5 s) after it completed, because Excel delivers the
 *    events asynchronously after the batch. An event inside that window whose cells are all among those written is
 *    taken for the add-in's own and dropped; any other event passes. A user's edit of exactly those cells within
 *    the window would be missed; edits elsewhere never are. Clearing the marks cannot name its cells beforehand (it
 *    would cost a sync to read them), so it holds the whole sheet for the window.
 *
 * Removing the handler must happen in the RequestContext it was added with (Office.js: "you must use the same
 * context"): the returned function runs `Excel.run(result.context, …)` to remove it there.
 */
import { parseRange, stripSheet, type RangePosition } from "../core/address";

export interface SheetChange {
  address: string;
  changeType: string;
}

interface Hold {
  sheet: string;
  /** null holds the whole sheet. */
  areas: RangePosition[] | null;
  /** Infinity while the batch is in flight. */
  until: number;
}

/** The add-in's own recent writes, to tell its change events from the user's. */
export class OwnWrites {
  private holds: Hold[] = [];

  constructor(
    readonly windowMs = 1500,
    private readonly now: () => number = () => Date.now()
  ) {}

  /**
   * Holds `addresses` on `sheet` (null: the whole sheet) from now; call the returned function when the batch has
   * completed (or failed), which starts the window.
   */
  begin(sheet: string, addresses: readonly string[] | null): () => void {
    const hold: Hold = {
      sheet,
      areas: addresses === null ? null : addresses.flatMap((a) => parseAreas(a)),
      until: Infinity,
    };
    this.holds.push(hold);
    return () => {
      hold.until = this.now() + this.windowMs;
    };
  }

  /** Whether a change of `address` on `sheet` is (as far as can be told) the add-in's own. */
  isOwn(sheet: string, address: string): boolean {
    const t = this.now();
    this.holds = this.holds.filter((h) => h.until >= t);
    const changed = parseAreas(address);
    if (changed.length === 0) return false;
    const holds = this.holds.filter((h) => h.sheet === sheet);
    if (holds.some((h) => h.areas === null)) return true;
    const areas = holds.flatMap((h) => h.areas ?? []);
    return changed.every((c) => covered(c, areas));
  }
}

export interface WatchOptions {
  ownWrites?: OwnWrites;
}

/**
 * Calls `listener` for every change of `sheetName` made by someone other than the add-in. Resolves, after one sync,
 * to a function that removes the handler (in the context it was added with) and resolves when it is removed.
 */
export async function watchSheetChanges(
  context: Excel.RequestContext,
  sheetName: string,
  listener: (change: SheetChange) => void,
  options: WatchOptions = {}
): Promise<() => Promise<void>> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const result = sheet.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
    if (isOwnChange(args, sheetName, options.ownWrites)) return;
    listener({ address: args.address, changeType: args.changeType });
  });
  await context.sync();

  let removed: Promise<void> | undefined;
  return () => {
    removed ??= runInContext(result.context as Excel.RequestContext, async (ctx) => {
      result.remove();
      await ctx.sync();
    });
    return removed;
  };
}

/** Whether a change event was caused by the add-in itself. */
export function isOwnChange(
  args: Pick<Excel.WorksheetChangedEventArgs, "address"> & { triggerSource?: string },
  sheetName: string,
  ownWrites?: OwnWrites
): boolean {
  if (args.triggerSource === "ThisLocalAddin") return true;
  return ownWrites !== undefined && ownWrites.isOwn(sheetName, args.address);
}

/** Excel.run(context, batch) when Office.js is there, else the batch on the context itself (tests). */
function runInContext(
  context: Excel.RequestContext,
  batch: (ctx: Excel.RequestContext) => Promise<void>
): Promise<void> {
  if (typeof Excel !== "undefined" && typeof Excel.run === "function") return Excel.run(context, batch);
  return batch(context);
}

/** The cell ranges of an address; empty when a part is not a cell range (a whole row "3:3" or column "A:A"). */
function parseAreas(address: string): RangePosition[] {
  const out: RangePosition[] = [];
  for (const part of address.split(",")) {
    const a = stripSheet(part.trim()).replace(/\$/g, "");
    if (!a) continue;
    try {
      out.push(parseRange(a));
    } catch {
      return [];
    }
  }
  return out;
}

/** Whether every cell of `r` lies in one of `areas`. */
function covered(r: RangePosition, areas: RangePosition[]): boolean {
  if (areas.some((a) => r.top >= a.top && r.bottom <= a.bottom && r.left >= a.left && r.right <= a.right)) return true;
  const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
  if (cells > 10000) return false;
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++)
      if (!areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)) return false;
  return true;
}
