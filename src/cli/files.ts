/** The files to check: arguments expanded (a folder gives its workbooks, recursively). */
import { promises as fs } from "fs";
import * as path from "path";
import type { Message } from "../core/finding";

/**
 * Extensions picked up when a folder is given: .xlsx and .xlsm, and the .xls, .et and .ods that LibreOffice converts
 * (without LibreOffice they get the message asking to save them as .xlsx, rather than being skipped silently).
 */
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".et", ".ods"]);

export interface Input {
  file: string;
  /** The folder argument the file was found under. */
  root?: string;
  error?: Message;
}

/**
 * One argument, expanded: a folder gives its workbooks; anything else is kept as given (errors come later).
 * Folders in `exclude` (the --annotate output) are not searched.
 */
export async function expandArgs(args: string[], exclude: string[] = []): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await fs.stat(arg)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      out.push({ file: arg });
      continue;
    }
    let found: string[] = [];
    try {
      found = await listWorkbooks(arg, exclude);
    } catch (e) {
      out.push({
        file: arg,
        error: { zh: `无法读取文件夹（${errCode(e)}）。`, en: `The folder could not be read (${errCode(e)}).` },
      });
      continue;
    }
    if (found.length === 0) {
      out.push({
        file: arg,
        error: { zh: "文件夹中没有 .xlsx 文件。", en: "There are no .xlsx files in this folder." },
      });
      continue;
    }
    out.push(...found.map((file) => ({ file, root: arg })));
  }
  return out;
}

export function errCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? "?";
}

/** The workbooks under a folder, recursively, sorted; skips ~$ lock files and hidden folders. */
export async function listWorkbooks(dir: string, exclude: string[] = []): Promise<string[]> {
  const result: string[] = [];
  const skip = new Set(exclude.map((d) => path.resolve(d)));
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith(".") || e.name === "node_modules" || skip.has(path.resolve(full))) continue;
        await walk(full);
      } else if (e.isFile()) {
        if (e.name.startsWith("~$") || e.name.startsWith(".")) continue;
        if (WORKBOOK_EXTENSIONS.has(path.extname(e.name).toLowerCase())) result.push(full);
      }
    }
  };
  await walk(dir);
  return result;
}
