import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";

export const missingTitle: Rule = {
  id: "structure/missing-title",
  severity: "warning",
  category: "structure",
  title: { zh: "缺少表格标题", en: "Missing title" },
  docs: {
    description: {
      zh: "表格应以“部门（单位）整体支出绩效目标表”或“项目支出绩效目标表”为标题，审核人员据此判断表格类型。",
      en: "The table should start with its title (部门（单位）整体支出绩效目标表 or 项目支出绩效目标表); reviewers tell the kind of table by it.",
    },
    bad: "(no title row)",
    good: "部门（单位）整体支出绩效目标表",
  },
  check(table, report) {
    if (table.title) return;
    report({
      cell: tableAnchor(table),
      message: { zh: "没有找到表格标题（…绩效目标表）。", en: "No table title (…绩效目标表) was found." },
    });
  },
};
