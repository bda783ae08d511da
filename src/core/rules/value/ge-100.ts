import type { Rule } from "../rule";
import { valueRows, isPlaceholder } from "./rows";
import { reportOnce, type OnceItem } from "./once";

export const valueGe100: Rule = {
  id: "value/ge-100",
  severity: "info",
  category: "value",
  title: { zh: "“≥100%”可改为“＝100%”", en: "'≥100%' can read '=100%'" },
  docs: {
    description: {
      zh: "比率不超过100%，“≥100%”只有恰好100%才能满足，本意是“＝100%”。已公开的表格中常见这种写法，审核时并不退回，因此每张表只提示一次，并可一次全部改正。",
      en: "A rate cannot exceed 100%, so '≥100%' is met only by exactly 100%; it means '=100%'. Published tables use it and reviewers accept it, so this is one note per table, with one fix for all.",
    },
    bad: "≥100%",
    good: "=100%",
  },
  check(table, report) {
    const items: OnceItem[] = [];
    const merged = table.indicators?.form === "merged";
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || p.operator !== "≥" || p.unit !== "%") continue;
      if (Number(p.number) !== 100 || p.problems.some((x) => x.code === "two-operators")) continue;
      const fix = merged
        ? { sheet: table.sheet, cell: v.cell.address, value: "=100%" }
        : v.row.operator
          ? { sheet: table.sheet, cell: v.row.operator.address, value: "=" }
          : undefined;
      items.push({ cell: v.cell.address, text: v.text, ...(fix ? { fix } : {}) });
    }
    reportOnce(items, report, (n, ex) => ({
      zh:
        n === 1
          ? `“${items[0].text}”可改为“=100%”：比率不会超过100%，只有恰好100%才能满足。`
          : `本表有${n}处“≥100%”（如${ex.zh}），可改为“=100%”：比率不会超过100%，只有恰好100%才能满足。`,
      en:
        n === 1
          ? `'${items[0].text}' can read '=100%': a rate cannot exceed 100%, so only exactly 100% meets it.`
          : `${n} values read '≥100%' (${ex.en}); they can read '=100%': a rate cannot exceed 100%.`,
    }));
  },
};
