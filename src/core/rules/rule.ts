/**
 * A rule, as ESLint has them: metadata (id, severity, category, docs, messages) and a check over the table model.
 * Rules never touch the Office or exceljs APIs.
 */
import type { FixEdit, Message, Severity } from "../finding";
import type { GoalTable } from "../model";

export type RuleCategory = "amount" | "value" | "taxonomy" | "structure";

export interface RuleDocs {
  /** One paragraph: what the rule checks and why. */
  description: Message;
  /** A bad and a good example, as a user would type them. */
  bad?: string;
  good?: string;
}

export interface Report {
  cell: string;
  related?: string[];
  message: Message;
  fix?: FixEdit[];
}

/** What the catalogue shows of a rule. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** Short title, zh and en. */
  title: Message;
  docs: RuleDocs;
  /**
   * The budget platform refuses a table with this fault (强制性): its findings cannot be accepted (接受) in the
   * pane, and an acceptance stored for one is ignored (src/core/acceptance.ts).
   */
  blocking?: boolean;
}

/** A rule over one table. */
export interface Rule extends RuleMeta {
  check(table: GoalTable, report: (r: Report) => void): void;
}
