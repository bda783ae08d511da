import type { Rule } from "../rule";
import { normLabel } from "../../text";
import type { CellRef } from "../../model";

export const repeatedTask: Rule = {
  id: "structure/repeated-task",
  severity: "info",
  category: "structure",
  title: { zh: "年度主要任务重复", en: "Task row repeated" },
  docs: {
    description: {
      zh: "年度主要任务中有两行的任务名称和主要内容完全相同，通常是复制时多粘贴了一行，金额也会被重复计入合计。请删除重复的一行，或写明两项任务的区别。",
      en: "Two rows of 年度主要任务 have the same task name and content, usually a row pasted twice; its amounts are then counted twice in the 合计. Delete the copy, or say how the two tasks differ.",
    },
    bad: "保障运转 | 支付工资 | 100 … 保障运转 | 支付工资 | 100",
    good: "保障运转 | 支付工资 | 100 … 党建工作 | 开展培训 | 20",
  },
  check(table, report) {
    const seen = new Map<string, CellRef>();
    for (const row of table.tasks?.rows ?? []) {
      if (!row.name || row.name.text === "") continue;
      const key = `${normLabel(row.name.text)}|${normLabel(row.content?.text ?? "")}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, row.name);
        continue;
      }
      report({
        cell: row.name.address,
        related: [earlier.address],
        message: {
          zh: `任务“${row.name.text}”与第${earlier.row + 1}行的任务重复（${earlier.address}），请删除重复的一行或写明区别。`,
          en: `The task "${row.name.text}" repeats the one on row ${earlier.row + 1} (${earlier.address}); delete the copy or say how they differ.`,
        },
      });
    }
  },
};
