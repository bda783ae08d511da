/**
 * The ExcelHost the task pane uses in Office: each operation is one Excel.run batch, features come from the
 * requirement sets Office reports, and the host keeps track of its own writes so its change events are not taken
 * for the user's (changes.ts).
 */
import type { FixEdit } from "../core/finding";
import { OwnWrites, watchSheetChanges } from "./changes";
import { applyFixes } from "./fixes";
import { clearHighlights, highlight } from "./highlight";
import type { ExcelHost } from "./host";
import { detectFeatures, officeIsSetSupported, type IsSetSupported } from "./requirements";
import { readActiveSheetSnapshot, selectCell } from "./snapshot";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Runs a batch; default Excel.run. */
  run?: ExcelRun;
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** How long after its own write a change of the written cells is still taken for the add-in's own (ms). */
  ownWriteWindowMs?: number;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const features = detectFeatures(options.isSetSupported ?? officeIsSetSupported());
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
  const own = new OwnWrites(options.ownWriteWindowMs);

  type Take = (sheet: string, addresses: readonly string[] | null) => void;

  /** Runs a writing batch; the holds it takes start their window when it is done. */
  async function writing<T>(batch: (context: Excel.RequestContext, take: Take) => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    const take: Take = (sheet, addresses) => {
      releases.push(own.begin(sheet, addresses));
    };
    try {
      return await run((context) => batch(context, take));
    } finally {
      releases.forEach((release) => release());
    }
  }

  const host: ExcelHost = {
    features,

    readActiveSheet: () => run((context) => readActiveSheetSnapshot(context, { merges: features.mergedAreas })),

    highlight: (sheet, findings) => {
      if (!features.conditionalFormats) return Promise.resolve({ marked: 0, skipped: "unsupported" as const });
      return writing((context, take) =>
        highlight(context, sheet, findings, { features, beforeWrite: (addresses) => take(sheet, addresses) })
      );
    },

    clearHighlights: async (sheet) => {
      if (!features.conditionalFormats) return;
      await writing((context, take) =>
        clearHighlights(context, sheet, { features, beforeWrite: () => take(sheet, null) })
      );
    },

    select: (sheet, address) => run((context) => selectCell(context, sheet, address)),

    applyFixes: async (edits: readonly FixEdit[]) => {
      await writing((context, take) => applyFixes(context, edits, { beforeWrite: take }));
    },
  };

  if (features.onChanged) {
    host.onSheetChanged = (sheet, listener) =>
      run((context) => watchSheetChanges(context, sheet, () => listener(), { ownWrites: own }));
  }
  return host;
}
