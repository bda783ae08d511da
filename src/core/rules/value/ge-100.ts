import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

export const valueGe100: Rule = {
  id: "value/ge-100",
  severity: "warning",
  category: "value",
  title: { zh: "“≥100%”应写作“＝100%”", en: "'≥100%' means '=100%'" },
  docs: {
    description: {
      zh: "比率不超过100%，“≥100%”只有恰好100%才能满足，本意通常是“＝100%”。",
      en: "A rate cannot exceed 100%, so '≥100%' is met only by exactly 100%; it is usually meant as '=100%'.",
    },
    bad: "≥100%",
    good: "=100%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (
        isPlaceholder(v) ||
        p.kind !== "quantitative" ||
        p.operator !== "≥" ||
        p.unit !== "%" ||
        Number(p.number) !== 100
      )
        continue;
      if (p.problems.some((x) => x.code === "two-operators")) continue;
      const merged = table.indicators?.form === "merged";
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”只有恰好100%才能满足，应写作“=100%”。`,
          en: `The value '${v.text}' can only be met by exactly 100%; write '=100%'.`,
        },
        fix: merged
          ? [{ sheet: table.sheet, cell: v.cell.address, value: "=100%" }]
          : v.row.operator
            ? [{ sheet: table.sheet, cell: v.row.operator.address, value: "=" }]
            : undefined,
      });
    }
  },
};
