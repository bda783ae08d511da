import type { CellRef } from "../../model";
import { normLabel } from "../../text";
import type { Rule } from "../rule";
import { shown } from "./labels";

export const emptyLevel2: Rule = {
  id: "taxonomy/empty-level2",
  severity: "info",
  category: "taxonomy",
  title: { zh: "二级指标下没有三级指标", en: "二级 indicator without 三级 indicators" },
  docs: {
    description: {
      zh: "二级指标下没有填写三级指标。并非每个二级指标都必须使用，这种空行很常见，可以保留，也可以删除。",
      en: "A 二级 (second-level) indicator has no 三级 indicator under it. Not every 二级 has to be used; such empty rows are common and may stay or be removed.",
    },
    bad: "效益指标 | 生态效益指标 | (空) | (空)",
    good: "效益指标 | 生态效益指标 | 绿化面积 | ≥100平方米   (或删除该行)",
  },
  check(table, report) {
    // A group: consecutive rows under the same 一级 and 二级 text (a merged label, or one repeated row by row).
    let group: { key: string; cell: CellRef; named: boolean } | undefined;
    const close = () => {
      if (group && !group.named) {
        const name = shown(group.cell);
        report({
          cell: group.cell.address,
          message: {
            zh: `二级指标“${name}”下没有三级指标。可以留空，也可以删除这一行。`,
            en: `No 三级 indicator is filled in under the 二级 indicator ${name}. That is acceptable: leave it empty or remove the row.`,
          },
        });
      }
      group = undefined;
    };
    for (const row of table.indicators?.rows ?? []) {
      if (!row.level2 || row.level2.text === "") {
        close();
        continue;
      }
      const key = `${normLabel(row.level1?.text ?? "")}|${normLabel(row.level2.text)}`;
      if (!group || group.key !== key) {
        close();
        group = { key, cell: row.level2, named: false };
      }
      if (row.name) group.named = true;
    }
    close();
  },
};
