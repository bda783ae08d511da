/**
 * The command line: `goaltable check FILE... [--format text|json] [--lang zh|en]`, and
 * `goaltable template [--year N] [--kind department|project] [--form merged|split] [--from FILE [--keep-values]]
 * -o OUT.xlsx [--force]`, which writes a new budget year's blank (or prefilled) table.
 *
 * Exit codes: 0 no finding is an error; 1 some finding is an error; 2 a file could not be read or checked, or the
 * command line is wrong. No exception and no stack trace ever reaches the user: every file is checked on its own
 * and any failure becomes a message.
 */
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { checkWorkbook } from "../core/check";
import type { Finding, Lang, Message, Severity } from "../core/finding";
import type { GoalTable, IndicatorForm, TableKind } from "../core/model";
import { readSheet } from "../core/reader";
import { makeTemplate } from "../core/template";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/read";
import { FileExistsError, writeTemplateFile } from "../xlsx/template";

export interface Output {
  write(text: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** The clock, for the default budget year of `template` (tests pass their own). */
  now?: () => Date;
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

interface TemplateCommand {
  command: "template";
  lang: Lang;
  /** Undefined: the --from table's year + 1, or next year. */
  year?: number;
  /** Undefined: the --from table's kind, or department. */
  kind?: TableKind;
  /** Undefined: the --from table's indicator form, or merged. */
  form?: IndicatorForm;
  from?: string;
  keepValues: boolean;
  output: string;
  force: boolean;
}

type Command = CheckCommand | TemplateCommand | { command: "help"; lang: Lang } | { command: "version" };

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
  const tpl: Partial<TemplateCommand> = {};
  /** The template-only options given, to refuse them on other commands. */
  const templateOptions: string[] = [];
  const tplProblems: Message[] = [];

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
      case "-y":
      case "--year": {
        const v = takeValue();
        if (v !== undefined && /^[0-9]{4}$/.test(v) && +v >= 1990 && +v <= 2100) tpl.year = Number(v);
        else
          tplProblems.push({
            zh: `--year 须为预算年度，如 2022（收到：${v ?? "空"}）`,
            en: `--year must be a budget year such as 2022 (got: ${v ?? "nothing"})`,
          });
        templateOptions.push(name);
        break;
      }
      case "-k":
      case "--kind": {
        const v = takeValue();
        if (v === "department" || v === "project") tpl.kind = v;
        else
          tplProblems.push({
            zh: `--kind 只能是 department 或 project（收到：${v ?? "空"}）`,
            en: `--kind must be department or project (got: ${v ?? "nothing"})`,
          });
        templateOptions.push(name);
        break;
      }
      case "--form": {
        const v = takeValue();
        if (v === "merged" || v === "split") tpl.form = v;
        else
          tplProblems.push({
            zh: `--form 只能是 merged 或 split（收到：${v ?? "空"}）`,
            en: `--form must be merged or split (got: ${v ?? "nothing"})`,
          });
        templateOptions.push(name);
        break;
      }
      case "--from":
      case "-o":
      case "--output": {
        const v = takeValue();
        if (v === undefined || v === "")
          tplProblems.push({ zh: `${name} 后须给出文件名`, en: `${name} needs a file name` });
        else if (name === "--from") tpl.from = v;
        else tpl.output = v;
        templateOptions.push(name);
        break;
      }
      case "--keep-values":
        tpl.keepValues = true;
        templateOptions.push(name);
        break;
      case "--force":
        tpl.force = true;
        templateOptions.push(name);
        break;
      default:
        problems.push({ zh: `未知选项：${arg}`, en: `unknown option: ${arg}` });
    }
  }

  if (positional[0] === "template") problems.push(...tplProblems);
  else for (const o of templateOptions) problems.push({ zh: `未知选项：${o}`, en: `unknown option: ${o}` });
  if (problems.length > 0) throw new UsageError(joinMessages(problems), lang);
  if (version) return { command: "version" };
  if (help || (positional.length === 1 && positional[0] === "help")) return { command: "help", lang };
  if (positional.length === 0) {
    throw new UsageError({ zh: "缺少命令。", en: "missing command." }, lang);
  }
  const [command, ...files] = positional;
  if (command === "template") return templateCommand(tpl, files, lang);
  if (command !== "check") {
    throw new UsageError({ zh: `未知命令：${command}`, en: `unknown command: ${command}` }, lang);
  }
  if (files.length === 0) {
    throw new UsageError({ zh: "没有指定要检查的文件。", en: "no files to check." }, lang);
  }
  return { command: "check", files, format, lang };
}

function templateCommand(tpl: Partial<TemplateCommand>, extra: string[], lang: Lang): TemplateCommand {
  if (extra.length > 0) {
    throw new UsageError(
      {
        zh: `template 不接受文件参数（收到：${extra.join(" ")}）；上年的表用 --from 给出，输出文件用 -o 给出。`,
        en: `template takes no file arguments (got: ${extra.join(" ")}); give last year's table with --from and the output with -o.`,
      },
      lang
    );
  }
  if (!tpl.output) {
    throw new UsageError({ zh: "没有指定输出文件（-o 文件.xlsx）。", en: "no output file (-o FILE.xlsx)." }, lang);
  }
  if (path.extname(tpl.output).toLowerCase() !== ".xlsx") {
    throw new UsageError(
      { zh: `输出文件须为 .xlsx（收到：${tpl.output}）。`, en: `the output file must be .xlsx (got: ${tpl.output}).` },
      lang
    );
  }
  if (tpl.keepValues && !tpl.from) {
    throw new UsageError({ zh: "--keep-values 须与 --from 一起使用。", en: "--keep-values needs --from." }, lang);
  }
  return {
    command: "template",
    lang,
    ...(tpl.year !== undefined ? { year: tpl.year } : {}),
    ...(tpl.kind ? { kind: tpl.kind } : {}),
    ...(tpl.form ? { form: tpl.form } : {}),
    ...(tpl.from ? { from: tpl.from } : {}),
    keepValues: tpl.keepValues === true,
    output: tpl.output,
    force: tpl.force === true,
  };
}

function joinMessages(ms: Message[]): Message {
  return { zh: ms.map((m) => m.zh).join("；"), en: ms.map((m) => m.en).join("; ") };
}

export function usage(lang: Lang): string {
  if (lang === "en") {
    return [
      "Usage: goaltable check FILE|FOLDER... [--format text|json] [--lang zh|en]",
      "       goaltable template [--year N] [--kind department|project] [--form merged|split]",
      "                          [--from LAST-YEAR.xlsx [--keep-values]] -o OUT.xlsx [--force]",
      "       goaltable --help | --version",
      "",
      "check: checks budget performance goal tables (绩效目标表) in .xlsx workbooks.",
      "A folder is searched for .xlsx files (recursively; Excel's ~$ lock files are skipped).",
      "",
      "template: writes the standard table for a new budget year, blank or prefilled from last year's table",
      "(names, tasks, goal text and indicators are kept; amounts are left empty, indicator values too unless",
      "--keep-values).",
      "",
      "Options:",
      "  --format text|json   output format (default: text)",
      "  --lang zh|en         language of the messages (default: zh)",
      "  --year N             budget year of the new table (default: the --from table's year + 1, else next year)",
      "  --kind K             department (部门整体支出, default) or project (项目支出); default: the --from table's",
      "  --form F             indicator values in one column (merged, default) or split into 指标性质/指标方向/",
      "                       计算符号/目标值/计量单位 (split); default: the --from table's",
      "  --from FILE          last year's workbook: its first goal table (of --kind, if given) is carried over",
      "  --keep-values        keep last year's indicator values too",
      "  -o, --output FILE    the .xlsx to write; an existing file is not replaced unless --force",
      "  -h, --help           show this help",
      "  -V, --version        show the version",
      "",
      "Exit codes: 0 no errors found (template: written); 1 errors found; 2 a file could not be read or written,",
      "or wrong usage.",
      "",
    ].join("\n");
  }
  return [
    "用法：goaltable check 文件|文件夹... [--format text|json] [--lang zh|en]",
    "      goaltable template [--year 年度] [--kind department|project] [--form merged|split]",
    "                         [--from 上年的表.xlsx [--keep-values]] -o 输出.xlsx [--force]",
    "      goaltable --help | --version",
    "",
    "check：检查 .xlsx 工作簿中的预算绩效目标表（部门整体支出 / 项目支出绩效目标表）。",
    "给出文件夹时，检查其中（含子文件夹）所有 .xlsx 文件，跳过 Excel 的 ~$ 临时文件。",
    "",
    "template：生成新预算年度的标准绩效目标表，空白，或以上年的表为底稿（保留名称、任务、总体目标和",
    "指标名称；金额留空，指标值除非 --keep-values 也留空）。",
    "",
    "选项：",
    "  --format text|json   输出格式（默认 text）",
    "  --lang zh|en         提示信息的语言（默认 zh，中文）",
    "  --year 年度          新表的预算年度（默认：--from 表的年度加 1，否则为明年）",
    "  --kind 类型          department（部门整体支出，默认）或 project（项目支出）；默认与 --from 表相同",
    "  --form 形式          指标值一栏填写（merged，默认），或分为指标性质/指标方向/计算符号/目标值/计量单位",
    "                       （split）；默认与 --from 表相同",
    "  --from 文件          上年的工作簿：沿用其中第一张（--kind 类型的）绩效目标表",
    "  --keep-values        同时保留上年的指标值",
    "  -o, --output 文件    输出的 .xlsx 文件；已存在时不覆盖，除非加 --force",
    "  -h, --help           显示本帮助",
    "  -V, --version        显示版本号",
    "",
    "退出码：0 未发现错误（template：已生成）；1 发现错误；2 有文件无法读取或写入，或命令用法有误。",
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
  if (cmd.command === "template") return runTemplate(cmd, io);
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

// ---------------------------------------------------------------------------------------------------------------
// template

/** The first goal table of a workbook file, of `kind` when given; or why there is none. Never throws. */
async function firstTable(file: string, kind: TableKind | undefined): Promise<GoalTable | { error: Message }> {
  let workbook;
  try {
    workbook = await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { error: e.text };
    return {
      error: {
        zh: `读取文件时出现意外错误：${describe(e)}`,
        en: `Unexpected error while reading the file: ${describe(e)}`,
      },
    };
  }
  for (const sheet of workbook.sheets) {
    for (const table of readSheet(sheet).tables) if (!kind || table.kind === kind) return table;
  }
  const what = kind ? KIND_WORDS[kind] : { zh: "绩效目标表", en: "goal table" };
  return { error: { zh: `文件中没有找到${what.zh}。`, en: `No ${what.en} was found in this file.` } };
}

async function runTemplate(cmd: TemplateCommand, io: Io): Promise<number> {
  const lang = cmd.lang;
  const fail = (m: Message) => {
    io.stderr.write(`goaltable: ${m[lang]}\n`);
    return 2;
  };
  let prefill: GoalTable | undefined;
  if (cmd.from) {
    const found = await firstTable(cmd.from, cmd.kind);
    if ("error" in found) return fail({ zh: `${cmd.from}：${found.error.zh}`, en: `${cmd.from}: ${found.error.en}` });
    prefill = found;
  }
  const now = (io.now ?? (() => new Date()))();
  const year = cmd.year ?? (prefill?.year ? prefill.year.value + 1 : now.getFullYear() + 1);
  const kind = cmd.kind ?? prefill?.kind ?? "department";
  const form = cmd.form ?? prefill?.indicators?.form ?? "merged";
  const template = makeTemplate({ kind, year, form, prefill, keepValues: cmd.keepValues });
  try {
    await writeTemplateFile(template, cmd.output, { overwrite: cmd.force });
  } catch (e) {
    if (e instanceof FileExistsError) {
      return fail({
        zh: `${cmd.output} 已存在，未覆盖；如要替换它，请加 --force。`,
        en: `${cmd.output} already exists and was not replaced; add --force to replace it.`,
      });
    }
    return fail({
      zh: `无法写入 ${cmd.output}（${errCode(e)}）：${describe(e)}`,
      en: `could not write ${cmd.output} (${errCode(e)}): ${describe(e)}`,
    });
  }
  const kindWords = KIND_WORDS[kind][lang];
  const source = prefill
    ? lang === "zh"
      ? `，以“${prefill.sheet}”（${prefill.year?.value ?? "年度未知"}）为底稿${cmd.keepValues ? "，保留指标值" : ""}`
      : `, prefilled from '${prefill.sheet}' (${prefill.year?.value ?? "year unknown"})${cmd.keepValues ? " with its indicator values" : ""}`
    : "";
  io.stdout.write(
    lang === "zh"
      ? `已生成 ${year} 年${kindWords}：${cmd.output}（工作表“${template.name}”${source}）。\n`
      : `Wrote the ${year} ${kindWords}: ${cmd.output} (sheet '${template.name}'${source}).\n`
  );
  return 0;
}
