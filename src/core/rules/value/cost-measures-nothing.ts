import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

/** Phrases that restate the rules instead of a cost: 符合相关规定, 参照政府采购成本控制, 控制在预算内, 不超预算. */
const BOILERPLATE =
  /符合|参照|依照|按照|遵照|相关规定|有关规定|规定标准|预算内|预算以内|不超预算|不超过预算|严格控制|合理控制|成本控制$/;

export const valueCostMeasuresNothing: Rule = {
  id: "value/cost-measures-nothing",
  severity: "info",
  category: "value",
  title: { zh: "成本指标没有可衡量的目标", en: "Cost indicator that measures nothing" },
  docs: {
    description: {
      zh: "成本指标应写出金额上限（如“≤28.40元/株”“≤3万元”）。“符合相关规定”“参照政府采购成本控制”“控制在预算内”这类表述只是重复制度要求，无法据以评价，审核时会要求改为具体金额。",
      en: "A cost indicator should state a ceiling in money (≤28.40元/株, ≤3万元). Phrases such as 符合相关规定, 参照政府采购成本控制 or 控制在预算内 only restate the rules and cannot be evaluated; reviewers ask for an amount.",
    },
    bad: "建设项目成本 | 参照政府采购成本控制",
    good: "建设项目成本 | ≤10000万元",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (!v.isCost || isPlaceholder(v) || v.parsed.kind !== "qualitative") continue;
      if (!BOILERPLATE.test(v.text.replace(/\s+/g, ""))) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `成本指标“${v.row.name!.text}”的指标值“${v.text}”没有可衡量的目标，请填写金额上限（如“≤3万元”“≤28.40元/株”）。`,
          en: `The cost indicator '${v.row.name!.text}' has the value '${v.text}', which measures nothing; give a ceiling in money (≤3万元, ≤28.40元/株).`,
        },
      });
    }
  },
};
