import type { Rule } from "../rule";
import { isPlaceholder, realText } from "./placeholder";
import { MIN_GOAL_LENGTH } from "./short-goal";

/** A number (Arabic or Chinese with a measure word) or a date: something the goal can be checked against. */
const MEASURE =
  /[0-9０-９]|[一二三四五六七八九十百千万两]+\s*(?:个|项|次|人|所|家|处|座|户|期|批|条|场|%|％)|年底|年末|月底|月末/;

export const goalNoMeasure: Rule = {
  id: "structure/goal-no-measure",
  severity: "info",
  category: "structure",
  title: { zh: "总体目标没有可衡量的内容", en: "Goal with nothing measurable" },
  docs: {
    description: {
      zh: "年度总体目标通篇没有数量、比率或时间（如“完成5个班次培训”“2022年12月底前完工”），只是方向性表述，难以据以评价。建议写出主要产出的数量和完成时间。仅作提示。",
      en: "The overall goal states no number, rate or date (完成5个班次培训, 2022年12月底前完工), only a direction, so it is hard to evaluate. Consider stating the main outputs' quantities and deadlines. Advice only.",
    },
    bad: "年度总体目标 | 保证林业局职能实现，保障人员经费。",
    good: "年度总体目标 | 保障116名在职职工工资按时发放，2026年底前完成营造林320万亩。",
  },
  check(table, report) {
    for (const g of table.goals) {
      if (g.kind === "mid-term" || !g.value || g.value.text === "" || isPlaceholder(g.value.text)) continue;
      if ([...realText(g.value.text)].length < MIN_GOAL_LENGTH) continue; // structure/short-goal says it
      if (MEASURE.test(g.value.text)) continue;
      const label = g.label.text.replace(/[\s*＊]+/g, "");
      report({
        cell: g.value.address,
        related: [g.label.address],
        message: {
          zh: `“${label}”没有数量、比率或完成时间，难以据以评价；建议写出主要产出的数量和完成时间。`,
          en: `The goal (${label}) states no number, rate or deadline, so it is hard to evaluate; consider stating the main outputs' quantities and deadlines.`,
        },
      });
    }
  },
};
