/**
 * The command line: `goaltable check FILE... [--format text|json] [--lang zh|en]`.
 *
 * Exit codes: 0 no finding is an error; 1 some finding is an error; 2 a file could not be read or checked, or the
 * command line is wrong. No exception and no stack trace ever reaches the user: every file is checked on its own
 * and any failure becomes a message.
 */
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { checkWorkbook } from "../core/check";
import type { Finding, Lang, Message, Severity } from "../core/finding";
import type { GoalTable, TableKind } from "../core/model";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/read";

export interface Output {
  write(text: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
}

export type Format = "text" | "json";

/** How many files are read and checked at the same time. */
export const CONCURRENCY = 2;

/** Extensions picked up when a folder is given. */
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

// ---------------------------------------------------------------------------------------------------------------
// JSON contract

export interface JsonTable {
  sheet: string;
  kind: TableKind;
  year: number | null;
  range: string;
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  related: string[];
  message: string;
}

export interface JsonFile {
  file: string;
  error: string | null;
  tables: JsonTable[];
  findings: JsonFinding[];
}

export interface JsonReport {
  files: JsonFile[];
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

interface CheckCommand {
  command: "check";
  files: string[];
  format: Format;
  lang: Lang;
}

type Command = CheckCommand | { command: "help"; lang: Lang } | { command: "version" };

class UsageError extends Error {
  constructor(
    readonly text: Message,
    readonly lang: Lang
  ) {
    super(text.en);
  }
}

/** Parses argv (without node and the script). Throws UsageError. */
export function parseArgs(argv: string[]): Command {
  let lang: Lang = "zh";
  let format: Format = "text";
  let help = false;
  let version = false;
  const positional: string[] = [];
  const problems: Message[] = [];
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case "-h":
      case "--help":
        help = true;
        break;
      case "-V":
      case "-v":
      case "--version":
        version = true;
        break;
      case "-f":
      case "--format": {
        const v = takeValue();
        if (v === "text" || v === "json") format = v;
        else
          problems.push({
            zh: `--format 只能是 text 或 json（收到：${v ?? "空"}）`,
            en: `--format must be text or json (got: ${v ?? "nothing"})`,
          });
        break;
      }
      case "-l":
      case "--lang": {
        const v = takeValue();
        if (v === "zh" || v === "en") lang = v;
        else
          problems.push({
            zh: `--lang 只能是 zh 或 en（收到：${v ?? "空"}）`,
            en: `--lang must be zh or en (got: ${v ?? "nothing"})`,
          });
        break;
      }
      default:
        problems.push({ zh: `未知选项：${arg}`, en: `unknown option: ${arg}` });
    }
  }

  if (problems.length > 0) throw new UsageError(joinMessages(problems), lang);
  if (version) return { command: "version" };
  if (help || (positional.length === 1 && positional[0] === "help")) return { command: "help", lang };
  if (positional.length === 0) {
    throw new UsageError({ zh: "缺少命令。", en: "missing command." }, lang);
  }
  const [command, ...files] = positional;
  if (command !== "check") {
    throw new UsageError({ zh: `未知命令：${command}`, en: `unknown command: ${command}` }, lang);
  }
  if (files.length === 0) {
    throw new UsageError({ zh: "没有指定要检查的文件。", en: "no files to check." }, lang);
  }
  return { command: "check", files, format, lang };
}

function joinMessages(ms: Message[]): Message {
  return { zh: ms.map((m) => m.zh).join("；"), en: ms.map((m) => m.en).join("; ") };
}

export function usage(lang: Lang): string {
  if (lang === "en") {
    return [
      "Usage: goaltable check FILE|FOLDER... [--format text|json] [--lang zh|en]",
      "       goaltable --help | --version",
      "",
      "Checks budget performance goal tables (绩效目标表) in .xlsx workbooks.",
      "A folder is searched for .xlsx files (recursively; Excel's ~$ lock files are skipped).",
      "",
      "Options:",
      "  --format text|json   output format (default: text)",
      "  --lang zh|en         language of the messages (default: zh)",
      "  -h, --help           show this help",
      "  -V, --version        show the version",
      "",
      "Exit codes: 0 no errors found; 1 errors found; 2 a file could not be read, or wrong usage.",
      "",
    ].join("\n");
  }
  return [
    "用法：goaltable check 文件|文件夹... [--format text|json] [--lang zh|en]",
    "      goaltable --help | --version",
    "",
    "检查 .xlsx 工作簿中的预算绩效目标表（部门整体支出 / 项目支出绩效目标表）。",
    "给出文件夹时，检查其中（含子文件夹）所有 .xlsx 文件，跳过 Excel 的 ~$ 临时文件。",
    "",
    "选项：",
    "  --format text|json   输出格式（默认 text）",
    "  --lang zh|en         提示信息的语言（默认 zh，中文）",
    "  -h, --help           显示本帮助",
    "  -V, --version        显示版本号",
    "",
    "退出码：0 未发现错误；1 发现错误；2 有文件无法读取，或命令用法有误。",
    "",
  ].join("\n");
}

export function version(): string {
  for (const p of [path.join(__dirname, "..", "..", "package.json"), path.join(__dirname, "..", "package.json")]) {
    try {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "goaltable" && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return "unknown";
}

// ---------------------------------------------------------------------------------------------------------------
// Files

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

function errCode(e: unknown): string {
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

// ---------------------------------------------------------------------------------------------------------------
// Checking

export interface FileResult {
  file: string;
  error: Message | null;
  tables: GoalTable[];
  findings: Finding[];
}

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

/** An error's one-line message, never its stack. */
function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].trim() || "?";
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

// ---------------------------------------------------------------------------------------------------------------
// Output

export function toJsonFile(r: FileResult, lang: Lang): JsonFile {
  return {
    file: r.file,
    error: r.error ? r.error[lang] : null,
    tables: r.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, year: t.year?.value ?? null, range: t.range })),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      related: [...f.related],
      message: f.message[lang],
    })),
  };
}

const KIND_WORDS: Record<TableKind, Message> = {
  department: { zh: "部门整体支出绩效目标表", en: "department table" },
  project: { zh: "项目支出绩效目标表", en: "project table" },
};

const SEVERITY_WORDS: Record<Severity, Message> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

/** "Sheet1!D6", or "'My sheet'!D6" when the name needs quoting, as Excel writes it. */
export function cellRef(sheet: string, cell: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

function tableWords(t: GoalTable, lang: Lang): string {
  const kind = KIND_WORDS[t.kind][lang];
  if (lang === "zh") {
    return `“${t.sheet}” ${kind}${t.year ? ` ${t.year.value} 年` : "（年度未知）"} ${t.range}`;
  }
  return `'${t.sheet}' ${kind}${t.year ? ` ${t.year.value}` : " (year unknown)"} ${t.range}`;
}

export function formatFileText(r: FileResult, lang: Lang): string {
  const lines: string[] = [];
  if (r.error) {
    lines.push(lang === "zh" ? `${r.file}：无法检查：${r.error.zh}` : `${r.file}: cannot check: ${r.error.en}`);
    return lines.join("\n") + "\n";
  }
  const n = r.tables.length;
  const tables = r.tables.map((t) => tableWords(t, lang));
  if (lang === "zh") {
    lines.push(n === 0 ? `${r.file}：未找到绩效目标表` : `${r.file}：找到 ${n} 张表：${tables.join("；")}`);
  } else {
    lines.push(
      n === 0 ? `${r.file}: no goal table found` : `${r.file}: ${n} table${n === 1 ? "" : "s"}: ${tables.join("; ")}`
    );
  }
  for (const f of r.findings) {
    lines.push(
      `  ${cellRef(f.sheet, f.cell)}  ${SEVERITY_WORDS[f.severity][lang]}  ${f.rule}  ${oneLine(f.message[lang])}`
    );
  }
  if (r.findings.length === 0) lines.push(lang === "zh" ? "  未发现问题。" : "  No problems found.");
  return lines.join("\n") + "\n";
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}

export interface Summary {
  files: number;
  unreadable: number;
  tables: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(results: FileResult[]): Summary {
  const all = results.flatMap((r) => r.findings);
  return {
    files: results.length,
    unreadable: results.filter((r) => r.error).length,
    tables: results.reduce((n, r) => n + r.tables.length, 0),
    errors: all.filter((f) => f.severity === "error").length,
    warnings: all.filter((f) => f.severity === "warning").length,
    infos: all.filter((f) => f.severity === "info").length,
  };
}

export function formatSummary(s: Summary, lang: Lang): string {
  if (lang === "zh") {
    const unreadable = s.unreadable > 0 ? `（${s.unreadable} 个无法读取）` : "";
    return `共检查 ${s.files} 个文件${unreadable}、${s.tables} 张表：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示。\n`;
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const unreadable = s.unreadable > 0 ? ` (${s.unreadable} unreadable)` : "";
  return (
    `Checked ${plural(s.files, "file")}${unreadable}, ${plural(s.tables, "table")}: ` +
    `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "info")}.\n`
  );
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.error)) return 2;
  if (results.some((r) => r.findings.some((f) => f.severity === "error"))) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Runs the command line; resolves to the exit code. Never rejects. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`goaltable: ${e.text[e.lang]}\n\n${usage(e.lang)}`);
      return 2;
    }
    io.stderr.write(`goaltable: internal error: ${describe(e)}\n`);
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const cmd = parseArgs(argv);
  if (cmd.command === "version") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (cmd.command === "help") {
    io.stdout.write(usage(cmd.lang));
    return 0;
  }
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
