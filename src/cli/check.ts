/** `goaltable check`: reads and checks each file, prints per file, then the summary. */
import { checkWorkbook } from "../core/check";
import type { Message } from "../core/finding";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/read";
import type { CheckCommand } from "./args";
import { expandArgs } from "./files";
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

/** How many files are read and checked at the same time. */
export const CONCURRENCY = 2;

/** Reads and checks one file. Never throws. */
export async function checkFile(file: string): Promise<FileResult> {
  const failed = (error: Message): FileResult => ({ file, error, tables: [], findings: [] });
  let snapshot;
  try {
    snapshot = await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return failed(e.text);
    return failed({
      zh: `读取文件时出现意外错误：${describe(e)}`,
      en: `Unexpected error while reading the file: ${describe(e)}`,
    });
  }
  try {
    const result = checkWorkbook(snapshot);
    return { file, error: null, tables: result.tables, findings: result.findings };
  } catch (e) {
    return failed({
      zh: `检查时出现内部错误（这是 goaltable 的缺陷，请报告）：${describe(e)}`,
      en: `Internal error while checking (a bug in goaltable, please report it): ${describe(e)}`,
    });
  }
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

export async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const { format, lang } = cmd;
  const inputs = await expandArgs(cmd.files);
  const results = await mapOrdered(
    inputs,
    CONCURRENCY,
    async (input): Promise<FileResult> =>
      input.error ? { file: input.file, error: input.error, tables: [], findings: [] } : checkFile(input.file),
    (r) => {
      if (format === "text") io.stdout.write(formatFileText(r, lang));
    }
  );
  if (format === "json") {
    const report: JsonReport = { files: results.map((r) => toJsonFile(r, lang)) };
    io.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    io.stdout.write(formatSummary(summarize(results), lang));
  }
  return exitCode(results);
}
