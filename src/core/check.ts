/**
 * The one entry point the shells (Excel pane, CLI) call: read the tables on a sheet or workbook and run the rules.
 */
import type { Finding } from "./finding";
import { SEVERITY_ORDER } from "./finding";
import type { GoalTable, NotATable } from "./model";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { readSheet } from "./reader";
import { parseCell } from "./address";
import { ALL_RULES } from "./rules";
import type { Rule } from "./rules/rule";

export interface SheetCheck {
  sheet: string;
  tables: GoalTable[];
  findings: Finding[];
  notATable?: NotATable;
}

export interface WorkbookCheck {
  sheets: SheetCheck[];
  tables: GoalTable[];
  findings: Finding[];
}

export function runRules(table: GoalTable, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check(table, (r) =>
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        sheet: table.sheet,
        cell: r.cell,
        related: r.related ?? [],
        message: r.message,
        ...(r.fix ? { fix: r.fix } : {}),
      })
    );
  }
  return findings;
}

/** Orders findings by sheet position (row, then column), then severity, so lists read top to bottom. */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => {
    const p = parseCell(f.cell);
    return [p.row, p.col, SEVERITY_ORDER[f.severity]];
  };
  return findings
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.f);
}

export function checkSheet(snapshot: SheetSnapshot, rules: readonly Rule[] = ALL_RULES): SheetCheck {
  const reading = readSheet(snapshot);
  const findings = sortFindings(reading.tables.flatMap((t) => runRules(t, rules)));
  return { sheet: snapshot.name, tables: reading.tables, findings, notATable: reading.notATable };
}

/**
 * Checks every sheet. Sheets without a table are skipped quietly (explanatory sheets are common), unless no sheet
 * holds a table: then one error says so, with each sheet's reason.
 */
export function checkWorkbook(workbook: WorkbookSnapshot, rules: readonly Rule[] = ALL_RULES): WorkbookCheck {
  const sheets = workbook.sheets.map((s) => checkSheet(s, rules));
  const tables = sheets.flatMap((s) => s.tables);
  const findings = sheets.flatMap((s) => s.findings);
  if (tables.length === 0) {
    const first = workbook.sheets[0]?.name ?? "";
    const reasons = sheets.map((s) => ({ sheet: s.sheet, reason: s.notATable?.reason }));
    findings.push({
      rule: "structure/no-goal-table",
      severity: "error",
      sheet: first,
      cell: "A1",
      related: [],
      message: {
        zh:
          workbook.sheets.length === 0
            ? "工作簿中没有工作表，找不到绩效目标表。"
            : "工作簿中找不到绩效目标表：" + reasons.map((r) => `“${r.sheet}”${r.reason?.zh ?? ""}`).join("；"),
        en:
          workbook.sheets.length === 0
            ? "The workbook has no sheets, so no goal table was found."
            : "No goal table in this workbook: " + reasons.map((r) => `'${r.sheet}' ${r.reason?.en ?? ""}`).join("; "),
      },
    });
  }
  return { sheets, tables, findings };
}
