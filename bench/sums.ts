/**
 * The sum search (src/core/reader/sums.ts) on sheets full of totals: a 收入/支出 block, then N cost rows grouped in
 * sections of 10 with a 小计 after each and a 合计 column, then a 合计 row; prints the core check time per size and
 * how it grows. The search looks at a few rows or columns around each 合计 label, so the time should grow linearly.
 */
import { blockSheet, type BlockCell } from "../test/builder/blocks";
import type { SheetSnapshot } from "../src/core/snapshot";

const { checkSheet } = require("../lib/core/check.js") as typeof import("../src/core/check");

/** N cost rows in sections of 10, each section closed by its 小计, a 合计 column, a 合计 row at the end. */
export function totalsSheet(rows: number): SheetSnapshot {
  const out: BlockCell[][] = [["成本项目", "2021年", "2022年", "2023年", "合计"]];
  for (let i = 0; i < rows; i++) {
    out.push([`费用${i}`, 1.25, 2.5, 3.75, 7.5]);
    if (i % 10 === 9) out.push(["小计", 12.5, 25, 37.5, 75]);
  }
  out.push(["合计", 1.25 * rows, 2.5 * rows, 3.75 * rows, 7.5 * rows]);
  return blockSheet({ rows: out });
}

export function benchSums(line: (name: string, value: string) => void): void {
  const times: Record<number, number> = {};
  for (const n of [1000, 4000]) {
    const sheet = totalsSheet(n);
    for (let i = 0; i < 3; i++) checkSheet(sheet);
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const c = checkSheet(sheet);
      runs.push(performance.now() - t);
      if (c.findings.some((f) => f.rule === "amount/block-sum")) throw new Error("the bench sheet should add up");
    }
    times[n] = runs.sort((a, b) => a - b)[3];
    line(`sums: core check, ${n} cost rows, ${n / 10} 小计 (median)`, `${times[n].toFixed(1)} ms wall`);
  }
  line("sums: growth 1,000 → 4,000 rows (linear = ×4.0)", `×${(times[4000] / times[1000]).toFixed(1)}`);
}
