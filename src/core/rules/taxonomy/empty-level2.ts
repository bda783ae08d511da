import type { Rule } from "../rule";
import { shown } from "./labels";
import { isUnfinishedGroup, level2Groups } from "./unfinished-row";

export const emptyLevel2: Rule = {
  id: "taxonomy/empty-level2",
  severity: "info",
  category: "taxonomy",
  title: { zh: "二级指标下没有三级指标", en: "二级 indicator without 三级 indicators" },
  docs: {
    description: {
      zh: "二级指标下没有填写三级指标。并非每个二级指标都必须使用，这种空行很常见，可以保留，也可以删除。表格其余部分已填写、而产出指标下的数量、质量或时效指标留空时，改由“指标行未填写完整”提示（警告）。",
      en: "A 二级 (second-level) indicator has no 三级 indicator under it. Not every 二级 has to be used; such empty rows are common and may stay or be removed. A 数量/质量/时效 under 产出指标 left empty in an otherwise filled table is taxonomy/unfinished-row's warning instead.",
    },
    bad: "效益指标 | 生态效益指标 | (空) | (空)",
    good: "效益指标 | 生态效益指标 | 绿化面积 | ≥100平方米   (或删除该行)",
  },
  check(table, report) {
    for (const g of level2Groups(table)) {
      if (g.rows.some((r) => r.name)) continue;
      // A 数量/质量/时效 left empty in an otherwise filled table: taxonomy/unfinished-row's warning.
      if (isUnfinishedGroup(table, g)) continue;
      const name = shown(g.cell);
      report({
        cell: g.cell.address,
        message: {
          zh: `二级指标“${name}”下没有三级指标。可以留空，也可以删除这一行。`,
          en: `No 三级 indicator is filled in under the 二级 indicator ${name}. That is acceptable: leave it empty or remove the row.`,
        },
      });
    }
  },
};
