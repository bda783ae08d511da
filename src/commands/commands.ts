/**
 * Ribbon commands without a task pane (manifest: ExecuteFunction). Loaded by commands.html.
 */
import { insertNewYearTemplate, type ExcelRun } from "../excel/office-host";
import { detectFeatures, officeIsSetSupported, type IsSetSupported } from "../excel/requirements";

export interface InsertTemplateCommandOptions {
  /** Runs the batch; default Excel.run. */
  run?: ExcelRun;
  /** Default: Office's own isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** The clock, for the default year of a blank template. */
  now?: () => Date;
  /** Where a failure is reported; default console.error. */
  log?: (message: string, error: unknown) => void;
}

/**
 * The "插入新年度模板" command, with its Excel and clock injectable (tests run it against the fake Excel).
 *
 * One click, no pane: when the active sheet holds a goal table, the template is prefilled from it (name, tasks,
 * goal and indicators kept; amounts and indicator values left empty) for the table's year + 1, of the table's kind
 * and indicator form; otherwise it is a blank department table for the next calendar year. Either way it is a new
 * sheet ("2022年绩效目标表", "2022年绩效目标表 (2)" on a second click), which Excel then shows. Nothing on the
 * user's own sheets is written or renamed. The pane's 插入新年度模板 section offers the same with options.
 *
 * Errors. A function command has no UI of its own, and Excel gives it no honest way to show a message:
 * Office.NotificationMessages exists only in Outlook, Office.addin.showAsTaskpane needs the shared runtime this
 * add-in does not use, and a dialog (displayDialogAsync) would need a page of its own and keep the command running
 * until the user closes it, which is fragile for a one-click button. Writing the error into a cell would put
 * something in the user's workbook that they did not ask for. So a failure (Excel busy editing a cell, a workbook
 * whose structure is protected, a year past 2100) is logged to the console, nothing else is written, and the event
 * is completed, so Office does not leave the button spinning. The visible outcome is that no new sheet appears; the
 * ribbon tooltip points the user to the pane's section, which shows the reason.
 *
 * `event.completed()` is called exactly once, whatever happens.
 */
export function createInsertTemplateCommand(
  options: InsertTemplateCommandOptions = {}
): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      const isSetSupported = options.isSetSupported ?? officeIsSetSupported();
      const merges = detectFeatures(isSetSupported).mergedAreas;
      const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
      await run((context) =>
        insertNewYearTemplate(
          context,
          { prefill: true, keepValues: false },
          { isSetSupported, merges, now: options.now }
        )
      );
    } catch (error) {
      try {
        (options.log ?? defaultLog)("goaltable: 插入新年度模板失败 / could not insert the new-year template", error);
      } catch {
        // Logging must not keep the event from completing.
      }
    } finally {
      event.completed();
    }
  };
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}

/** "插入新年度模板" (insert a template for the next year), as the manifest's FunctionName names it. */
export const insertTemplate: (event: Office.AddinCommands.Event) => Promise<void> = createInsertTemplateCommand();

// Outside Office (a test importing this module without an Office global) there is nothing to register with.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("insertTemplate", insertTemplate);
  });
}
