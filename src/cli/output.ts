/** Shared pieces of the commands' output: the JSON contract, words, the per-file text and the summary line. */
import type { Finding, Lang, Message, Severity } from "../core/finding";
import { isNumeric, parseAmount } from "../core/amount";
import type { GoalTable, TableKind } from "../core/model";

export interface Output {
  write(text: string): unknown;
  /** A terminal: progress is shown there. */
  isTTY?: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** The clock, for the default budget year of `template` (tests pass their own). */
  now?: () => Date;
}

/** A finding the submitter accepted, with their reason: listed apart, never counted. */
export interface AcceptedFinding {
  finding: Finding;
  reason: string;
}

/** What the report needs of a table, as plain data (it crosses from the worker threads). */
export interface TableFacts {
  sheet: string;
  kind: TableKind;
  year: number | null;
  range: string;
  /** 部门（单位）名称 or 项目名称, as typed. */
  name: string;
  /** 预算总额: the 合计 row's 总额 (department) or 年度资金总额 (project), when it is a number. */
  total: number | null;
  unit: string;
}

/** The result of reading and checking one file. */
export interface FileResult {
  file: string;
  error: Message | null;
  tables: TableFacts[];
  /** The open findings: the exit code and the counts come from these. */
  findings: Finding[];
  /** Accepted findings (with their reasons), apart. */
  accepted?: AcceptedFinding[];
  /** Said of the file besides its findings (e.g. read through a LibreOffice conversion). */
  note?: Message;
}

/** A table's facts for the output. */
export function tableFacts(t: GoalTable): TableFacts {
  const totalCell = t.kind === "project" ? t.funding?.total?.value : t.tasks?.totalRow?.total;
  const parsed = parseAmount(totalCell);
  return {
    sheet: t.sheet,
    kind: t.kind,
    year: t.year?.value ?? null,
    range: t.range,
    name: (t.name?.value?.text ?? "").trim(),
    total: isNumeric(parsed) ? parsed.value.toNumber() : null,
    unit: t.unit,
  };
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
  /** Rules whose findings on the same cell were folded into this one; absent when none were. */
  folded?: string[];
}

export interface JsonAccepted {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
}

export interface JsonFile {
  file: string;
  error: string | null;
  tables: JsonTable[];
  findings: JsonFinding[];
  /** Findings the submitter accepted, with their reasons: not in `findings`, not counted, no effect on the exit code. */
  accepted: JsonAccepted[];
  /** Said of the file besides its findings (e.g. read through a LibreOffice conversion), or null. */
  note: string | null;
}

export interface JsonReport {
  files: JsonFile[];
}

export function toJsonFile(r: FileResult, lang: Lang): JsonFile {
  return {
    file: r.file,
    error: r.error ? r.error[lang] : null,
    tables: r.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, year: t.year, range: t.range })),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      related: [...f.related],
      message: f.message[lang],
      ...(f.folded?.length ? { folded: [...f.folded] } : {}),
    })),
    accepted: (r.accepted ?? []).map((a) => ({
      rule: a.finding.rule,
      sheet: a.finding.sheet,
      cell: a.finding.cell,
      reason: a.reason,
    })),
    note: r.note ? r.note[lang] : null,
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

function tableWords(t: TableFacts, lang: Lang): string {
  const kind = KIND_WORDS[t.kind][lang];
  if (lang === "zh") {
    return `“${t.sheet}” ${kind}${t.year !== null ? ` ${t.year} 年` : "（年度未知）"} ${t.range}`;
  }
  return `'${t.sheet}' ${kind}${t.year !== null ? ` ${t.year}` : " (year unknown)"} ${t.range}`;
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
  if (r.note) lines.push(lang === "zh" ? `  （${r.note.zh}）` : `  (${r.note.en})`);
  for (const f of r.findings) {
    lines.push(
      `  ${cellRef(f.sheet, f.cell)}  ${SEVERITY_WORDS[f.severity][lang]}  ${f.rule}  ${oneLine(f.message[lang])}`
    );
  }
  if (r.findings.length === 0) lines.push(lang === "zh" ? "  未发现问题。" : "  No problems found.");
  for (const { finding: f, reason } of r.accepted ?? []) {
    const why = lang === "zh" ? `（已接受，理由：${oneLine(reason)}）` : ` (accepted: ${oneLine(reason)})`;
    lines.push(
      `  ${cellRef(f.sheet, f.cell)}  ${lang === "zh" ? "已接受" : "accepted"}  ${f.rule}  ${oneLine(f.message[lang])}${why}`
    );
  }
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
  /** Accepted findings (not in the counts above). */
  accepted: number;
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
    accepted: results.reduce((n, r) => n + (r.accepted?.length ?? 0), 0),
  };
}

export function formatSummary(s: Summary, lang: Lang): string {
  if (lang === "zh") {
    const unreadable = s.unreadable > 0 ? `（${s.unreadable} 个无法读取）` : "";
    const accepted = s.accepted > 0 ? `；另有 ${s.accepted} 个已接受的问题` : "";
    return `共检查 ${s.files} 个文件${unreadable}、${s.tables} 张表：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示${accepted}。\n`;
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const unreadable = s.unreadable > 0 ? ` (${s.unreadable} unreadable)` : "";
  return (
    `Checked ${plural(s.files, "file")}${unreadable}, ${plural(s.tables, "table")}: ` +
    `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "info")}` +
    `${s.accepted > 0 ? `; ${s.accepted} accepted` : ""}.\n`
  );
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.error)) return 2;
  if (results.some((r) => r.findings.some((f) => f.severity === "error"))) return 1;
  return 0;
}
