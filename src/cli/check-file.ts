/**
 * Reads, checks and (with --annotate) marks one file: the work of one task, run in the main thread or in a worker
 * (worker.ts). Never throws: every failure becomes the file's message. Plain data in and out.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { contentFromSnapshots, splitAccepted } from "../core/acceptance";
import { checkWorkbook } from "../core/check";
import type { Lang, Message } from "../core/finding";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readAcceptancesFromXlsx } from "../xlsx/acceptances";
import { annotateWorkbook, type AnnotateItem } from "../xlsx/annotate";
import { classifyInput, readWorkbookBuffer, readWorkbookBytes, WorkbookReadError } from "../xlsx/read";
import { CONVERTIBLE, convertToXlsx } from "./convert";
import { describe, tableFacts, type FileResult } from "./output";

/** The name every custom XML part's file starts with, as it stands in the zip's directory. */
const CUSTOM_XML = Buffer.from("customXml/item");

export interface CheckTask {
  file: string;
  lang: Lang;
  /** Where to write the marked copy (--annotate), if anywhere. */
  markedPath?: string;
  /** LibreOffice's program, for .xls/.et/.ods; undefined when it is not installed. */
  soffice?: string;
}

export interface CheckOutcome extends FileResult {
  /** The marked copy written. */
  marked?: string;
  /** Why the marked copy could not be written (the check itself went through). */
  writeError?: Message;
}

export async function checkTask(task: CheckTask): Promise<CheckOutcome> {
  const { file } = task;
  const failed = (error: Message): CheckOutcome => ({ file, error, tables: [], findings: [], accepted: [] });
  let bytes: Buffer;
  let note: Message | undefined;
  let snapshot: WorkbookSnapshot;
  try {
    bytes = await readWorkbookBytes(file);
    const ext = path.extname(file).toLowerCase();
    const refused = classifyInput(bytes, file);
    if (refused && refused.code === "unsupported-format" && CONVERTIBLE.has(ext) && task.soffice) {
      try {
        bytes = await convertToXlsx(task.soffice, file, bytes);
      } catch (e) {
        return failed({
          zh: `LibreOffice 无法将该文件转换为 .xlsx（${describe(e)}），请在 Excel 或 WPS 中另存为 .xlsx 后再检查。`,
          en: `LibreOffice could not convert the file to .xlsx (${describe(e)}): please save it as .xlsx and check again.`,
        });
      }
      note = {
        zh: `已用 LibreOffice 将 ${ext} 文件的临时副本转换为 .xlsx 后检查`,
        en: `checked a temporary copy converted from ${ext} to .xlsx by LibreOffice`,
      };
    }
    snapshot = await readWorkbookBuffer(bytes, note ? `${file}.xlsx` : file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return failed(e.text);
    return failed({
      zh: `读取文件时出现意外错误：${describe(e)}`,
      en: `Unexpected error while reading the file: ${describe(e)}`,
    });
  }
  let result: CheckOutcome;
  try {
    const checked = checkWorkbook(snapshot);
    // The submitter's acceptances travel in a custom XML part; a package without one is not opened twice.
    const acceptances = bytes.includes(CUSTOM_XML) ? await readAcceptancesFromXlsx(bytes) : [];
    const { open, accepted } = splitAccepted(checked.findings, acceptances, contentFromSnapshots(snapshot.sheets));
    result = {
      file,
      error: null,
      tables: checked.tables.map(tableFacts),
      findings: open,
      accepted: accepted.map((a) => ({ finding: a.finding, reason: a.acceptance.reason })),
      ...(note ? { note } : {}),
    };
  } catch (e) {
    return failed({
      zh: `检查时出现内部错误（这是 goaltable 的缺陷，请报告）：${describe(e)}`,
      en: `Internal error while checking (a bug in goaltable, please report it): ${describe(e)}`,
    });
  }
  if (task.markedPath) {
    const target = note ? task.markedPath.replace(/\.[^./\\]*$/, "") + ".xlsx" : task.markedPath;
    try {
      if (path.resolve(target) === path.resolve(file)) throw new Error("the marked copy would replace the original");
      const items: AnnotateItem[] = [
        ...result.findings.map((f) => ({ ...f, message: f.message[task.lang] })),
        ...(result.accepted ?? []).map((a) => ({
          ...a.finding,
          message: a.finding.message[task.lang],
          accepted: a.reason,
        })),
      ];
      const marked = await annotateWorkbook(bytes, items, task.lang);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, marked.bytes);
      result.marked = target;
    } catch (e) {
      result.writeError = {
        zh: `无法写入标记副本 ${target}：${describe(e)}`,
        en: `could not write the marked copy ${target}: ${describe(e)}`,
      };
    }
  }
  return result;
}
