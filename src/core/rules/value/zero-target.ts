import type { Rule } from "../rule";
import { isMoneyUnit } from "../../value/grammar";
import { valueRows, related, isPlaceholder } from "./rows";

export const valueZeroTarget: Rule = {
  id: "value/zero-target",
  severity: "warning",
  category: "value",
  title: { zh: "目标值为0", en: "Target of 0" },
  docs: {
    description: {
      zh: "金额或比率的目标值为0（如“＝0万元”），要么是小数被单元格格式隐藏（0.3显示为0），要么这一项没有目标。请填写实际目标值，或删除该指标。“≤0起”这类上限为0的指标（如安全事故）不提示。",
      en: "A money or rate target of 0 (= 0 万元) is either hidden decimals (0.3 shown as 0 by the number format) or no target at all. Fill in the real target or drop the indicator. A ceiling of 0 (≤0起 for accidents) is fine.",
    },
    bad: "出差单位成本 | ＝0万元/人",
    good: "出差单位成本 | ≤0.3万元/人",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || !p.number || Number(p.number) !== 0) continue;
      if (p.operator === "≤" || p.operator === "<") continue;
      if (!(isMoneyUnit(p.unit ?? "") || p.unit === "%" || v.isCost)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `“${v.row.name!.text}”的目标值为0（“${v.text}”）：是小数被单元格格式隐藏了，还是没有目标？请填写实际目标值。`,
          en: `The target of '${v.row.name!.text}' is 0 ('${v.text}'): hidden decimals, or no target? Fill in the real target.`,
        },
      });
    }
  },
};
