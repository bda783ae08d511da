import type { LabelledField } from "../../model";
import type { Message } from "../../finding";
import type { Rule } from "../rule";
import { hasXX, isPlaceholder } from "./placeholder";

/** A template's prompt left in the cell: "（单位名称）", "请填写项目名称". */
const PROMPT = /^[(（]?(部门|单位|项目|主管部门|实施单位)(\(单位\)|（单位）)?名称[)）]?$|^请(填写|输入)/;

export const placeholderName: Rule = {
  id: "structure/placeholder-name",
  severity: "error",
  category: "structure",
  title: { zh: "名称仍为模板占位内容", en: "Name still a template placeholder" },
  docs: {
    description: {
      zh: "部门（单位）名称、项目名称、主管部门和实施单位须填写实际名称，不能留下“XX单位”“*”“-”等模板占位符。",
      en: "The department name, project name, 主管部门 and 实施单位 must be real names, not template placeholders such as XX单位, * or -.",
    },
    bad: "部门（单位）名称 | XX单位",
    good: "部门（单位）名称 | 中共乌尔禾区委组织部",
  },
  check(table, report) {
    const fields: [LabelledField | undefined, Message][] = [
      [
        table.name,
        table.kind === "department"
          ? { zh: "部门（单位）名称", en: "department name" }
          : { zh: "项目名称", en: "project name" },
      ],
      [table.project?.department, { zh: "主管部门", en: "supervising department (主管部门)" }],
      [table.project?.implementer, { zh: "实施单位", en: "implementing unit (实施单位)" }],
    ];
    for (const [field, what] of fields) {
      const v = field?.value;
      if (!field || !v || v.text === "") continue;
      const text = v.text;
      if (!isPlaceholder(text) && !hasXX(text) && !PROMPT.test(text.normalize("NFKC").replace(/\s+/g, ""))) continue;
      report({
        cell: v.address,
        related: [field.label.address],
        message: {
          zh: `${what.zh}“${text}”是模板占位符；请填写实际的${what.zh}。`,
          en: `The ${what.en} "${text}" is a template placeholder; fill in the real ${what.en}.`,
        },
      });
    }
  },
};
