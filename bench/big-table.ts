/** A department table with N indicator rows, made from the 2021 sample by repeating its indicators. */
import { buildTable } from "../test/builder/layout";
import type { DepartmentSpec } from "../test/builder/spec";
import { SAMPLE_2021 } from "../test/fixtures/sample-2021-urho";
import type { SheetSnapshot } from "../src/core/snapshot";

/** Every `faultEvery`-th value is written ">=85" (no unit), so highlighting has many cells to mark. */
export function bigSpec(rows: number, faultEvery = 0): DepartmentSpec {
  const named = SAMPLE_2021.indicators.filter((i) => i.name);
  const indicators = Array.from({ length: rows }, (_, i) => {
    const base = named[i % named.length];
    const value = faultEvery > 0 && i % faultEvery === 0 ? ">=85" : base.value;
    return { ...base, value, name: `${base.name}${Math.floor(i / named.length) || ""}` };
  });
  // Keep each 一级/二级 group together, as a real table has them.
  const order = new Map(named.map((x, i) => [`${x.level1}/${x.level2}`, i]));
  indicators.sort((a, b) => order.get(`${a.level1}/${a.level2}`)! - order.get(`${b.level1}/${b.level2}`)!);
  return { ...SAMPLE_2021, indicators };
}

export function bigSheet(rows: number, faultEvery = 0): SheetSnapshot {
  const wb = buildTable(bigSpec(rows, faultEvery)).workbook;
  return wb.sheets[wb.sheets.length - 1];
}
