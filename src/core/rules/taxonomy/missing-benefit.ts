import type { Rule } from "../rule";
import { checkLevel1 } from "./required-level1";

export const missingBenefit: Rule = {
  id: "taxonomy/missing-benefit",
  severity: "error",
  blocking: true, // the platform blocks a table with no 效益指标
  category: "taxonomy",
  title: { zh: "缺少效益指标", en: "No benefit indicator" },
  docs: {
    description: {
      zh: "绩效指标须在效益指标下至少填写一个三级指标，否则预算系统不予通过。",
      en: "The indicators need at least one 三级 indicator under 效益指标 (benefit); the budget system blocks a table without one.",
    },
    bad: "效益指标 | 社会效益指标 | (空)",
    good: "效益指标 | 社会效益指标 | 教师业务能力 | 有效提升",
  },
  check(table, report) {
    checkLevel1("benefit", table, report);
  },
};
