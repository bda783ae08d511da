/**
 * `goaltable check`: reads and checks each file (on worker threads when there are many), prints per file in
 * argument order, then the summary; with --annotate writes a marked copy of each workbook, with --report the
 * summary workbook. Progress goes to standard error when it is a terminal (not with --format json).
 */
import { availableParallelism, loadavg } from "os";
import * as path from "path";
import type { Lang } from "../core/finding";
import type { CheckCommand } from "./args";
import { checkTask, type CheckOutcome, type CheckTask } from "./check-file";
import { findSoffice } from "./convert";
import { expandArgs, type Input } from "./files";
import {
  describe,
  exitCode,
  formatFileText,
  formatSummary,
  summarize,
  toJsonFile,
  type FileResult,
  type Io,
  type JsonReport,
} from "./output";
import { runPool } from "./pool";
import { writeReport } from "./report";

/** How many files are read and checked at the same time in the main thread (when no workers are used). */
export const CONCURRENCY = 2;

/** Reads and checks one file. Never throws. */
export async function checkFile(file: string, lang: Lang = "zh"): Promise<FileResult> {
  return checkTask({ file, lang, soffice: findSoffice() });
}

/**
 * Runs `task` over `items` with at most `limit` running at once; `onResult` is called in item order as soon as
 * each result and all before it are ready.
 */
export async function mapOrdered<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onResult?: (result: R, index: number) => void
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const done: boolean[] = new Array(items.length).fill(false);
  let nextToStart = 0;
  let nextToEmit = 0;
  const worker = async (): Promise<void> => {
    while (nextToStart < items.length) {
      const i = nextToStart++;
      results[i] = await task(items[i], i);
      done[i] = true;
      while (nextToEmit < items.length && done[nextToEmit]) {
        onResult?.(results[nextToEmit], nextToEmit);
        nextToEmit++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Files per worker below which a worker costs more than it saves (see workerCount). */
export const FILES_PER_WORKER = 100;

/**
 * Worker threads for `files` files: GOALTABLE_WORKERS when set (0: none), else one per free core but one (the main
 * thread keeps a core: it collects the outcomes and writes the report), and only when at least two workers would
 * each get FILES_PER_WORKER files; else none (the main thread checks them). The free cores are those the machine's
 * load average (`load`, the last minute) leaves; Windows reports no load average (0), so there every core counts.
 * Measured (npm run bench, bench/cli.ts) on the 2-core machine, idle, once the package reader had made a file cost
 * ~2.5 ms: 1,000 files took 3.0 s on the main thread alone, 3.5 s with two workers and 3.3 s with the main thread
 * plus one worker; 3,000 files 5.3, 6.7 and 5.9 s. A worker pays ~0.4 s to start (loading and warming up the core
 * in its own isolate), and two threads on this machine's two cores gave at best 1.4× one.
 */
export function workerCount(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
  load: number = loadavg()[0]
): number {
  const forced = env.GOALTABLE_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  const free = Math.min(cores, Math.floor(cores - load + 0.5));
  const threads = Math.min(free - 1, Math.floor(files / FILES_PER_WORKER));
  return threads >= 2 ? threads : 0;
}

/** Where each file's marked copy goes: OUTDIR/<its path under the folder given, or its name>, never twice. */
export function markedPaths(inputs: Input[], outDir: string): (string | undefined)[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    if (input.error) return undefined;
    const rel = input.root ? path.relative(input.root, input.file) : path.basename(input.file);
    const ext = path.extname(rel);
    let target = path.join(outDir, rel);
    for (let i = 2; taken.has(target.toLowerCase()); i++)
      target = path.join(outDir, `${rel.slice(0, rel.length - ext.length)} (${i})${ext}`);
    taken.add(target.toLowerCase());
    return target;
  });
}

/** "12/1000 files, 0:08 elapsed, about 0:52 left" on one rewritten line. */
function progressLine(done: number, total: number, ms: number, lang: Lang): string {
  const clock = (t: number) => {
    const s = Math.round(t / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  const left = done > 0 ? clock((ms / done) * (total - done)) : "?";
  return lang === "zh"
    ? `已检查 ${done}/${total} 个文件，用时 ${clock(ms)}，预计还需 ${left}`
    : `${done}/${total} files checked, ${clock(ms)} elapsed, about ${left} left`;
}

export async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const { format, lang } = cmd;
  const inputs = await expandArgs(cmd.files, cmd.annotate ? [cmd.annotate] : []);
  const soffice = findSoffice();
  const targets = cmd.annotate ? markedPaths(inputs, cmd.annotate) : inputs.map(() => undefined);
  const tasks: CheckTask[] = inputs.map((input, i) => ({
    file: input.file,
    lang,
    ...(targets[i] ? { markedPath: targets[i] } : {}),
    ...(soffice ? { soffice } : {}),
  }));

  const progress = format === "text" && io.stderr.isTTY === true && inputs.length > 1;
  const started = Date.now();
  let shown = 0;
  let done = 0;
  const onResult = (r: CheckOutcome): void => {
    done++;
    if (progress) io.stderr.write("\r\x1b[K");
    if (format === "text") io.stdout.write(formatFileText(r, lang));
    if (progress && (Date.now() - shown > 200 || done === inputs.length)) {
      shown = Date.now();
      io.stderr.write(progressLine(done, inputs.length, Date.now() - started, lang));
    }
  };

  const threads = workerCount(inputs.length);
  const run = (input: Input, i: number): Promise<CheckOutcome> =>
    input.error
      ? Promise.resolve({ file: input.file, error: input.error, tables: [], findings: [], accepted: [] })
      : checkTask(tasks[i]);
  let results: CheckOutcome[];
  if (threads > 0) {
    const pending = inputs.map((input, i) => ({ input, i })).filter(({ input }) => !input.error);
    // Folder errors are known at once; the pool checks the rest, and all are emitted in argument order.
    const out: CheckOutcome[] = new Array(inputs.length);
    const ready: boolean[] = new Array(inputs.length).fill(false);
    let emitted = 0;
    const flush = () => {
      while (emitted < inputs.length && ready[emitted]) onResult(out[emitted++]);
    };
    inputs.forEach((input, i) => {
      if (input.error) {
        out[i] = { file: input.file, error: input.error, tables: [], findings: [], accepted: [] };
        ready[i] = true;
      }
    });
    flush();
    await runPool(
      pending.map(({ i }) => tasks[i]),
      threads,
      (r, k) => {
        out[pending[k].i] = r;
        ready[pending[k].i] = true;
        flush();
      }
    );
    results = out;
  } else {
    results = await mapOrdered(inputs, CONCURRENCY, run, onResult);
  }
  if (progress) io.stderr.write("\r\x1b[K");

  if (format === "json") {
    const report: JsonReport = { files: results.map((r) => toJsonFile(r, lang)) };
    io.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    io.stdout.write(formatSummary(summarize(results), lang));
  }

  let code = exitCode(results);
  for (const r of results) {
    if (r.writeError) {
      io.stderr.write(`goaltable: ${r.writeError[lang]}\n`);
      code = 2;
    }
  }
  if (cmd.report) {
    const marked = new Map<string, string>();
    for (const r of results) if (r.marked) marked.set(r.file, r.marked);
    try {
      await writeReport(results, { lang, reportPath: cmd.report, marked });
      if (format === "text")
        io.stdout.write(lang === "zh" ? `审核汇总已写入 ${cmd.report}\n` : `Summary written to ${cmd.report}\n`);
    } catch (e) {
      io.stderr.write(
        lang === "zh"
          ? `goaltable: 无法写入 ${cmd.report}：${describe(e)}\n`
          : `goaltable: could not write ${cmd.report}: ${describe(e)}\n`
      );
      code = 2;
    }
  }
  if (cmd.annotate && format === "text") {
    const n = results.filter((r) => r.marked).length;
    io.stdout.write(
      lang === "zh"
        ? `已在 ${cmd.annotate} 写入 ${n} 个标记副本\n`
        : `Wrote ${n} marked cop${n === 1 ? "y" : "ies"} to ${cmd.annotate}\n`
    );
  }
  return code;
}
