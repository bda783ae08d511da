/** The files to check: arguments expanded (a folder gives its workbooks, recursively). */
import { promises as fs } from "fs";
import * as path from "path";
import type { Message } from "../core/finding";

/** Extensions picked up when a folder is given. */
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

/** One argument, expanded: a folder gives its workbooks; anything else is kept as given (errors come later). */
export async function expandArgs(args: string[]): Promise<{ file: string; error?: Message }[]> {
  const out: { file: string; error?: Message }[] = [];
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
      found = await listWorkbooks(arg);
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
    out.push(...found.map((file) => ({ file })));
  }
  return out;
}

export function errCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? "?";
}

/** The workbooks under a folder, recursively, sorted; skips ~$ lock files and hidden folders. */
export async function listWorkbooks(dir: string): Promise<string[]> {
  const result: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith(".") || e.name === "node_modules") continue;
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
