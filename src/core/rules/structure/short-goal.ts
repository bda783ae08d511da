import type { Rule } from "../rule";
import { isPlaceholder, realText } from "./placeholder";

/** Fewer characters than this (numbering and punctuation aside) cannot state a year's goal. */
export const MIN_GOAL_LENGTH = 5;

export const shortGoal: Rule = {
  id: "structure/short-goal",
  severity: "warning",
  category: "structure",
  title: { zh: "总体目标过于简略", en: "Goal too short" },
  docs: {
    description: {
      zh: `年度总体目标应概括本年度的主要产出和效果；不足${MIN_GOAL_LENGTH}个字（不计编号和标点）的目标过于简略，审核时会被质疑。`,
      en: `The overall goal should sum up the year's main outputs and effects; a goal of fewer than ${MIN_GOAL_LENGTH} characters (numbering and punctuation aside) is too brief and a reviewer will query it.`,
    },
    bad: "年度总体目标 | 保障运转",
    good: "年度总体目标 | 保障机构正常运转，完成教师培训5个班次。",
  },
  check(table, report) {
    for (const g of table.goals) {
      // Mid-term goals are often 无 for one-year projects; placeholders are placeholder-goal's.
      if (g.kind === "mid-term" || !g.value || g.value.text === "" || isPlaceholder(g.value.text)) continue;
      const length = [...realText(g.value.text)].length;
      if (length >= MIN_GOAL_LENGTH) continue;
      const label = g.label.text.replace(/\s+/g, "");
      report({
        cell: g.value.address,
        related: [g.label.address],
        message: {
          zh: `“${label}”只有${length}个字（“${g.value.text}”），过于简略；请写明本年度要达到的主要产出和效果。`,
          en: `The goal (${label}) has only ${length} characters ("${g.value.text}"); state the main outputs and effects the year is to achieve.`,
        },
      });
    }
  },
};
