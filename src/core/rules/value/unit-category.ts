import type { Rule } from "../rule";
import { isMoneyUnit } from "../../value/grammar";
import { valueRows, related, isPlaceholder, type ValueRow } from "./rows";

const TIME_UNITS = /^(个?工作日|天|日|个?月|年|小时|分钟|周|个?季度)(内|以内)?$/;

/** What is odd about the unit for the 二级 category, or undefined when it fits. */
function mismatch(v: ValueRow): { zh: string; en: string } | undefined {
  const p = v.parsed;
  if (p.kind !== "quantitative" || p.unit === undefined || p.unit === "") return undefined;
  const unit = p.unit;
  if (v.isCost) {
    if (isMoneyUnit(unit)) return undefined;
    if (unit.startsWith("/"))
      return {
        zh: `成本指标“${v.text}”缺少货币单位，是否应为“${v.text.replace(unit, "元" + unit)}”？`,
        en: `the cost '${v.text}' has no currency (元${unit} or 万元${unit})`,
      };
    if (unit === "%") return undefined; // cost ratios (成本节约率) are common
    return {
      zh: `成本指标的指标值“${v.text}”不是金额（应为“万元”“元”或“元/亩”等）`,
      en: `the cost value '${v.text}' is not an amount of money (万元, 元, 元/亩…)`,
    };
  }
  switch (v.level2?.valueKind) {
    case "satisfaction":
      return unit === "%"
        ? undefined
        : { zh: `满意度指标值“${v.text}”应为百分比`, en: `the satisfaction value '${v.text}' should be a percentage` };
    case "rate":
      // 质量指标 are mostly rates; a count (≥3处) is seen but unusual.
      return unit === "%"
        ? undefined
        : {
            zh: `质量指标值“${v.text}”通常为百分比（如合格率）`,
            en: `the quality value '${v.text}' is usually a percentage (a pass rate)`,
          };
    case "time":
      return unit === "%" || TIME_UNITS.test(unit)
        ? undefined
        : {
            zh: `时效指标值为“${v.text}”；时效指标应填写完成时限（如“2022年12月31日前”）或比率（如“≥95%”）`,
            en: `the timeliness value '${v.text}' is neither a rate nor a date or a time limit`,
          };
    default:
      return undefined;
  }
}

export const valueUnitCategory: Rule = {
  id: "value/unit-category",
  severity: "warning",
  category: "value",
  title: { zh: "计量单位与二级指标不符", en: "Unit does not fit the 二级 category" },
  docs: {
    description: {
      zh: "成本指标应以金额计（万元、元、元/亩），满意度与质量指标通常为百分比，时效指标为比率或日期、时限。这是实际填报惯例，并无官方单位表，因此只作提示。",
      en: "Costs are amounts of money (万元, 元, 元/亩), satisfaction and quality are usually percentages, timeliness is a rate or a date or time limit. This is practice, not an official table, so it is a warning.",
    },
    bad: "成本指标 | ≤28.40/株",
    good: "成本指标 | ≤28.40元/株",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (isPlaceholder(v)) continue;
      const m = mismatch(v);
      if (!m) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: { zh: /[？。]$/.test(m.zh) ? m.zh : m.zh + "。", en: m.en[0].toUpperCase() + m.en.slice(1) + "." },
      });
    }
  },
};
