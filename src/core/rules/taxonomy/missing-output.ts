import type { Rule } from "../rule";
import { checkLevel1 } from "./required-level1";

export const missingOutput: Rule = {
  id: "taxonomy/missing-output",
  severity: "error",
  blocking: true, // the platform blocks a table with no 产出指标
  category: "taxonomy",
  title: { zh: "缺少产出指标", en: "No output indicator" },
  docs: {
    description: {
      zh: "绩效指标须在产出指标下至少填写一个三级指标，否则预算系统不予通过。",
      en: "The indicators need at least one 三级 indicator under 产出指标 (output); the budget system blocks a table without one.",
    },
    bad: "产出指标 | 数量指标 | (空)",
    good: "产出指标 | 数量指标 | 培训班次 | ≥5次",
  },
  check(table, report) {
    checkLevel1("output", table, report);
  },
};
