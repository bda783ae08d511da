import type { Rule } from "../rule";

export const missingTotalRow: Rule = {
  id: "structure/missing-total-row",
  severity: "warning",
  category: "structure",
  title: { zh: "缺少合计行", en: "Missing 合计 row" },
  docs: {
    description: {
      zh: "年度主要任务应有一行“合计”，汇总各任务的总额、财政拨款和其他资金；合计行可在任务之上或之下。",
      en: "The annual tasks should have a 合计 row summing the tasks' 总额, 财政拨款 and 其他资金, above or below the tasks.",
    },
    bad: "(tasks without a 合计 row)",
    good: "合计 | 1899.19 | 1899.19 | 0.00",
  },
  check(table, report) {
    const tasks = table.tasks;
    if (table.kind !== "department" || !tasks || tasks.rows.length === 0 || tasks.totalRow) return;
    report({
      cell: tasks.header.address,
      message: { zh: "年度主要任务没有“合计”行。", en: "The annual tasks have no 合计 (total) row." },
    });
  },
};
