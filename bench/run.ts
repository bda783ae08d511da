/**
 * `npm run bench`: prints one figure per line.
 *  - core check time (CPU, median of several runs) for tables of 100, 1,000, 5,000 and 20,000 indicator rows;
 *  - how that time grows with size (per-row cost at each size, and the 5k → 20k ratio; linear is ×4);
 *  - context.sync() calls for a check and for highlighting, at each size, through the counting fake Excel;
 *  - the CLI's wall time and peak memory for 100 sample workbooks.
 * Not part of `npm test`: tests do not time things.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { bigSheet } from "./big-table";
import { syncCounts } from "./syncs";
import { benchSums } from "./sums";
import { printWpsCalls } from "./wps";

// The core as it ships (compiled by tsc into lib/ by `npm run build:cli`), not through tsx's on-the-fly transform.

const { checkSheet } = require("../lib/core/check.js") as typeof import("../src/core/check");

const SIZES = [100, 1000, 5000, 20000];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = path.join(__dirname, "..");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

function line(name: string, value: string): void {
  console.log(`${name.padEnd(44)} ${value}`);
}

async function main() {
  const perRow: Record<number, number> = {};
  const medians: Record<number, number> = {};
  const walls: Record<number, number> = {};
  for (const n of SIZES) {
    const sheet = bigSheet(n);
    for (let i = 0; i < 10; i++) checkSheet(sheet); // warm up the JIT
    const cpu: number[] = [];
    const wall: number[] = [];
    // At least RUNS runs, and at least half a second of them, so small tables are not timed on a handful of runs.
    const start = performance.now();
    while (cpu.length < RUNS || performance.now() - start < 500) {
      const t = performance.now();
      cpu.push(cpuMs(() => checkSheet(sheet)));
      wall.push(performance.now() - t);
    }
    medians[n] = median(cpu);
    walls[n] = median(wall);
    perRow[n] = (walls[n] * 1000) / n;
    line(
      `core check, ${n} rows (median of ${cpu.length})`,
      `${medians[n].toFixed(1)} ms CPU, ${walls[n].toFixed(1)} ms wall`
    );
  }
  benchSums(line);
  for (const n of SIZES) line(`core check per row (wall), ${n} rows`, `${perRow[n].toFixed(1)} µs`);
  line("growth 5,000 → 20,000 rows, wall (linear = ×4.0)", `×${(walls[20000] / walls[5000]).toFixed(1)}`);
  line("growth 5,000 → 20,000 rows, CPU (linear = ×4.0)", `×${(medians[20000] / medians[5000]).toFixed(1)}`);

  for (const n of SIZES) {
    const s = await syncCounts(n);
    line(`context.sync() for a check, ${n} rows`, String(s.check));
    line(`context.sync() for highlighting, ${n} rows`, `${s.highlight} (${s.marked} cells marked, 1 row in 10 faulty)`);
  }

  await printWpsCalls(line);
  await (await import("./pane-syncs")).paneSyncs(line);

  // The CLI over 100 copies of the sample, as a reviewer would run it over a folder.
  const dir = mkdtempSync(path.join(tmpdir(), "goaltable-bench-"));
  try {
    for (let i = 1; i <= 100; i++)
      copyFileSync(path.join(ROOT, "samples", "2021-urho-organization-dept.xlsx"), path.join(dir, `s${i}.xlsx`));
    const script = `
      const t = process.hrtime.bigint();
      require(${JSON.stringify(path.join(ROOT, "lib", "cli", "main.js"))})
        .main(["check", ${JSON.stringify(dir)}, "--format", "json"], { stdout: { write() {} }, stderr: process.stderr })
        .then((code) => console.log(JSON.stringify({ code, ms: Number(process.hrtime.bigint() - t) / 1e6, rss: process.resourceUsage().maxRSS })));`;
    const t0 = process.hrtime.bigint();
    const out = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim().split("\n").pop()!
    );
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    line(
      "CLI, 100 sample workbooks, wall time",
      `${(wall / 1000).toFixed(2)} s (checking ${(out.ms / 1000).toFixed(2)} s)`
    );
    line("CLI, 100 sample workbooks, peak memory", `${(out.rss / 1024).toFixed(0)} MB`);
    line("CLI, 100 sample workbooks, exit code", String(out.code));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await (await import("./cli")).cliBench(line); // 1,000 workbooks with --report, beside exceljs alone
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
