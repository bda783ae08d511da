import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";
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
      zh: "部门整体支出表须列出年度主要任务，表头包括“任务名称”“主要内容”和预算金额的“总额”“财政拨款”“其他资金”三栏，并至少有一项任务。",
      en: "A department table lists its annual tasks under the headers 任务名称, 主要内容 and the budget columns 总额, 财政拨款, 其他资金, with at least one task.",
    },
    bad: "任务名称 | 主要内容 | 预算金额 (no 总额/财政拨款/其他资金)",
    good: "任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金",
  },
  check(table, report) {
    if (table.kind !== "department") return;
    const tasks = table.tasks;
    if (!tasks) {
      report({
        cell: tableAnchor(table),
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
