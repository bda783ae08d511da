import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

/** Words that make a name something a percentage can measure: a rate, a share, a level, a change. */
const RATE_WORDS =
  /率|度|性|比例|比重|占比|百分|覆盖|增长|增幅|增加|提高|提升|下降|降低|减少|节约|指数|水平|程度|份额|合格|达标|完成|知晓|满意/;

export const valuePercentNotRate: Rule = {
  id: "value/percent-not-rate",
  severity: "info",
  category: "value",
  title: { zh: "指标名称不是比率却以%计", en: "Percentage on an aim that is not a rate" },
  docs: {
    description: {
      zh: "效益或质量指标的名称是一项目标或工作（如“维护社会稳定”“保护生态环境卫生”“保障村社区正常运转”），并不是比率，却填了“≥95%”，这个百分比无从计算。请改为可计算的比率名称（如“群众安全感满意率”），或改用定性表述（如“有效维护”）。仅作提示。",
      en: "The benefit or quality indicator names an aim or an activity (维护社会稳定, 保护生态环境卫生, 保障村社区正常运转), not a rate, yet its value is ≥95%: the percentage cannot be computed. Rename it as a rate that can be measured, or use a qualitative value (有效维护). Advice only.",
    },
    bad: "维护社会稳定 | ≥95%",
    good: "维护社会稳定 | 有效维护",
  },
  check(table, report) {
    // One finding per row: each row is its own fault, to be renamed or rewritten on its own.
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || p.unit !== "%") continue;
      // Benefit aims (维护社会稳定) and quality ones (保障村社区正常运转): a quality % is a rate only when named so.
      const kind = v.level2?.valueKind;
      if ((kind !== "benefit" && kind !== "rate") || RATE_WORDS.test(v.name)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `“${v.row.name!.text}”不是比率，指标值“${v.text}”的百分比无从计算；请改为可计算的比率名称，或改用定性表述。`,
          en: `'${v.row.name!.text}' is not a rate, so the percentage '${v.text}' cannot be computed; name a measurable rate, or use a qualitative value.`,
        },
      });
    }
  },
};
