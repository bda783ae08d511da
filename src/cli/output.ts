/** Shared pieces of the commands' output: the JSON contract, words, the per-file text and the summary line. */
import type { Finding, Lang, Message, Severity } from "../core/finding";
import type { GoalTable, TableKind } from "../core/model";

export interface Output {
  write(text: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** The clock, for the default budget year of `template` (tests pass their own). */
  now?: () => Date;
}

/** The result of reading and checking one file. */
export interface FileResult {
  file: string;
  error: Message | null;
  tables: GoalTable[];
  findings: Finding[];
}

/** An error's one-line message, never its stack. */
export function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].trim() || "?";
}

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

export const KIND_WORDS: Record<TableKind, Message> = {
  department: { zh: "部门整体支出绩效目标表", en: "department table" },
  project: { zh: "项目支出绩效目标表", en: "project table" },
};

export const SEVERITY_WORDS: Record<Severity, Message> = {
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

export function oneLine(s: string): string {
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
