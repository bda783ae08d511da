/**
 * The command line's arguments, parsed with Node's `util.parseArgs` (in its token mode, so every problem gets our own
 * message in both languages), and the help text.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { parseArgs as nodeParseArgs } from "util";
import type { Lang, Message } from "../core/finding";
import type { IndicatorForm, TableKind } from "../core/model";

export type Format = "text" | "json";

export interface CheckCommand {
  command: "check";
  files: string[];
  format: Format;
  lang: Lang;
  /** --report: the summary workbook to write. */
  report?: string;
  /** --annotate: the folder for the marked copies. */
  annotate?: string;
}

export interface TemplateCommand {
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

export type Command = CheckCommand | TemplateCommand | { command: "help"; lang: Lang } | { command: "version" };

export class UsageError extends Error {
  constructor(
    readonly text: Message,
    readonly lang: Lang
  ) {
    super(text.en);
  }
}

/** The options `util.parseArgs` knows; `-v` is a second short form of --version. */
const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  "version-v": { type: "boolean", short: "v" },
  format: { type: "string", short: "f" },
  lang: { type: "string", short: "l" },
  report: { type: "string" },
  annotate: { type: "string" },
  year: { type: "string", short: "y" },
  kind: { type: "string", short: "k" },
  form: { type: "string" },
  from: { type: "string" },
  output: { type: "string", short: "o" },
  "keep-values": { type: "boolean" },
  force: { type: "boolean" },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Options that only `template` takes, and those that only `check` takes. */
const TEMPLATE_ONLY = new Set<string>(["year", "kind", "form", "from", "output", "keep-values", "force"]);
const CHECK_ONLY = new Set<string>(["report", "annotate"]);

type Token =
  { kind: "positional"; value: string } | { kind: "option"; name: string; rawName: string; value: string | undefined };

/**
 * The argument tokens. A string option's value is the next argument unless that one starts with "--" (then the value
 * is missing and the next argument is read as what it is), as the command line always did; after "--" everything
 * is a file name.
 */
function tokenize(argv: string[]): Token[] {
  const { tokens } = nodeParseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.kind === "option-terminator") continue;
    if (t.kind === "positional") {
      out.push({ kind: "positional", value: t.value });
      continue;
    }
    const isString = (OPTIONS as Record<string, { type: string }>)[t.name]?.type === "string";
    if (isString && t.inlineValue === false && typeof t.value === "string" && t.value.startsWith("--")) {
      out.push({ kind: "option", name: t.name, rawName: t.rawName, value: undefined });
      return out.concat(tokenize(argv.slice(t.index + 1)));
    }
    out.push({
      kind: "option",
      name: t.name,
      rawName: t.rawName,
      value: typeof t.value === "string" ? t.value : undefined,
    });
  }
  return out;
}

/** Parses argv (without node and the script). Throws UsageError. */
export function parseArgs(argv: string[]): Command {
  let lang: Lang = "zh";
  let format: Format = "text";
  let help = false;
  let version = false;
  const positional: string[] = [];
  const problems: Message[] = [];
  const tpl: Partial<TemplateCommand> = {};
  const chk: { report?: string; annotate?: string } = {};
  /** Options given that belong to one command only, to refuse them on the others. */
  const templateOptions: string[] = [];
  const checkOptions: string[] = [];
  const tplProblems: Message[] = [];
  const chkProblems: Message[] = [];
  const got = (v: string | undefined) => ({ zh: v ?? "空", en: v ?? "nothing" });
  /** `v` when it is one of `allowed`; otherwise undefined, and the problem goes into `into`. */
  const oneOf = <T extends string>(name: string, v: string | undefined, allowed: readonly T[], into: Message[]) => {
    if (v !== undefined && (allowed as readonly string[]).includes(v)) return v as T;
    into.push({
      zh: `--${name} 只能是 ${allowed.join(" 或 ")}（收到：${got(v).zh}）`,
      en: `--${name} must be ${allowed.join(" or ")} (got: ${got(v).en})`,
    });
    return undefined;
  };

  for (const t of tokenize(argv)) {
    if (t.kind === "positional") {
      positional.push(t.value);
      continue;
    }
    const v = t.value;
    const name = t.name as OptionName;
    const raw = t.rawName;
    if (!(name in OPTIONS)) {
      problems.push({ zh: `未知选项：${raw}`, en: `unknown option: ${raw}` });
      continue;
    }
    if (TEMPLATE_ONLY.has(name)) templateOptions.push(raw);
    if (CHECK_ONLY.has(name)) checkOptions.push(raw);
    switch (name) {
      case "help":
        help = true;
        break;
      case "version":
      case "version-v":
        version = true;
        break;
      case "format":
        format = oneOf("format", v, ["text", "json"] as const, problems) ?? format;
        break;
      case "lang":
        lang = oneOf("lang", v, ["zh", "en"] as const, problems) ?? lang;
        break;
      case "report":
      case "annotate":
        if (v === undefined || v === "")
          chkProblems.push({
            zh: `--${name} 后须给出${name === "report" ? "文件名" : "文件夹"}`,
            en: `--${name} needs a ${name === "report" ? "file name" : "folder"}`,
          });
        else chk[name] = v;
        break;
      case "year":
        if (v !== undefined && /^[0-9]{4}$/.test(v) && +v >= 1990 && +v <= 2100) tpl.year = Number(v);
        else
          tplProblems.push({
            zh: `--year 须为预算年度，如 2022（收到：${got(v).zh}）`,
            en: `--year must be a budget year such as 2022 (got: ${got(v).en})`,
          });
        break;
      case "kind": {
        const kind = oneOf("kind", v, ["department", "project"] as const, tplProblems);
        if (kind) tpl.kind = kind;
        break;
      }
      case "form": {
        const form = oneOf("form", v, ["merged", "split"] as const, tplProblems);
        if (form) tpl.form = form;
        break;
      }
      case "from":
      case "output":
        if (v === undefined || v === "")
          tplProblems.push({ zh: `${raw} 后须给出文件名`, en: `${raw} needs a file name` });
        else if (name === "from") tpl.from = v;
        else tpl.output = v;
        break;
      case "keep-values":
        tpl.keepValues = true;
        break;
      case "force":
        tpl.force = true;
        break;
    }
  }

  const command = positional[0];
  if (command === "template") problems.push(...tplProblems);
  else for (const o of templateOptions) problems.push({ zh: `未知选项：${o}`, en: `unknown option: ${o}` });
  if (command === "check") problems.push(...chkProblems);
  else for (const o of checkOptions) problems.push({ zh: `未知选项：${o}`, en: `unknown option: ${o}` });
  if (problems.length > 0) throw new UsageError(joinMessages(problems), lang);
  if (version) return { command: "version" };
  if (help || (positional.length === 1 && command === "help")) return { command: "help", lang };
  if (positional.length === 0) {
    throw new UsageError({ zh: "缺少命令。", en: "missing command." }, lang);
  }
  const files = positional.slice(1);
  if (command === "template") return templateCommand(tpl, files, lang);
  if (command !== "check") {
    throw new UsageError({ zh: `未知命令：${command}`, en: `unknown command: ${command}` }, lang);
  }
  if (files.length === 0) {
    throw new UsageError({ zh: "没有指定要检查的文件。", en: "no files to check." }, lang);
  }
  if (chk.report !== undefined && path.extname(chk.report).toLowerCase() !== ".xlsx") {
    throw new UsageError(
      {
        zh: `--report 的文件须为 .xlsx（收到：${chk.report}）。`,
        en: `the --report file must be .xlsx (got: ${chk.report}).`,
      },
      lang
    );
  }
  return {
    command: "check",
    files,
    format,
    lang,
    ...(chk.report !== undefined ? { report: chk.report } : {}),
    ...(chk.annotate !== undefined ? { annotate: chk.annotate } : {}),
  };
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

export function joinMessages(ms: Message[]): Message {
  return { zh: ms.map((m) => m.zh).join("；"), en: ms.map((m) => m.en).join("; ") };
}

export function usage(lang: Lang): string {
  if (lang === "en") {
    return [
      "Usage: goaltable check FILE|FOLDER... [--format text|json] [--lang zh|en]",
      "                       [--report SUMMARY.xlsx] [--annotate OUTDIR]",
      "       goaltable template [--year N] [--kind department|project] [--form merged|split]",
      "                          [--from LAST-YEAR.xlsx [--keep-values]] -o OUT.xlsx [--force]",
      "       goaltable --help | --version",
      "",
      "check: checks budget performance goal tables (绩效目标表) in .xlsx workbooks.",
      "A folder is searched for .xlsx files (recursively; Excel's ~$ lock files are skipped). .xls, .et and .ods",
      "files are checked from a copy converted by LibreOffice when it is installed.",
      "",
      "template: writes the standard table for a new budget year, blank or prefilled from last year's table",
      "(names, tasks, goal text and indicators are kept; amounts are left empty, indicator values too unless",
      "--keep-values).",
      "",
      "Options:",
      "  --format text|json   output format (default: text)",
      "  --lang zh|en         language of the messages (default: zh)",
      "  --report FILE.xlsx   check: also write a summary workbook (one row per table, one per finding)",
      "  --annotate DIR       check: write a marked copy of each workbook into DIR (the originals are not changed)",
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
    "                      [--report 审核汇总.xlsx] [--annotate 输出文件夹]",
    "      goaltable template [--year 年度] [--kind department|project] [--form merged|split]",
    "                         [--from 上年的表.xlsx [--keep-values]] -o 输出.xlsx [--force]",
    "      goaltable --help | --version",
    "",
    "check：检查 .xlsx 工作簿中的预算绩效目标表（部门整体支出 / 项目支出绩效目标表）。",
    "给出文件夹时，检查其中（含子文件夹）所有 .xlsx 文件，跳过 Excel 的 ~$ 临时文件。已安装 LibreOffice 时，",
    ".xls、.et、.ods 文件先转换为 .xlsx 副本再检查。",
    "",
    "template：生成新预算年度的标准绩效目标表，空白，或以上年的表为底稿（保留名称、任务、总体目标和",
    "指标名称；金额留空，指标值除非 --keep-values 也留空）。",
    "",
    "选项：",
    "  --format text|json   输出格式（默认 text）",
    "  --lang zh|en         提示信息的语言（默认 zh，中文）",
    "  --report 文件.xlsx   check：另写一份审核汇总工作簿（每张表一行，每个问题一行）",
    "  --annotate 文件夹    check：把每个工作簿标记问题后的副本写入该文件夹（原文件不改动）",
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
