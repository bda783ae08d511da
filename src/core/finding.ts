/** A finding: something a rule (or the reader) has to say about one cell. */
export type Severity = "error" | "warning" | "info";

export interface Message {
  zh: string;
  en: string;
}

export type Lang = keyof Message;

/**
 * A change that fixes a finding: the cell gets this value or this formula. A value is a literal: text that starts
 * with "=" (such as "=100%") is written as text, never as a formula; only `formula` makes a formula.
 */
export interface FixEdit {
  sheet: string;
  cell: string;
  value?: string | number;
  formula?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** The one A1 address the finding is about. */
  cell: string;
  /** Other cells involved. */
  related: string[];
  message: Message;
  fix?: FixEdit[];
  /** Rules whose findings on the same cell were folded into this one (one cell, one finding). */
  folded?: string[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
