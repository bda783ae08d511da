/** A department table with N indicator rows, made from the 2021 sample by repeating its indicators. */
import { buildTable } from "../test/builder/layout";
import type { DepartmentSpec } from "../test/builder/spec";
import { SAMPLE_2021 } from "../test/fixtures/sample-2021-urho";
import type { SheetSnapshot } from "../src/core/snapshot";

export function bigSpec(rows: number): DepartmentSpec {
  const named = SAMPLE_2021.indicators.filter((i) => i.name);
  const indicators = Array.from({ length: rows }, (_, i) => {
    const base = named[i % named.length];
    return { ...base, name: `${base.name}${Math.floor(i / named.length) || ""}` };
  });
  // Keep each 一级/二级 group together, as a real table has them.
  const order = new Map(named.map((x, i) => [`${x.level1}/${x.level2}`, i]));
  indicators.sort((a, b) => order.get(`${a.level1}/${a.level2}`)! - order.get(`${b.level1}/${b.level2}`)!);
  return { ...SAMPLE_2021, indicators };
}

export function bigSheet(rows: number): SheetSnapshot {
  const wb = buildTable(bigSpec(rows)).workbook;
  return wb.sheets[wb.sheets.length - 1];
}
