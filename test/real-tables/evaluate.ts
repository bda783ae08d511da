/**
 * Scores the checker's findings on one real table against what a reviewer flags and leaves alone (types.ts).
 * Used by test/real-tables.test.ts and by `npm run eval:real` (scripts/eval-real.ts).
 *
 * Matching, kept simple:
 * - A finding "hits" a flag when its cell is one of the flag's cells, or when one of its related cells is and its
 *   own cell is not a leave cell (the same fault reported at a related cell counts; a finding on a leave cell does
 *   not become a hit through its related cells).
 * - Precision counts error and warning findings only: a hit is a true positive; every other error/warning is a
 *   false positive (on a leave cell, on an unlisted cell, or anywhere on a sheet that is not a goal table), except
 *   findings about the cut of a truncated excerpt (`cutWords`, never on a leave cell), which are left out and
 *   counted apart. The statement
 *   "no goal table in this workbook" on a sheet that must be read as not-a-table is the expected answer: neutral.
 * - Recall: a flag is found when some finding hits it at error/warning level (any level for an advisory flag); a
 *   not-a-table flag when the reader says "not a goal table" with the expected reason.
 * - Several findings on one flag all count as hits; the extra ones are counted as `duplicates` for information.
 * - Known limit: a hit is judged by cell, not by meaning, so a finding that says the wrong thing about a flagged cell
 *   (a "lucky hit") counts; `npm run eval:real -- -v` lists every finding with its rule so they can be seen.
 */
import { checkWorkbook } from "../../src/core/check";
import type { Finding, Severity } from "../../src/core/finding";
import type { SheetCheck } from "../../src/core/check";
import { compareReading } from "./read";
import type { Flag, RealTable } from "./types";

export type Verdict = "hit" | "false-positive" | "cut" | "neutral" | "info";

export interface JudgedFinding {
  finding: Finding;
  verdict: Verdict;
  /** On a leave cell. */
  onLeave: boolean;
  /** Index of the flag hit, if any. */
  flag?: number;
}

export interface TableScore {
  table: RealTable;
  check: SheetCheck;
  /** Differences between the reading and the expectation ([] = read correctly). */
  readProblems: string[];
  findings: JudgedFinding[];
  bySeverity: Record<Severity, number>;
  truePositives: number;
  falsePositives: number;
  falseOnLeave: number;
  cut: number;
  duplicates: number;
  flagsFound: boolean[];
  /** Non-advisory flags not flagged at error/warning level. */
  missed: Flag[];
  /** Problems with the leave expectations: error/warning on a leave cell or a leave word, repeated info. */
  leaveViolations: string[];
}

const LOUD = (s: Severity) => s === "error" || s === "warning";

function cellsOf(f: Finding): string[] {
  return [f.cell, ...f.related];
}

function hitFlag(f: Finding, flags: Flag[], leaveCells: Set<string>): number {
  const direct = flags.findIndex((fl) => fl.cells.includes(f.cell));
  if (direct >= 0 || leaveCells.has(f.cell)) return direct;
  const cells = cellsOf(f);
  return flags.findIndex((fl) => fl.cells.some((c) => cells.includes(c)));
}

/** Runs the checker on the table's sheet (as a one-sheet workbook) and scores what it says. */
export function scoreTable(table: RealTable): TableScore {
  const wb = checkWorkbook({ sheets: [table.sheet] });
  return scoreFindings(table, wb.sheets[0], wb.findings);
}

/**
 * Scores a check of the table's sheet: `check` is the sheet's reading and findings, `all` every finding of the
 * workbook (the sheet's and the workbook rules').
 */
export function scoreFindings(table: RealTable, check: SheetCheck, all: Finding[]): TableScore {
  const wb = { findings: all };
  const expectsNotATable = "notATable" in table.read;
  const sheetFindings = new Set(check.findings);
  const leaveCells = new Set(table.leave.flatMap((l) => l.cells));
  const judged: JudgedFinding[] = wb.findings.map((f) => {
    const onLeave = leaveCells.has(f.cell);
    const flag = expectsNotATable ? -1 : hitFlag(f, table.flag, leaveCells);
    if (expectsNotATable && check.tables.length === 0 && !sheetFindings.has(f))
      return { finding: f, verdict: "neutral", onLeave };
    if (!LOUD(f.severity)) return { finding: f, verdict: "info", onLeave, ...(flag >= 0 ? { flag } : {}) };
    if (flag >= 0) return { finding: f, verdict: "hit", onLeave, flag };
    if (!onLeave && table.cutWords?.some((w) => f.message.zh.includes(w)))
      return { finding: f, verdict: "cut", onLeave };
    return { finding: f, verdict: "false-positive", onLeave };
  });
  const flagsFound = table.flag.map((fl, i) => {
    if (fl.notATable !== undefined)
      return check.tables.length === 0 && (check.notATable?.reason.zh ?? "").includes(fl.notATable);
    return judged.some((j) => j.flag === i && (fl.advisory || LOUD(j.finding.severity)));
  });
  const hits = judged.filter((j) => j.verdict === "hit");
  const leaveViolations: string[] = [];
  for (const j of judged) {
    const f = j.finding;
    if (!LOUD(f.severity) || j.verdict === "neutral") continue;
    if (j.onLeave) leaveViolations.push(`${f.severity} ${f.rule} at ${f.cell} (leave): ${f.message.zh}`);
    const word = table.leaveWords?.find((w) => f.message.zh.includes(w));
    if (word) leaveViolations.push(`${f.severity} ${f.rule} at ${f.cell} speaks of “${word}”: ${f.message.zh}`);
  }
  const infoOnLeave = new Map<string, number>();
  for (const j of judged)
    if (j.onLeave && j.finding.severity === "info")
      infoOnLeave.set(j.finding.rule, (infoOnLeave.get(j.finding.rule) ?? 0) + 1);
  for (const [rule, n] of infoOnLeave)
    if (n > 1) leaveViolations.push(`info ${rule} ${n} times on leave cells (at most once per table)`);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of wb.findings) bySeverity[f.severity]++;
  const flagsHit = new Set(hits.map((h) => h.flag));
  return {
    table,
    check,
    readProblems: compareReading(table.read, check),
    findings: judged,
    bySeverity,
    truePositives: hits.length,
    falsePositives: judged.filter((j) => j.verdict === "false-positive").length,
    falseOnLeave: judged.filter((j) => j.verdict === "false-positive" && j.onLeave).length,
    cut: judged.filter((j) => j.verdict === "cut").length,
    duplicates: hits.length - flagsHit.size,
    flagsFound,
    missed: table.flag.filter((fl, i) => !fl.advisory && !flagsFound[i]),
    leaveViolations,
  };
}
