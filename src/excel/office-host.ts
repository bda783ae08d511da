/**
 * The ExcelHost the task pane uses in Office: each operation is one Excel.run batch, features come from the
 * requirement sets Office reports, and the host keeps track of its own writes so its change events are not taken
 * for the user's (changes.ts).
 *
 * Also the new-year template insertion (insertNewYearTemplate) that both the pane and the ribbon's function command
 * (src/commands) use.
 */
import type { FixEdit } from "../core/finding";
import type { GoalTable } from "../core/model";
import { readSheet } from "../core/reader";
import { pickPrefill, planNewYear } from "../core/template";
import { OwnWrites, watchSheetChanges } from "./changes";
import { readAcceptances, writeAcceptances } from "./acceptances";
import { applyFixes, undoFix } from "./fixes";
import { clearHighlights, highlight, loadMarks, markIds, type KnownSheet } from "./highlight";
import type { ExcelHost, TemplateInsertResult, TemplateRequest } from "./host";
import { detectFeatures, officeIsSetSupported, type IsSetSupported } from "./requirements";
import { readActiveSheetSnapshot, selectCell } from "./snapshot";
import { insertTemplate } from "./template";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Runs a batch; default Excel.run. */
  run?: ExcelRun;
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** How long after its own write a change of the written cells is still taken for the add-in's own (ms). */
  ownWriteWindowMs?: number;
}

export interface NewYearTemplateOptions {
  /** Default: Office's own isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Read merged cells when reading the active sheet for prefill (ExcelApi 1.13). Default: whether supported. */
  merges?: boolean;
  /** The clock, for the default year when there is no table (tests pass their own). */
  now?: () => Date;
}

/**
 * Inserts a new year's template (src/core/template) into the workbook in the given batch, as a new, active,
 * uniquely named sheet: no existing sheet is overwritten or renamed, and nothing is written to the user's sheets.
 *
 * With `request.prefill` the active sheet is read first (one sync; three for a long table, see snapshot.ts) and its
 * goal table (the first of `request.kind` when a kind is asked for and the sheet has one, else the first) is carried
 * over, amounts cleared and indicator values cleared unless `keepValues`. A sheet without a goal table gives a blank
 * template, with `noTableToPrefill` set in the result. Then two syncs insert the sheet (src/excel/template.ts).
 *
 * Defaults: year = the table's year + 1 (next calendar year when there is no table or it has no year), kind = the
 * table's (department when none), form = the table's indicator form (merged when none).
 * Throws a RangeError for a year outside 1990–2100, before anything is written.
 */
export async function insertNewYearTemplate(
  context: Excel.RequestContext,
  request: TemplateRequest,
  options: NewYearTemplateOptions = {}
): Promise<TemplateInsertResult> {
  let table: GoalTable | undefined;
  if (request.prefill) {
    const snapshot = await readActiveSheetSnapshot(context, { merges: options.merges });
    table = pickPrefill(readSheet(snapshot).tables, request.kind);
  }
  const { template, kind, year, form } = planNewYear(request, table, (options.now ?? (() => new Date()))());
  const inserted = await insertTemplate(context, template, { isSetSupported: options.isSetSupported });
  return {
    sheetName: inserted.sheetName,
    skipped: inserted.skipped.map((s) => s.feature),
    kind,
    year,
    form,
    ...(table ? { prefilledFrom: table.sheet } : {}),
    ...(request.prefill && !table ? { noTableToPrefill: true } : {}),
  };
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported();
  const features = detectFeatures(isSetSupported);
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
  const own = new OwnWrites(options.ownWriteWindowMs);
  /**
   * The marks, protection and merges the last read found, for the highlight that follows it (check + mark in two
   * syncs: one read, one write). Used once; any write forgets it. Should the sheet have changed in between so that
   * a mark is gone, the one-sync highlight fails and the two-sync one runs instead.
   */
  let known: KnownSheet | undefined;

  type Take = (sheet: string, addresses: readonly string[] | null) => void;

  /** Runs a writing batch; the holds it takes start their window when it is done. */
  async function writing<T>(batch: (context: Excel.RequestContext, take: Take) => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    const take: Take = (sheet, addresses) => {
      releases.push(own.begin(sheet, addresses));
    };
    known = undefined;
    try {
      return await run((context) => batch(context, take));
    } finally {
      releases.forEach((release) => release());
    }
  }

  const host: ExcelHost = {
    features,

    readActiveSheet: () =>
      run(async (context) => {
        known = undefined;
        let marks: Excel.ConditionalFormatCollection | undefined;
        let read = false;
        const snapshot = await readActiveSheetSnapshot(context, {
          merges: features.mergedAreas,
          withFirstRead: features.conditionalFormats
            ? (sheet) => {
                marks = loadMarks(sheet);
                return () => (read = true);
              }
            : undefined,
        });
        if (read && marks)
          known = {
            sheet: snapshot.name,
            protected: snapshot.protected === true,
            merges: snapshot.merges,
            markIds: markIds(marks),
          };
        return snapshot;
      }),

    highlight: async (sheet, findings) => {
      if (!features.conditionalFormats) return { marked: 0, skipped: "unsupported" as const };
      const mark = (k?: KnownSheet) =>
        writing((context, take) =>
          highlight(context, sheet, findings, {
            features,
            known: k,
            beforeWrite: (addresses) => take(sheet, addresses),
          })
        );
      const k = known?.sheet === sheet ? known : undefined;
      if (k) {
        try {
          return await mark(k);
        } catch {
          // A mark deleted since the read (or another change): mark again, reading first.
        }
      }
      return mark();
    },

    clearHighlights: async (sheet) => {
      if (!features.conditionalFormats) return;
      await writing((context, take) =>
        clearHighlights(context, sheet, { features, beforeWrite: () => take(sheet, null) })
      );
    },

    select: (sheet, address) => run((context) => selectCell(context, sheet, address)),

    applyFixes: async (edits: readonly FixEdit[]) => {
      const {
        edits: written,
        before,
        after,
      } = await writing((context, take) => applyFixes(context, edits, { beforeWrite: take }));
      return { edits: written, before, after };
    },

    undoFix: (record) => writing((context, take) => undoFix(context, record, { beforeWrite: take })),

    readAcceptances: () => run((context) => readAcceptances(context)),

    // The custom XML part is no cell: its change fires no worksheet change event, so nothing to track.
    writeAcceptances: (list) => run((context) => writeAcceptances(context, list)),

    // A new sheet: none of the user's cells is written, so there are no own writes to track.
    insertTemplate: (request) =>
      run((context) => insertNewYearTemplate(context, request, { isSetSupported, merges: features.mergedAreas })),
  };

  if (features.onChanged) {
    host.onSheetChanged = (sheet, listener) =>
      run((context) => watchSheetChanges(context, sheet, () => listener(), { ownWrites: own }));
  }
  return host;
}
