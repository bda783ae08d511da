/**
 * The reviewer's folder: 1,000 workbooks checked with a summary workbook (`check DIR --report R.xlsx`), wall time
 * and peak memory, side by side with the time exceljs alone takes to parse the same files (the yardstick issue 12
 * set: a check may cost at most 1.15× that), and their ratio; and the package reader alone (src/xlsx/package.ts,
 * what the check reads files with) on the same files. Run with the CLI as built in lib/ (`npm run build:cli`), each
 * measurement in a fresh Node process. The workbooks are made by code: three tables (a clean department table, a
 * faulty one, a project table) written once with exceljs, then copied under 1,000 names.
 *
 *   npx tsx bench/cli.ts [N]
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, rmSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import * as path from "path";
import { workerCount } from "../src/cli/check";

const ROOT = path.join(__dirname, "..");

type Line = (name: string, value: string) => void;

interface Timed {
  ms: number;
  /** CPU time of the whole process, all its threads. */
  cpu: number;
  rss: number;
  code?: number;
}

/** Runs `script` in a fresh Node process; it prints one JSON line {ms, rss, code?}. */
function timed(script: string, env: Record<string, string> = {}): Timed {
  const out = execFileSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Timed;
}

async function makeFolder(n: number): Promise<string> {
  // The builders live with the tests; the bench uses them through tsx like the sample script does.
  const { layoutWorkbook } = await import("../test/builder/layout");
  const { SMALL_DEPARTMENT, SMALL_PROJECT } = await import("../test/fixtures/small");
  const { writeWorkbookFile } = await import("../src/xlsx/write");
  const dir = mkdtempSync(path.join(tmpdir(), "goaltable-bench-cli-"));
  const faulty = {
    ...SMALL_DEPARTMENT,
    tasks: SMALL_DEPARTMENT.tasks.map((t, i) => (i === 0 ? { ...t, total: 130 } : t)),
  };
  const seeds = [
    path.join(dir, "seed-clean.xlsx"),
    path.join(dir, "seed-faulty.xlsx"),
    path.join(dir, "seed-project.xlsx"),
  ];
  await writeWorkbookFile(layoutWorkbook(SMALL_DEPARTMENT), seeds[0]);
  await writeWorkbookFile(layoutWorkbook(faulty), seeds[1]);
  await writeWorkbookFile(layoutWorkbook(SMALL_PROJECT), seeds[2]);
  const folder = path.join(dir, "in");
  execFileSync("mkdir", ["-p", folder]);
  for (let i = 0; i < n; i++) copyFileSync(seeds[i % 3], path.join(folder, `${String(i).padStart(4, "0")}.xlsx`));
  return dir;
}

export async function cliBench(line: Line, n = 1000): Promise<void> {
  const dir = await makeFolder(n);
  const folder = path.join(dir, "in");
  const main = JSON.stringify(path.join(ROOT, "lib", "cli", "main.js"));
  // Both timed from after their modules are loaded (CPU: the process's, all threads, from that point).
  const check = (extra: string[]) => `
    const cli = require(${main});
    const t = process.hrtime.bigint(), c = process.cpuUsage();
    cli.main(["check", ${JSON.stringify(folder)}, "--format", "json", ...${JSON.stringify(extra)}],
      { stdout: { write() {} }, stderr: process.stderr })
      .then((code) => console.log(JSON.stringify({ code, ms: Number(process.hrtime.bigint() - t) / 1e6,
        cpu: (process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000, rss: process.resourceUsage().maxRSS })));`;
  const parse = `
    const fs = require("fs"), path = require("path");
    const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
    const t = process.hrtime.bigint(), c = process.cpuUsage();
    (async () => {
      for (const f of fs.readdirSync(${JSON.stringify(folder)}).sort()) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(fs.readFileSync(path.join(${JSON.stringify(folder)}, f)));
      }
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6,
        cpu: (process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000, rss: process.resourceUsage().maxRSS }));
    })();`;
  const readOnly = `
    const fs = require("fs"), path = require("path");
    const { readPackage } = require(${JSON.stringify(path.join(ROOT, "lib", "xlsx", "package.js"))});
    const t = process.hrtime.bigint(), c = process.cpuUsage();
    for (const f of fs.readdirSync(${JSON.stringify(folder)}).sort())
      readPackage(fs.readFileSync(path.join(${JSON.stringify(folder)}, f)));
    console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6,
      cpu: (process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000, rss: process.resourceUsage().maxRSS }));`;
  try {
    const report = path.join(dir, "审核汇总.xlsx");
    const exceljs = timed(parse);
    const reader = timed(readOnly);
    const cores = availableParallelism();
    // As a reviewer runs it (workers as workerCount decides: none on 2 cores), then with one worker per core forced.
    const chosen = workerCount(n);
    const single = timed(check(["--report", report]));
    const workers = timed(check(["--report", report]), { GOALTABLE_WORKERS: String(cores) });
    const annotated = timed(check(["--report", report, "--annotate", path.join(dir, "marked")]));
    const s = (t: Timed) => `${(t.ms / 1000).toFixed(2)} s (CPU ${(t.cpu / 1000).toFixed(2)} s)`;
    const mb = (t: Timed) => `${(t.rss / 1024).toFixed(0)} MB`;
    line(`CLI, ${n} workbooks, exceljs alone parses them (1 thread)`, `${s(exceljs)}, peak ${mb(exceljs)}`);
    line(
      `CLI, ${n} workbooks, the package reader alone reads them`,
      `${s(reader)}, peak ${mb(reader)}, ×${(exceljs.ms / reader.ms).toFixed(1)} faster than exceljs`
    );
    const ratio = (t: Timed) =>
      `×${(t.ms / exceljs.ms).toFixed(2)} exceljs alone (CPU ×${(t.cpu / exceljs.cpu).toFixed(2)})`;
    line(
      `CLI, ${n} workbooks, check --report (default: ${chosen ? `${chosen} workers` : "main thread"})`,
      `${s(single)}, peak ${mb(single)}, exit ${single.code}, ${ratio(single)}`
    );
    line(
      `CLI, ${n} workbooks, check --report (${cores} workers forced)`,
      `${s(workers)}, peak ${mb(workers)}, ${ratio(workers)}`
    );
    line(
      `CLI, ${n} workbooks, check --report --annotate (default)`,
      `${s(annotated)}, peak ${mb(annotated)}, ${ratio(annotated)}`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  cliBench((name, value) => console.log(`${name.padEnd(60)} ${value}`), Number(process.argv[2] ?? 1000)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
