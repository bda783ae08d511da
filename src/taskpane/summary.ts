/**
 * The tables a check found, as the result header shows them (kind, year, name, range), and the counts by severity.
 * Pure, so it can be tested without Office or React.
 */
import type { SheetCheck } from "../core/check";
import type { Severity } from "../core/finding";
import type { TableKind } from "../core/model";

export interface TableSummary {
  kind: TableKind;
  year?: number;
  /** 部门（单位）名称 or 项目名称, as typed in the sheet. */
  name?: string;
  range: string;
}

export interface CheckSummary {
  sheet: string;
  tables: TableSummary[];
  counts: Record<Severity, number>;
  /** Why the sheet holds no goal table, when it holds none. */
  notATable?: { zh: string; en: string };
}

export function summarizeCheck(check: SheetCheck): CheckSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of check.findings) counts[f.severity]++;
  return {
    sheet: check.sheet,
    tables: check.tables.map((t) => ({
      kind: t.kind,
      year: t.year?.value,
      name: t.name?.value?.text || undefined,
      range: t.range,
    })),
    counts,
    notATable: check.tables.length === 0 ? check.notATable?.reason : undefined,
  };
}
