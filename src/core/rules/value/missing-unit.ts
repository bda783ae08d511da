import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder, serialOf, isRateName } from "./rows";

export const valueMissingUnit: Rule = {
  id: "value/missing-unit",
  severity: "error",
  category: "value",
  supersedes: ["value/split-form", "value/no-operator"],
  title: { zh: "定量指标缺少计量单位", en: "Number without a unit" },
  docs: {
    description: {
      zh: "平台要求每个定量指标都有计量单位：次、人、%、万元等。“≥85”应写作“≥85%”或“≥85人”。",
      en: "The platform requires a unit for every quantitative value: 次, 人, %, 万元… '≥85' should read '≥85%' or '≥85人'.",
    },
    bad: ">=85",
    good: "≥85%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (isPlaceholder(v) || v.parsed.kind !== "quantitative" || v.parsed.unit !== "") continue;
      if (serialOf(v) !== undefined) continue; // a date serial: value/excel-serial says it
      report({
        cell: v.cell.address,
        related: related(v),
        message:
          isRateName(v.name) || ["rate", "satisfaction"].includes(v.level2?.valueKind ?? "")
            ? {
                zh: `指标值“${v.text}”缺少计量单位，是否应为“${v.text}%”？`,
                en: `The value '${v.text}' has no unit; did you mean '${v.text}%'?`,
              }
            : {
                zh: `指标值“${v.text}”缺少计量单位（如“%”“次”“人”“万元”）。`,
                en: `The value '${v.text}' has no unit (such as %, 次, 人, 万元).`,
              },
      });
    }
  },
};
