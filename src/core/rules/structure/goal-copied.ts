import type { Rule } from "../rule";
import { isPlaceholder, realText } from "./placeholder";
import { MIN_GOAL_LENGTH } from "./short-goal";

/**
 * The words of a text without numbering, punctuation, spaces and the full-width/half-width difference. realText
 * already drops punctuation and symbols (with a fallback where Unicode property escapes do not parse, as in WPS's
 * older Chromium: no \p{…} literal may stand in the bundle); what is left to drop is white space.
 */
function words(text: string): string {
  return realText(text.normalize("NFKC")).replace(/\s+/g, "");
}

export const goalCopied: Rule = {
  id: "structure/goal-copied",
  severity: "warning",
  category: "structure",
  supersedes: ["structure/goal-no-measure", "structure/short-goal"],
  title: { zh: "目标照抄了职能概述或项目概况", en: "Goal copied from the overview" },
  docs: {
    description: {
      zh: "年度总体目标（或年度目标）与同一张表中的部门职能职责概述（部门职能概述）或项目概况逐字相同（不计标点和空格）。概述说明部门做什么、项目是什么，目标应写出本年度要达到的产出和效果；照抄概述，审核时会被退回。",
      en: "The goal (年度总体目标 or 年度目标) is word for word the table's 部门职能职责概述 (department duties) or 项目概况 (project overview), punctuation and spaces aside. The overview says what the department does or what the project is; the goal should state this year's outputs and effects. A reviewer sends a copied goal back.",
    },
    bad: "*部门职能职责概述 | 保证林业局职能实现,保障人员经费。\n*年度绩效总目标 | 保证林业局职能实现,保障人员经费。",
    good: "*年度绩效总目标 | 保障116名在职职工工资按时发放，全年完成林业新闻投稿30篇。",
  },
  check(table, report) {
    const o = table.overview;
    if (!o?.value || o.value.text === "" || isPlaceholder(o.value.text)) return;
    const source = words(o.value.text);
    if ([...source].length < MIN_GOAL_LENGTH) return;
    const label = o.label.text.replace(/[\s*＊]+/g, "");
    for (const g of table.goals) {
      if (!g.value || g.value.address === o.value.address || words(g.value.text) !== source) continue;
      const goal = g.label.text.replace(/[\s*＊]+/g, "");
      report({
        cell: g.value.address,
        related: [o.value.address, g.label.address],
        message: {
          zh: `“${goal}”与“${label}”（${o.value.address}）逐字相同：目标应写出本年度要达到的产出和效果，不能照抄${o.kind === "project" ? "项目概况" : "职能概述"}。`,
          en: `The goal (${goal}) is word for word the ${o.kind === "project" ? "project overview" : "duties overview"} (${label}, ${o.value.address}): state this year's outputs and effects instead of copying it.`,
        },
      });
    }
  },
};
