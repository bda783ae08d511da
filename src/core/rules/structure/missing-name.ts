import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";
import { isBlankTable } from "../../fill-state";

export const missingName: Rule = {
  id: "structure/missing-name",
  severity: "error",
  blocking: true, // a required field of the platform
  category: "structure",
  title: { zh: "缺少部门（单位）或项目名称", en: "Missing department or project name" },
  docs: {
    description: {
      zh: "部门整体支出表须填写“部门（单位）名称”，项目支出表须填写“项目名称”，否则无法确定表格归属。",
      en: "A department table needs its 部门（单位）名称 and a project table its 项目名称; without it the table belongs to no one.",
    },
    bad: "部门（单位）名称 | (空)",
    good: "部门（单位）名称 | 中共乌尔禾区委组织部",
  },
  check(table, report) {
    const what =
      table.kind === "department"
        ? { zh: "部门（单位）名称", en: "department name" }
        : { zh: "项目名称", en: "project name" };
    if (!table.name) {
      report({
        cell: tableAnchor(table),
        message: { zh: `没有找到“${what.zh}”一栏。`, en: `No ${what.en} row (${what.zh}) was found.` },
      });
      return;
    }
    // A fresh template (nothing typed in yet) has its name still to be filled: not an error yet.
    if ((!table.name.value || table.name.value.text === "") && !isBlankTable(table)) {
      report({
        cell: table.name.value?.address ?? table.name.label.address,
        related: [table.name.label.address],
        message: { zh: `${what.zh}为空。`, en: `The ${what.en} is empty.` },
      });
    }
  },
};
