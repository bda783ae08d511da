import type { Rule } from "../rule";
import { isBlankTable } from "../../fill-state";

const COLUMNS = [
  ["total", "总额"],
  ["fiscal", "财政拨款"],
  ["other", "其他资金"],
] as const;

export const missingTasks: Rule = {
  id: "structure/missing-tasks",
  severity: "error",
  category: "structure",
  title: { zh: "年度主要任务不完整", en: "Incomplete annual tasks" },
  docs: {
    description: {
      zh: "部门整体支出表的年度主要任务须有表头“任务名称”“主要内容”和预算金额的“总额”“财政拨款”“其他资金”三栏，并至少有一项任务。以年度履职目标、收入/支出构成或年度预算申请列示资金的表，或没有资金栏目的表（如预算系统导出的表），不要求年度主要任务。",
      en: "A department table's annual tasks have the headers 任务名称, 主要内容 and the budget columns 总额, 财政拨款, 其他资金, with at least one task. Tables that give their money as 年度履职目标, 收入/支出构成 or 年度预算申请, or carry no amounts at all (a budget-system export), need no task block.",
    },
    bad: "任务名称 | 主要内容 | 预算金额 (no 总额/财政拨款/其他资金)",
    good: "任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金",
  },
  check(table, report) {
    if (table.kind !== "department") return;
    const tasks = table.tasks;
    if (!tasks) {
      // Only a 年度主要任务 label without its 任务名称 header is a broken task block; a table with another money block
      // (履职目标, 收入/支出构成, 年度预算申请) or none has nothing to say here.
      if (!table.taskSection) return;
      report({
        cell: table.taskSection.address,
        message: {
          zh: "没有找到“年度主要任务”（任务名称一栏）。",
          en: "No annual tasks block (任务名称 header) was found.",
        },
      });
      return;
    }
    for (const [key, zh] of COLUMNS) {
      if (tasks.columns[key] === undefined)
        report({
          cell: tasks.header.address,
          message: { zh: `年度主要任务缺少“${zh}”一栏。`, en: `The annual tasks have no ${zh} column.` },
        });
    }
    // A fresh template (nothing typed in yet) has its tasks still to be filled: not an error yet.
    if (tasks.rows.length === 0 && !isBlankTable(table))
      report({
        cell: tasks.header.address,
        message: { zh: "年度主要任务下没有任务。", en: "No task is listed under the annual tasks." },
      });
  },
};
