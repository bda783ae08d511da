/**
 * Reads an .xlsx file into the same snapshot the Excel add-in builds from Office.js (`Range.values`, `formulas`,
 * `numberFormat` of each sheet's used range), so the core cannot tell the two apart.
 *
 * Nothing here throws anything but a WorkbookReadError: every failure (missing file, wrong format, encrypted file,
 * corrupt zip, exceljs crash) becomes one with a message in Chinese and English.
 */
import { readFileSync, statSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Message } from "../core/finding";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { emptySnapshot } from "../core/snapshot";
import { cellAddress, rangeAddress } from "../core/address";

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

// ---------------------------------------------------------------------------------------------------------------
// Values (pure)

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Serial number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Days between the 1900 and the 1904 date systems. */
const DATE1904_OFFSET = 1462;

/**
 * A Date that exceljs made from a serial number back to that serial number. exceljs converts with
 * `date = (serial - 25569 [+ 1462]) days after 1970-01-01 UTC`, rounded to the millisecond; this is its exact
 * inverse, so serials before 1900-03-01 (where Excel's fictitious 1900-02-29 sits) come back unchanged too.
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial = UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
  // Remove float noise below a millisecond (Excel keeps about 15 significant digits).
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** The inverse of dateToSerial, as exceljs does it. */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY));
}

/** Plain text of a string, a rich-text value or a hyperlink's text. */
export function plainText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    const o = v as { richText?: { text?: unknown }[]; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => plainText(r.text)).join("");
    if ("text" in o) return plainText(o.text);
  }
  return "";
}

/** Normalises an Excel error literal; exceljs keeps the text from the file ("#REF!", "#N/A"). */
function errorValue(e: unknown): CellValue {
  const s = typeof e === "string" && e.trim() ? e.trim().toUpperCase() : "#VALUE!";
  return { error: s };
}

/**
 * Maps one exceljs cell value (or formula result) to the value Office.js gives in `Range.values`: numbers, dates
 * as serial numbers, text (rich text and hyperlinks flattened), booleans, errors as {error}, null for empty.
 * (exceljs already decodes the `_xHHHH_` escapes of shared strings, "a_x000D_b" → "a\rb".)
 */
export function toCellValue(v: unknown, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return errorValue(o.error);
    if ("formula" in o || "sharedFormula" in o) return formulaResult(o.result, date1904);
    if ("richText" in o || "text" in o) {
      const t = plainText(o);
      return t === "" ? null : t;
    }
  }
  return null;
}

/** A formula's cached result; an empty string stays "" (Office.js reports "" for a formula that yields ""). */
export function formulaResult(result: unknown, date1904 = false): CellValue {
  if (result === "") return "";
  return toCellValue(result, date1904);
}

/** exceljs formula text → Office.js form: a leading "=" and no "_xlfn." / "_xlws." future-function prefixes. */
export function formulaText(formula: string): string {
  const f = formula.replace(/_xlfn\.|_xlws\./g, "");
  return f.startsWith("=") ? f : "=" + f;
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function extend(box: Box | null, top: number, left: number, bottom: number, right: number): Box {
  if (!box) return { top, left, bottom, right };
  return {
    top: Math.min(box.top, top),
    left: Math.min(box.left, left),
    bottom: Math.max(box.bottom, bottom),
    right: Math.max(box.right, right),
  };
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged areas of a sheet, 1-based as exceljs keeps them. */
function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (internal) return Object.values(internal).filter(Boolean);
  const ranges: string[] = ((ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? []) as string[];
  return ranges.map((r) => {
    const [a, b] = r.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    return { top: p.row + 1, left: p.col + 1, bottom: q.row + 1, right: q.col + 1 };
  });
}

function parseA1(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const ValueType = ExcelJS.ValueType;

/** One worksheet → its snapshot. Exported for tests. */
export function sheetToSnapshot(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const merges = mergesOf(ws);
  let box: Box | null = null;
  // Bounding box (1-based) of the cells holding something, and of the merge areas.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ValueType.Null) return;
      if (cell.type === ValueType.Merge) return; // covered by the merge areas below
      if (cell.type === ValueType.String && cell.value === "") return;
      box = extend(box, r, c, r, c);
    });
  });
  for (const m of merges) box = extend(box, m.top, m.left, m.bottom, m.right);

  const snapshot = emptySnapshot(ws.name);
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  snapshot.protected = Boolean(protection?.sheet);
  snapshot.visible = (ws.state ?? "visible") === "visible";
  const used = box as Box | null;
  if (!used) return snapshot;

  snapshot.origin = cellAddress(used.top - 1, used.left - 1);
  for (let r = used.top; r <= used.bottom; r++) {
    const values: CellValue[] = [];
    const formulas: (string | null)[] = [];
    const formats: string[] = [];
    const row = ws.findRow(r);
    for (let c = used.left; c <= used.right; c++) {
      const cell = row?.findCell(c);
      if (!cell) {
        values.push(null);
        formulas.push(null);
        formats.push("General");
        continue;
      }
      formats.push(numberFormatOf(cell));
      if (cell.type === ValueType.Merge) {
        // exceljs answers a merged cell's value with its master's; Office.js gives the cell's own (empty) value.
        values.push(null);
        formulas.push(null);
        continue;
      }
      if (cell.type === ValueType.Formula) {
        const f = cell.formula;
        values.push(formulaResult(cell.result, date1904));
        formulas.push(f ? formulaText(f) : null);
        continue;
      }
      values.push(toCellValue(cell.value, date1904));
      formulas.push(null);
    }
    snapshot.values.push(values);
    snapshot.formulas.push(formulas);
    snapshot.numberFormats.push(formats);
  }
  snapshot.merges = merges
    .filter((m) => m.bottom > m.top || m.right > m.left)
    .map((m) => rangeAddress({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return snapshot;
}

function numberFormatOf(cell: ExcelJS.Cell): string {
  const f = cell.numFmt as unknown;
  if (typeof f === "string" && f !== "") return f;
  return "General";
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

/**
 * Parts of a worksheet's XML the snapshot never uses, which exceljs then skips instead of building models for
 * (its `ignoreNodes` option): validation lists, conditional formats, extensions, views, print settings, pictures.
 * Values, formulas, number formats (cell styles), merges, protection and hyperlinks' text are all still read.
 */
const LOAD_OPTIONS: Partial<ExcelJS.XlsxReadOptions> = {
  ignoreNodes: [
    "dataValidations",
    "conditionalFormatting",
    "extLst",
    "sheetViews",
    "pageSetup",
    "pageMargins",
    "headerFooter",
    "printOptions",
    "rowBreaks",
    "picture",
    "drawing",
    "autoFilter",
    "tableParts",
  ],
};

/** Reads an .xlsx already in memory. `fileName` (optional) only helps to name the format in error messages. */
export async function readWorkbookBuffer(buf: Uint8Array | ArrayBuffer, fileName?: string): Promise<WorkbookSnapshot> {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
  const refused = classifyInput(bytes, fileName);
  if (refused) throw refused;

  const workbook = new ExcelJS.Workbook();
  try {
    const nodeBuf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // exceljs's typings want its own Buffer alias; a Node Buffer is what it takes at run time.
    await workbook.xlsx.load(nodeBuf as unknown as ExcelJS.Buffer, LOAD_OPTIONS);
  } catch (e) {
    throw corrupt(e);
  }
  try {
    const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
    const sheets = workbook.worksheets.map((ws) => sheetToSnapshot(ws, date1904));
    if (sheets.length === 0 && !looksLikeWorkbook(workbook)) throw corrupt();
    return { sheets };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw corrupt(e);
  }
}

/** exceljs "loads" any zip (a .docx, say) as a workbook with no sheets; a real workbook has at least one. */
function looksLikeWorkbook(workbook: ExcelJS.Workbook): boolean {
  return workbook.worksheets.length > 0;
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
