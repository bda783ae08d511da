/**
 * How the pane groups and orders findings: by the rule's category (金额, 指标值, 指标体系, 结构), then by severity,
 * then by position on the sheet. Pure, so it is tested without React.
 */
import { parseCell } from "../core/address";
import { SEVERITY_ORDER, type Finding, type Lang, type Severity } from "../core/finding";
import { ALL_RULES } from "../core/rules";
import type { Rule, RuleCategory } from "../core/rules/rule";

/** The sections of the finding list, in the order they are shown. */
export const CATEGORY_ORDER: readonly RuleCategory[] = ["amount", "value", "taxonomy", "structure"];

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleOf(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

/**
 * The section a finding goes in. Ids that are not in ALL_RULES (the reader's own findings, such as
 * "structure/no-goal-table") go by their prefix when it names a category, else under 结构.
 */
export function categoryOf(ruleId: string): RuleCategory {
  const rule = RULES_BY_ID.get(ruleId);
  if (rule) return rule.category;
  const prefix = ruleId.split("/")[0] as RuleCategory;
  return CATEGORY_ORDER.includes(prefix) ? prefix : "structure";
}

/** The rule's short title in `lang`, or undefined for an id outside ALL_RULES. */
export function ruleTitle(ruleId: string, lang: Lang): string | undefined {
  return RULES_BY_ID.get(ruleId)?.title[lang];
}

function position(cell: string): [number, number] {
  try {
    const p = parseCell(cell);
    return [p.row, p.col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  }
}

/** Errors first, then warnings, then notes; within a severity top to bottom, then left to right. Stable. */
export function bySeverityThenPosition(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, s: SEVERITY_ORDER[f.severity], p: position(f.cell) }))
    .sort((a, b) => a.s - b.s || a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.f);
}

export interface FindingGroup {
  category: RuleCategory;
  findings: Finding[];
}

/** The non-empty sections, in CATEGORY_ORDER, each sorted by severity then position. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    findings: bySeverityThenPosition(findings.filter((f) => categoryOf(f.rule) === category)),
  })).filter((g) => g.findings.length > 0);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A stable key for a finding in a list (rule, cell, and the message, since one rule may flag a cell twice). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}|${f.message.en}`;
}
