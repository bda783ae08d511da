/**
 * Runs the check tasks on worker threads (one file per message), at most one task per worker at a time, and hands
 * the outcomes back in task order as soon as each and all before it are in. Only the outcomes (plain data: tables'
 * facts and findings) come back, never a workbook, so memory stays bounded however many files there are.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import type { CheckOutcome, CheckTask } from "./check-file";
import { describe } from "./output";

/** The worker's script: the compiled worker.js next to this file, or worker.ts through tsx when run from source. */
function workerScript(): { file: string; execArgv: string[] } {
  const fromSource = __filename.endsWith(".ts");
  return {
    file: path.join(__dirname, fromSource ? "worker.ts" : "worker.js"),
    execArgv: fromSource ? ["--require", require.resolve("tsx/cjs")] : [],
  };
}

export async function runPool(
  tasks: CheckTask[],
  threads: number,
  onResult: (result: CheckOutcome, index: number) => void
): Promise<CheckOutcome[]> {
  const results: CheckOutcome[] = new Array(tasks.length);
  const done: boolean[] = new Array(tasks.length).fill(false);
  let nextToStart = 0;
  let nextToEmit = 0;
  const { file, execArgv } = workerScript();

  const settle = (i: number, r: CheckOutcome) => {
    results[i] = r;
    done[i] = true;
    while (nextToEmit < tasks.length && done[nextToEmit]) {
      onResult(results[nextToEmit], nextToEmit);
      nextToEmit++;
    }
  };

  const lane = () =>
    new Promise<void>((resolve) => {
      let worker: Worker | undefined;
      let current = -1;
      const start = (): void => {
        if (nextToStart >= tasks.length) {
          void worker?.terminate();
          resolve();
          return;
        }
        current = nextToStart++;
        if (!worker) {
          worker = new Worker(file, { execArgv });
          worker.on("message", (m: { id: number; result: CheckOutcome }) => {
            settle(m.id, m.result);
            start();
          });
          worker.on("error", (e) => {
            // The worker died with this task: the file gets the message and a fresh worker takes the next one.
            const failed = tasks[current];
            worker = undefined;
            settle(current, {
              file: failed.file,
              error: {
                zh: `检查时出现内部错误（这是 goaltable 的缺陷，请报告）：${describe(e)}`,
                en: `Internal error while checking (a bug in goaltable, please report it): ${describe(e)}`,
              },
              tables: [],
              findings: [],
              accepted: [],
            });
            start();
          });
        }
        worker.postMessage({ id: current, task: tasks[current] });
      };
      start();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, tasks.length)) }, lane));
  return results;
}
