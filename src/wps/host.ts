/**
 * The host the task pane uses inside WPS 表格: the same interface as Excel's (src/excel/host.ts), over WPS's
 * synchronous JS object model (`window.Application`). Each operation is a handful of synchronous calls (measured by
 * the fake WPS's call counter in the tests and `npm run bench`); writes run with screen updating off.
 *
 * Change watching: Application.ApiEvent's "SheetChange" (Sh, Target). WPS, like VBA, reports the add-in's own
 * writes too, so the host remembers what it is about to write (OwnWrites, src/excel/changes.ts) and drops those
 * events, whether WPS delivers them during the write or just after.
 */
import type { FixEdit } from "../core/finding";
import { readSheet } from "../core/reader";
import type { SheetSnapshot } from "../core/snapshot";
import { pickPrefill, planNewYear } from "../core/template";
import { OwnWrites } from "../excel/changes";
import type { ExcelHost, TemplateInsertResult, TemplateRequest } from "../excel/host";
import type { Features } from "../excel/requirements";
import { parseRange } from "../core/address";
import { addressOf, type WpsObject } from "./api";
import { readWpsSheet } from "./snapshot";
import {
  applyFixesWps,
  clearWps,
  highlightWps,
  insertTemplateWps,
  readAcceptancesWps,
  selectWps,
  undoFixWps,
  writeAcceptancesWps,
} from "./writes";

/** WPS has all of it: marks, change events and merged cells need no version check. */
export const WPS_FEATURES: Features = { core: true, conditionalFormats: true, onChanged: true, mergedAreas: true };

export interface WpsHostOptions {
  /** How long after its own write a change of the written cells is still taken for the add-in's own (ms). */
  ownWriteWindowMs?: number;
  /** The clock, for the template's default year. */
  now?: () => Date;
}

/** Thrown when WPS has no workbook open (the pane asks the user to open one). */
export class NoWorkbookError extends Error {
  constructor() {
    super("WPS 没有打开的工作簿 (no workbook is open in WPS)");
    this.name = "NoWorkbookError";
  }
}

export function createWpsHost(app: WpsObject, options: WpsHostOptions = {}): ExcelHost {
  const own = new OwnWrites(options.ownWriteWindowMs);
  /** Merged areas of the sheets last read, for marking whole merged areas without reading them again. */
  const merges = new Map<string, readonly string[]>();

  const activeSheet = (): WpsObject => {
    const wb = app.ActiveWorkbook;
    if (wb === null || wb === undefined) throw new NoWorkbookError();
    return app.ActiveSheet;
  };

  const read = (): SheetSnapshot => {
    const snapshot = readWpsSheet(activeSheet());
    merges.set(snapshot.name, snapshot.merges);
    return snapshot;
  };

  /** Runs a write holding `addresses` (null: the whole sheet) as the add-in's own until the window after it. */
  function holding<T>(write: (take: (sheet: string, addresses: readonly string[] | null) => void) => T): T {
    const releases: (() => void)[] = [];
    try {
      return write((sheet, addresses) => releases.push(own.begin(sheet, addresses)));
    } finally {
      releases.forEach((release) => release());
    }
  }

  const host: ExcelHost = {
    features: WPS_FEATURES,

    readActiveSheet: async () => read(),

    highlight: async (sheet, findings) =>
      holding((take) =>
        highlightWps(app, sheet, findings, merges.get(sheet) ?? mergedAroundCells(app, sheet, findings), (a) =>
          take(sheet, a)
        )
      ),

    clearHighlights: async (sheet) => {
      holding((take) => clearWps(app, sheet, () => take(sheet, null)));
    },

    select: async (sheet, address) => selectWps(app, sheet, address),

    applyFixes: async (edits: readonly FixEdit[]) => {
      const { edits: written, before, after } = holding((take) => applyFixesWps(app, edits, take));
      return { edits: written, before, after };
    },

    undoFix: async (record) => holding((take) => undoFixWps(app, record, take)),

    readAcceptances: async () => readAcceptancesWps(app),

    // A custom XML part is no cell: writing it fires no SheetChange.
    writeAcceptances: async (list) => writeAcceptancesWps(app, list),

    onSheetChanged: async (sheetName, listener) => {
      const handler = (sh: WpsObject, target: WpsObject): void => {
        let name: string;
        let address: string;
        try {
          name = String(sh?.Name);
          address = addressOf(target);
        } catch {
          return;
        }
        if (name !== sheetName || own.isOwn(sheetName, address)) return;
        listener();
      };
      app.ApiEvent.AddApiEventListener("SheetChange", handler);
      let removed = false;
      return async () => {
        if (removed) return;
        removed = true;
        app.ApiEvent.RemoveApiEventListener("SheetChange", handler);
      };
    },

    insertTemplate: async (request: TemplateRequest): Promise<TemplateInsertResult> => {
      const table = request.prefill ? pickPrefill(readSheet(read()).tables, request.kind) : undefined;
      const { template, kind, year, form } = planNewYear(request, table, (options.now ?? (() => new Date()))());
      const { sheetName } = insertTemplateWps(app, template);
      return {
        sheetName,
        skipped: [],
        kind,
        year,
        form,
        ...(table ? { prefilledFrom: table.sheet } : {}),
        ...(request.prefill && !table ? { noTableToPrefill: true } : {}),
      };
    },
  };
  return host;
}

/** The merged areas around the findings' cells, one MergeArea call per cell (when the sheet was not read first). */
function mergedAroundCells(
  app: WpsObject,
  sheetName: string,
  findings: readonly { sheet: string; cell: string }[]
): string[] {
  const sheet = app.ActiveWorkbook.Sheets.Item(sheetName);
  const out = new Set<string>();
  for (const f of findings) {
    if (f.sheet !== sheetName) continue;
    try {
      const area = addressOf(sheet.Range(f.cell).MergeArea);
      const r = parseRange(area);
      if (r.top !== r.bottom || r.left !== r.right) out.add(area);
    } catch {
      // not a cell address: nothing to mark
    }
  }
  return [...out];
}
