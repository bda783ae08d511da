/**
 * Round trips to Excel (context.sync) of what the pane does on the shipped sample, through the Office.js host
 * (src/excel/office-host.ts) and the counting fake Excel: check + mark (one read, one write), a re-check over the
 * marks, 全部修正 with its undo record, 撤销, and reading and writing the acceptances.
 */
import { checkSheet } from "../src/core/check";
import { createExcelHost } from "../src/excel/office-host";
import { FakeExcel } from "../test/support/fake-excel";
import { buildTable } from "../test/builder/layout";
import { SAMPLE_2021 } from "../test/fixtures/sample-2021-urho";

export async function paneSyncs(line: (name: string, value: string) => void): Promise<void> {
  const excel = FakeExcel.fromSnapshots(buildTable(SAMPLE_2021).workbook.sheets);
  const host = createExcelHost({
    run: (batch) => excel.run((c) => batch(c as unknown as Excel.RequestContext)),
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    ownWriteWindowMs: 0,
  });
  const count = async (what: () => Promise<unknown>): Promise<number> => {
    const before = excel.syncCount;
    await what();
    return excel.syncCount - before;
  };
  const checkAndMark = async () => {
    const snapshot = await host.readActiveSheet();
    await host.highlight(snapshot.name, checkSheet(snapshot).findings);
  };
  line("pane on the sample: check + mark, context.sync()", String(await count(checkAndMark)));
  line("pane on the sample: re-check + mark over its marks, context.sync()", String(await count(checkAndMark)));
  const snapshot = await host.readActiveSheet();
  const edits = checkSheet(snapshot).findings.flatMap((f) => f.fix ?? []);
  let record: Awaited<ReturnType<typeof host.applyFixes>> | undefined;
  const fix = await count(async () => (record = await host.applyFixes(edits)));
  line(
    `pane on the sample: 全部修正 (${edits.length} cell${edits.length === 1 ? "" : "s"}, with its undo record), context.sync()`,
    String(fix)
  );
  line("pane on the sample: 撤销, context.sync()", String(await count(() => host.undoFix(record!))));
  line(
    "pane on the sample: read acceptances (none stored), context.sync()",
    String(await count(() => host.readAcceptances()))
  );
  line("pane on the sample: write acceptances, context.sync()", String(await count(() => host.writeAcceptances([]))));
}
