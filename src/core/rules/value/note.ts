import type { Rule } from "../rule";
import { valueRows, related, problem, isPlaceholder } from "./rows";

export const valueNote: Rule = {
  id: "value/note",
  severity: "warning",
  category: "value",
  title: { zh: "指标值中含有备注说明", en: "Value mixed with a note" },
  docs: {
    description: {
      zh: "指标值后附括号说明（如“100%（历史标准）”），平台无法识别。标准来源等说明请写入备注。",
      en: "A value followed by a bracketed note (100%(历史标准)) cannot be read by the platform. Put the standard's source in the remarks.",
    },
    bad: "100%（历史标准）",
    good: "=100%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = problem(v, "note");
      if (!p || isPlaceholder(v)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”中含有备注说明“${p.text}”，请将说明移入备注栏，指标值只填目标。`,
          en: `The value '${v.text}' carries the note '${p.text}'; move it to the remarks.`,
        },
      });
    }
  },
};
