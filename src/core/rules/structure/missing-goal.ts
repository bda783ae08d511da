import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";
import { isBlankTable } from "../../fill-state";

export const missingGoal: Rule = {
  id: "structure/missing-goal",
  severity: "error",
  category: "structure",
  title: { zh: "缺少年度总体目标", en: "Missing overall goal" },
  docs: {
    description: {
      zh: "须填写年度总体目标（项目表为“年度目标”，可另有“中期目标”），概括本年度要达到的产出和效果。",
      en: "The table needs its annual overall goal (年度总体目标; 年度目标, with an optional 中期目标, in project tables) summing up the year's outputs and effects.",
    },
    bad: "年度总体目标 | (空)",
    good: "年度总体目标 | 目标1：保障机构正常运转；目标2：……",
  },
  check(table, report) {
    const main = table.goals.filter((g) => g.kind !== "mid-term");
    if (main.length === 0) {
      report({
        cell: tableAnchor(table),
        message: {
          zh: table.kind === "department" ? "没有找到“年度总体目标”。" : "没有找到“年度目标”。",
          en:
            table.kind === "department"
              ? "No overall goal (年度总体目标) was found."
              : "No annual goal (年度目标) was found.",
        },
      });
      return;
    }
    // A fresh template (nothing typed in yet) has its goals still to be filled: not an error yet.
    if (isBlankTable(table)) return;
    for (const g of table.goals) {
      if (g.value && g.value.text !== "") continue;
      report({
        cell: g.value?.address ?? g.label.address,
        related: [g.label.address],
        message: {
          zh: `“${g.label.text.replace(/\s+/g, "")}”为空。`,
          en: `The goal (${g.label.text.replace(/\s+/g, "")}) is empty.`,
        },
      });
    }
  },
};
