import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";
import { isBlankTable } from "../../fill-state";

export const missingIndicators: Rule = {
  id: "structure/missing-indicators",
  severity: "error",
  blocking: true, // a table without indicators cannot be submitted
  category: "structure",
  title: { zh: "缺少绩效指标", en: "Missing performance indicators" },
  docs: {
    description: {
      zh: "须有绩效指标表头“一级指标 | 二级指标 | 三级指标 | 指标值”，并至少填写一个三级指标。",
      en: "The table needs the indicator header 一级指标 | 二级指标 | 三级指标 | 指标值 and at least one 三级 indicator.",
    },
    bad: "(no 一级指标/二级指标/三级指标 header)",
    good: "一级指标 | 二级指标 | 三级指标 | 指标值",
  },
  check(table, report) {
    const block = table.indicators;
    if (!block) {
      report({
        cell: tableAnchor(table),
        message: {
          zh: "没有找到绩效指标表头（一级指标、二级指标、三级指标）。",
          en: "No indicator header (一级指标, 二级指标, 三级指标) was found.",
        },
      });
      return;
    }
    if (block.columns.value === undefined)
      report({
        cell: block.header.address,
        message: {
          zh: "绩效指标缺少“指标值”（或“目标值”）一栏。",
          en: "The indicators have no value column (指标值 or 目标值).",
        },
      });
    // A fresh template (nothing typed in yet) has its indicators still to be filled: not an error yet.
    if (!block.rows.some((r) => r.name) && !isBlankTable(table))
      report({
        cell: block.header.address,
        message: {
          zh: "绩效指标下没有填写任何三级指标。",
          en: "No 三级 indicator is filled in under the indicator header.",
        },
      });
  },
};
