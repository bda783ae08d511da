import type { Rule } from "../rule";
import { isNotApplicable, isPlaceholder } from "./placeholder";

export const placeholderGoal: Rule = {
  id: "structure/placeholder-goal",
  severity: "error",
  category: "structure",
  title: { zh: "总体目标只有占位符", en: "Placeholder goal" },
  docs: {
    description: {
      zh: "年度总体目标（项目表的年度目标、中期目标）须写明实际内容，不能只填“-”“*”“/”“无”“……”“XX”“待定”等占位符。一年期项目的中期目标可填“无”或“/”。",
      en: "The overall goal (a project's annual and mid-term goals) must say something: a placeholder such as -, *, /, 无, ……, XX or 待定 is not a goal. A one-year project may write 无 or / for its mid-term goal.",
    },
    bad: "年度总体目标 | ……",
    good: "年度总体目标 | 目标1：保障机构正常运转；目标2：……",
  },
  check(table, report) {
    for (const g of table.goals) {
      if (!g.value || g.value.text === "" || !isPlaceholder(g.value.text)) continue;
      if (g.kind === "mid-term" && isNotApplicable(g.value.text)) continue;
      const label = g.label.text.replace(/\s+/g, "");
      report({
        cell: g.value.address,
        related: [g.label.address],
        message: {
          zh: `“${label}”只填了占位符“${g.value.text}”；请写明本年度要达到的产出和效果。`,
          en: `The goal (${label}) holds only the placeholder "${g.value.text}"; write the outputs and effects the year is to achieve.`,
        },
      });
    }
  },
};
