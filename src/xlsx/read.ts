/**
 * Reads an .xlsx file into the same snapshot the Excel add-in builds from Office.js (`Range.values`, `formulas`,
 * `numberFormat` of each sheet's used range), so the core cannot tell the two apart.
 *
 * Nothing here throws anything but a WorkbookReadError: every failure (missing file, wrong format, encrypted file,
 * corrupt zip, a part neither reader can parse) becomes one with a message in Chinese and English.
 */
import { readFileSync, statSync } from "fs";
import * as path from "path";
import type { Message } from "../core/finding";
import type { WorkbookSnapshot } from "../core/snapshot";
import { NotAWorkbook, readPackage } from "./package";
import { MAX_SHEET_CELLS, SheetTooLarge } from "./parts";

/** Files above this size are refused: a goal table is a few hundred KB at most. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type WorkbookReadErrorCode =
  "not-found" | "not-a-file" | "unreadable" | "too-large" | "unsupported-format" | "encrypted" | "corrupt";

/** Why a workbook could not be read. `text` holds the message in both languages; `message` is "zh / en". */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly text: Message;

  constructor(code: WorkbookReadErrorCode, text: Message, options?: { cause?: unknown }) {
    super(`${text.zh} / ${text.en}`);
    this.name = "WorkbookReadError";
    this.code = code;
    this.text = text;
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** A file in a format we do not read; `what` names the format. */
function unsupported(what: Message): WorkbookReadError {
  return new WorkbookReadError("unsupported-format", {
    zh: `不支持该文件格式（${what.zh}），请在 Excel 中另存为 .xlsx 后再检查。`,
    en: `This file format is not supported (${what.en}): please save as .xlsx in Excel and check again.`,
  });
}

function corrupt(cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(
    "corrupt",
    {
      zh: "不是有效的 .xlsx 文件（文件已损坏，或并非 Excel 工作簿）。",
      en: "Not a valid .xlsx file (the file is damaged or is not an Excel workbook).",
    },
    { cause }
  );
}

// ---------------------------------------------------------------------------------------------------------------
// File format detection (pure)

export type DetectedFormat =
  /** A zip: .xlsx / .xlsm, or something else zipped (tried as xlsx). */
  | "zip"
  /** An OpenDocument spreadsheet (a zip whose mimetype says so). */
  | "ods"
  /** An OLE compound file holding an encrypted (password-protected) OOXML workbook. */
  | "encrypted"
  /** Any other OLE compound file: an Excel 97-2003 .xls. */
  | "xls"
  /** HTML or XML Spreadsheet 2003, often saved with an .xls name by reporting systems. */
  | "markup"
  | "unknown";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  return sig.every((b, i) => buf[i] === b);
}

/** Looks at a file's first bytes (and, for compound files, its directory) to tell what it is. */
export function detectFormat(buf: Uint8Array): DetectedFormat {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (startsWith(b, ZIP_SIGNATURE)) {
    // An ODF package stores an uncompressed "mimetype" entry first.
    const head = b.subarray(0, 200).toString("latin1");
    if (head.includes("mimetypeapplication/vnd.oasis.opendocument")) return "ods";
    return "zip";
  }
  if (startsWith(b, CFB_SIGNATURE)) {
    // Encrypted OOXML keeps the workbook in an "EncryptedPackage" stream next to "EncryptionInfo" (names in UTF-16LE).
    const marker = Buffer.from("EncryptionInfo", "utf16le");
    const marker2 = Buffer.from("EncryptedPackage", "utf16le");
    if (b.includes(marker) || b.includes(marker2)) return "encrypted";
    return "xls";
  }
  const text = b
    .subarray(0, 512)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (
    text.startsWith("<!doctype html") ||
    text.startsWith("<html") ||
    text.startsWith("<?xml") ||
    text.startsWith("<table")
  )
    return "markup";
  return "unknown";
}

/** Extensions refused without looking at the content. */
const UNSUPPORTED_EXTENSIONS: Record<string, Message> = {
  ".csv": { zh: "CSV 文本文件", en: "a CSV text file" },
  ".tsv": { zh: "制表符分隔的文本文件", en: "a tab-separated text file" },
  ".txt": { zh: "文本文件", en: "a text file" },
  ".ods": { zh: "OpenDocument 表格（.ods）", en: "an OpenDocument spreadsheet (.ods)" },
  ".xls": { zh: "旧版 Excel 97-2003 工作簿（.xls）", en: "an old Excel 97-2003 workbook (.xls)" },
  ".xlsb": { zh: "Excel 二进制工作簿（.xlsb）", en: "an Excel binary workbook (.xlsb)" },
  ".et": { zh: "WPS 表格文件（.et）", en: "a WPS spreadsheet (.et)" },
  ".numbers": { zh: "Numbers 表格", en: "a Numbers spreadsheet" },
  ".pdf": { zh: "PDF 文件", en: "a PDF file" },
  ".doc": { zh: "Word 文档", en: "a Word document" },
  ".docx": { zh: "Word 文档", en: "a Word document" },
};

/**
 * Decides from the name and the first bytes whether exceljs should try the file; returns the error to raise
 * otherwise. Content wins over the name where they disagree (an encrypted .xlsx is a compound file, and a
 * "report.xls" is often HTML).
 */
export function classifyInput(buf: Uint8Array, fileName?: string): WorkbookReadError | null {
  const format = detectFormat(buf);
  if (format === "encrypted") {
    return new WorkbookReadError("encrypted", {
      zh: "文件已设置打开密码（已加密），无法读取：请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）后再检查。",
      en: "The file is password-protected (encrypted) and cannot be read: remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password) and check it again.",
    });
  }
  if (format === "xls") return unsupported(UNSUPPORTED_EXTENSIONS[".xls"]);
  if (format === "ods") return unsupported(UNSUPPORTED_EXTENSIONS[".ods"]);
  if (format === "markup")
    return unsupported({
      zh: "网页或 XML 表格文件（并非真正的 Excel 工作簿）",
      en: "a web page or XML spreadsheet (not a real Excel workbook)",
    });
  const ext = fileName ? path.extname(fileName).toLowerCase() : "";
  if (ext in UNSUPPORTED_EXTENSIONS && format !== "zip") return unsupported(UNSUPPORTED_EXTENSIONS[ext]);
  if (ext === ".xlsb" || ext === ".ods" || ext === ".numbers") return unsupported(UNSUPPORTED_EXTENSIONS[ext]);
  if (format !== "zip") return corrupt();
  return null;
}

/**
 * The snapshot of an .xlsx file's bytes: read from the package's parts (src/xlsx/package.ts), and by exceljs
 * (src/xlsx/read-exceljs.ts) when the package reader declines the file (a ZIP64 package, a part it cannot scan).
 * Throws a WorkbookReadError "corrupt" when neither can read it. `primary` is there for tests.
 */
export async function readSnapshot(
  bytes: Uint8Array,
  primary: (bytes: Uint8Array) => WorkbookSnapshot = readPackage
): Promise<WorkbookSnapshot> {
  try {
    return primary(bytes);
  } catch (first) {
    // Too large for exceljs as much as for us: say so.
    if (first instanceof SheetTooLarge) throw sheetTooLarge(first);
    try {
      // Loaded only now: most runs never need it, and a worker thread starts faster without it.
      const { readWithExcelJS } = await import("./read-exceljs");
      return await readWithExcelJS(bytes);
    } catch (e) {
      throw corrupt(first instanceof NotAWorkbook ? first : e);
    }
  }
}

/** Reads an .xlsx already in memory. `fileName` (optional) only helps to name the format in error messages. */
export async function readWorkbookBuffer(buf: Uint8Array | ArrayBuffer, fileName?: string): Promise<WorkbookSnapshot> {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
  const refused = classifyInput(bytes, fileName);
  if (refused) throw refused;
  return readSnapshot(bytes);
}

function sheetTooLarge(e: SheetTooLarge): WorkbookReadError {
  const n = e.cells.toLocaleString("en-US");
  const max = MAX_SHEET_CELLS.toLocaleString("en-US");
  return new WorkbookReadError(
    "too-large",
    {
      zh: `工作表“${e.sheet}”的已用区域 ${e.range} 有 ${n} 个单元格，超出可检查的上限（${max} 个）。这通常是远处残留的单元格所致：请在 Excel 中删除表格以外多余的行和列（或按 Ctrl+End 找到它）后再检查。`,
      en: `The used range of sheet "${e.sheet}" (${e.range}) has ${n} cells, more than can be checked (${max}). This is usually a stray cell far from the table: delete the extra rows and columns in Excel (Ctrl+End finds it) and check again.`,
    },
    { cause: e }
  );
}

function tooLarge(bytes: number): WorkbookReadError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const max = MAX_FILE_BYTES / 1024 / 1024;
  return new WorkbookReadError("too-large", {
    zh: `文件过大（${mb} MB，上限 ${max} MB），不像是绩效目标表，未读取。`,
    en: `The file is too large (${mb} MB, limit ${max} MB) to be a goal table; it was not read.`,
  });
}

/** Reads an .xlsx file from disk. */
export async function readWorkbookFile(file: string): Promise<WorkbookSnapshot> {
  return readWorkbookBuffer(await readWorkbookBytes(file), file);
}

/**
 * A workbook file's bytes (a regular file, not too large), or a WorkbookReadError saying why not. Read with the
 * synchronous calls: a goal table is a few hundred KB, and the promise API's five round trips through the thread
 * pool (stat, open, fstat, read, close) cost about 0.9 ms a file, a quarter of exceljs's whole parse of one.
 */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw fileError(e);
  }
  if (stat.isDirectory())
    throw new WorkbookReadError("not-a-file", {
      zh: "这是一个文件夹，不是文件。",
      en: "This is a folder, not a file.",
    });
  if (!stat.isFile()) throw new WorkbookReadError("not-a-file", { zh: "不是普通文件。", en: "Not a regular file." });
  if (stat.size > MAX_FILE_BYTES) throw tooLarge(stat.size);
  try {
    return readFileSync(file);
  } catch (e) {
    throw fileError(e);
  }
}

function fileError(e: unknown): WorkbookReadError {
  const code = (e as { code?: string } | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new WorkbookReadError("not-found", { zh: "找不到文件。", en: "File not found." }, { cause: e });
  if (code === "EACCES" || code === "EPERM")
    return new WorkbookReadError(
      "unreadable",
      { zh: "没有读取该文件的权限。", en: "Permission denied: the file cannot be read." },
      { cause: e }
    );
  if (code === "EBUSY")
    return new WorkbookReadError(
      "unreadable",
      {
        zh: "文件正被其他程序占用，请关闭后重试。",
        en: "The file is locked by another program; close it and try again.",
      },
      { cause: e }
    );
  return new WorkbookReadError(
    "unreadable",
    { zh: `无法读取文件（${code ?? "未知错误"}）。`, en: `The file could not be read (${code ?? "unknown error"}).` },
    { cause: e }
  );
}
