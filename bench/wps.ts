/**
 * Synchronous calls into WPS for a check (reading the active sheet) and for marking, on the fake WPS
 * (test/support/fake-wps), which counts every member access and call of its object model: the 2021 sample and a
 * 5,000-row table (1 row in 10 faulty). Each such call is a round trip from the pane's Chromium into WPS.
 */
import { checkSheet } from "../src/core/check";
import { createWpsHost } from "../src/wps/host";
import { buildTable } from "../test/builder/layout";
import { SAMPLE_2021 } from "../test/fixtures/sample-2021-urho";
import { FakeWps } from "../test/support/fake-wps";
import type { SheetSnapshot } from "../src/core/snapshot";
import { bigSheet } from "./big-table";

export interface WpsCalls {
  label: string;
  read: number;
  mark: number;
  merges: number;
  marked: number;
}

async function count(label: string, sheets: SheetSnapshot[]): Promise<WpsCalls> {
  const wps = FakeWps.fromSnapshots(sheets);
  const host = createWpsHost(wps.Application);
  const snapshot = await host.readActiveSheet();
  const read = wps.calls;
  const { findings } = checkSheet(snapshot);
  const result = await host.highlight(snapshot.name, findings);
  return { label, read, mark: wps.calls - read, merges: snapshot.merges.length, marked: result.marked };
}

export async function wpsCalls(): Promise<WpsCalls[]> {
  return [
    await count("the 2021 sample", buildTable(SAMPLE_2021).workbook.sheets),
    await count("5,000 rows", [bigSheet(5000, 10)]),
  ];
}

export async function printWpsCalls(line: (name: string, value: string) => void): Promise<void> {
  for (const c of await wpsCalls()) {
    line(`WPS calls to read, ${c.label}`, `${c.read} (${c.merges} merged areas)`);
    line(`WPS calls to mark, ${c.label}`, `${c.mark} (${c.marked} cells marked)`);
  }
}
