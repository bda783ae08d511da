import type { Rule } from "../rule";
import { normLabel } from "../../text";
import { valueRows } from "./rows";
import { reportOnce, type OnceItem } from "./once";

export const valueReverseEqual: Rule = {
  id: "value/reverse-equal",
  severity: "info",
  category: "value",
  title: { zh: "反向指标可用“≤”", en: "A negative target can use ≤" },
  docs: {
    description: {
      zh: "反向指标（如成本）写“＝1万元”并不算错，但“≤1万元”更能表达“不超过”的本意。每张表只提示一次，不自动修改。",
      en: "A negative (反向) target written '= 1 万元' is not wrong, but '≤ 1 万元' says 'no more than', which is what it means. One note per table, no automatic fix.",
    },
    bad: "反向 | = | 1 | 万元",
    good: "反向 | ≤ | 1 | 万元",
  },
  check(table, report) {
    if (table.indicators?.form !== "split") return;
    const items: OnceItem[] = [];
    for (const v of valueRows(table)) {
      const dir = normLabel(v.row.direction?.text ?? "").replace(/指标$/, "");
      if (dir !== "反向" || v.parsed.operator !== "=" || !v.row.operator) continue;
      items.push({ cell: v.row.operator.address, text: v.text });
    }
    reportOnce(items, report, (n, ex) => ({
      zh: `本表有${n}个反向指标用了“＝”（如${ex.zh}），可考虑改为“≤”，表示不超过该值。`,
      en: `${n} negative (反向) target(s) use '=' (${ex.en}); consider '≤', meaning no more than the value.`,
    }));
  },
};
