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
import { WORKBOOK_RULES } from "./rules/workbook";

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
 * Checks every sheet. Sheets without a table are skipped quietly (explanatory sheets are common); then the workbook
 * rules run: no table anywhere, a table split over two sheets.
 */
export function checkWorkbook(workbook: WorkbookSnapshot, rules: readonly Rule[] = ALL_RULES): WorkbookCheck {
  const sheets = workbook.sheets.map((s) => checkSheet(s, rules));
  const extra = WORKBOOK_RULES.flatMap((r) => r.check(sheets));
  return {
    sheets,
    tables: sheets.flatMap((s) => s.tables),
    findings: [...sheets.flatMap((s) => s.findings), ...extra],
  };
}
