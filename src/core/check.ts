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

/**
 * One fault, one finding. First, a finding whose rule `supersedes` another rule hides that rule's findings on the
 * cells it involves (a template row left in the table hides the empty value and the duplicate name it causes).
 * Then the findings left on one cell are folded into the most important one: the most severe, and among equals the
 * rule listed first (the catalogue lists the specific rules before the general ones). The folded rules are named in
 * `folded`, so nothing is hidden without a trace.
 */
export function foldFindings(findings: Finding[], rules: readonly Rule[] = ALL_RULES): Finding[] {
  const byId = new Map(rules.map((r, i) => [r.id, { rule: r, order: i }]));
  const cells = (f: Finding) => [f.cell, ...f.related].map((c) => `${f.sheet}!${c}`);
  const folded = new Map<Finding, string[]>();
  const fold = (into: Finding, f: Finding) => {
    const list = folded.get(into) ?? [];
    for (const id of [f.rule, ...(folded.get(f) ?? [])]) if (!list.includes(id)) list.push(id);
    folded.set(into, list);
  };
  // Supersession, by the cells involved.
  const touching = new Map<string, Finding[]>();
  for (const f of findings) for (const c of cells(f)) touching.set(c, [...(touching.get(c) ?? []), f]);
  const hidden = new Set<Finding>();
  for (const g of findings) {
    const sup = byId.get(g.rule)?.rule.supersedes;
    if (!sup || hidden.has(g)) continue;
    for (const c of cells(g))
      for (const f of touching.get(c) ?? [])
        if (f !== g && !hidden.has(f) && sup.includes(f.rule)) {
          hidden.add(f);
          fold(g, f);
        }
  }
  // One cell, one finding.
  const rank = (f: Finding) => SEVERITY_ORDER[f.severity] * 10_000 + (byId.get(f.rule)?.order ?? 9_999);
  const best = new Map<string, Finding>();
  for (const f of findings) {
    if (hidden.has(f)) continue;
    const key = `${f.sheet}!${f.cell}`;
    const b = best.get(key);
    if (!b || rank(f) < rank(b)) best.set(key, f);
  }
  for (const f of findings) {
    if (hidden.has(f)) continue;
    const b = best.get(`${f.sheet}!${f.cell}`)!;
    if (b !== f) {
      hidden.add(f);
      fold(b, f);
    }
  }
  return findings.filter((f) => !hidden.has(f)).map((f) => (folded.has(f) ? { ...f, folded: folded.get(f)! } : f));
}

export function checkSheet(snapshot: SheetSnapshot, rules: readonly Rule[] = ALL_RULES): SheetCheck {
  const reading = readSheet(snapshot);
  const findings = sortFindings(
    foldFindings(
      reading.tables.flatMap((t) => runRules(t, rules)),
      rules
    )
  );
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
