import Decimal from "decimal.js";
import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder, isRateName } from "./rows";

export const valueRateOver100: Rule = {
  id: "value/rate-over-100",
  severity: "error",
  category: "value",
  title: { zh: "比率超过100%", en: "Rate above 100%" },
  docs: {
    description: {
      zh: "合格率、完成率、及时率、满意度等比率不可能超过100%；“＞100%”同样无法实现。增长率等不受此限。",
      en: "A pass rate, completion rate, timeliness or satisfaction cannot exceed 100%, and '>100%' can never be met. Growth rates are not rates of this kind.",
    },
    bad: "292%",
    good: "≥95%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || p.unit !== "%" || !p.number) continue;
      const kind = v.level2?.valueKind;
      const isRate = kind === "rate" || kind === "time" || kind === "satisfaction" || isRateName(v.name);
      if (!isRate || /增长|增幅|提高|提升|比上年|同比|环比/.test(v.name)) continue;
      const n = new Decimal(p.number);
      const over = n.gt(100) || (n.eq(100) && p.operator === ">");
      if (!over) continue;
      // "192%" is most often a slipped key: "≥92%".
      const guess = /^[12]([5-9][0-9](?:\.[0-9]+)?)$/.exec(p.number)?.[1];
      const op = p.operator && p.operator !== "=" ? (p.operator === ">" ? "＞" : p.operator) : "≥";
      const ask = guess
        ? { zh: `是否应为“${op}${guess}%”？`, en: ` Did you mean '${op}${guess}%'?` }
        : { zh: "", en: "" };
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `“${v.row.name!.text}”是比率，指标值“${v.text}”超过100%，无法实现。${ask.zh}`,
          en: `'${v.row.name!.text}' is a rate; '${v.text}' exceeds 100% and cannot be met.${ask.en}`,
        },
      });
    }
  },
};
