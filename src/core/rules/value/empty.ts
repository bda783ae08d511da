import type { Rule } from "../rule";
import { valueRows, related } from "./rows";
import { unfilledValues } from "../../fill-state";

export const valueEmpty: Rule = {
  id: "value/empty",
  severity: "error",
  blocking: true, // the platform requires a value in every 三级 row
  category: "value",
  title: { zh: "指标值为空", en: "Empty indicator value" },
  docs: {
    description: {
      zh: "每个三级指标都必须填写指标值，财政部预算管理一体化系统会拒绝空值。",
      en: "Every 三级 indicator needs a value; the ministry's budget platform rejects an empty one.",
    },
    bad: "培训班次 | (空)",
    good: "培训班次 | ≥5次",
  },
  check(table, report) {
    // No value typed in yet anywhere (a new year's table): structure/to-be-filled says so once.
    if (unfilledValues(table)) return;
    for (const v of valueRows(table)) {
      if (v.parsed.kind !== "empty") continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `三级指标“${v.row.name!.text}”没有填写指标值。`,
          en: `The indicator '${v.row.name!.text}' has no value.`,
        },
      });
    }
  },
};
