import type { CellRef } from "../../model";
import { normLabel } from "../../text";
import type { Rule } from "../rule";

export const duplicateName: Rule = {
  id: "taxonomy/duplicate-name",
  severity: "error",
  category: "taxonomy",
  title: { zh: "三级指标重名", en: "Duplicate 三级 indicator" },
  docs: {
    description: {
      zh: "同一张表中三级指标名称不得重复（忽略空格和全角半角差异后比较）。重名的指标应合并，或改名以区分各自的内容。",
      en: "三级 indicator names must be unique within a table (compared ignoring spaces and full-width forms). Merge duplicates or rename them to say what each measures.",
    },
    bad: "培训合格率 | =100%  …  培训合格率 | ≥95%",
    good: "党员培训合格率 | =100%  …  干部培训合格率 | ≥95%",
  },
  check(table, report) {
    const first = new Map<string, CellRef>();
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name) continue;
      const key = normLabel(row.name.text);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, row.name);
        continue;
      }
      report({
        cell: row.name.address,
        related: [earlier.address],
        message: {
          zh: `三级指标“${row.name.text}”与第${earlier.row + 1}行三级指标重名（${earlier.address}），请合并或改名加以区分。`,
          en: `The 三级 indicator "${row.name.text}" repeats the one on row ${earlier.row + 1} (${earlier.address}); merge the two or rename one.`,
        },
      });
    }
  },
};
