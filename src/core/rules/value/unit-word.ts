import type { Rule } from "../rule";
import { valueRows, isPlaceholder, problem } from "./rows";
import { reportOnce, type OnceItem } from "./once";

export const valueUnitWord: Rule = {
  id: "value/unit-word",
  severity: "info",
  category: "value",
  title: { zh: "计量单位“百分比”请写作“%”", en: "Write the unit 百分比 as %" },
  docs: {
    description: {
      zh: "计量单位写成“百分比”“百分率”可以读懂，但平台和审核习惯写作“%”。每张表只提示一次，并可一次全部改正。",
      en: "A unit written as the word 百分比 (or 百分率) is readable, but the platform and reviewers write %. One note per table, with one fix for all.",
    },
    bad: "≥100百分比",
    good: "=100%",
  },
  check(table, report) {
    const items: OnceItem[] = [];
    for (const v of valueRows(table)) {
      const w = problem(v, "unit-word");
      if (!w || isPlaceholder(v)) continue;
      if (table.indicators?.form === "split" && v.row.unit) {
        items.push({
          cell: v.row.unit.address,
          text: w.text,
          fix: { sheet: table.sheet, cell: v.row.unit.address, value: "%" },
        });
      } else {
        const fixed = v.cell.text.trim().replace(w.text, "%");
        items.push({
          cell: v.cell.address,
          text: v.cell.text.trim(),
          fix: { sheet: table.sheet, cell: v.cell.address, value: fixed },
        });
      }
    }
    reportOnce(items, report, (n, ex) => ({
      zh: `计量单位“百分比”请写作“%”（本表${n}处，如${ex.zh}）。`,
      en: `Write the unit 百分比 as % (${n} in this table: ${ex.en}).`,
    }));
  },
};
