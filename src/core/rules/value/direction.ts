import type { Rule } from "../rule";
import { normLabel } from "../../text";
import { isPositive } from "../../value/grammar";
import { valueRows } from "./rows";

export const valueDirection: Rule = {
  id: "value/direction",
  severity: "warning",
  category: "value",
  title: { zh: "指标方向与计算符号矛盾", en: "Direction contradicts the operator" },
  docs: {
    description: {
      zh: "“≥ ＞ ＝”是正向指标（越大越好），“≤ ＜”是反向指标（如成本、时长）。指标方向与计算符号应一致。",
      en: "≥ ＞ ＝ are positive targets (more is better), ≤ ＜ negative ones (costs, durations). 指标方向 should agree with the operator.",
    },
    bad: "指标方向 正向 | 计算符号 ≤",
    good: "指标方向 反向 | 计算符号 ≤",
  },
  check(table, report) {
    if (table.indicators?.form !== "split") return;
    for (const v of valueRows(table)) {
      const dir = normLabel(v.row.direction?.text ?? "");
      const op = v.parsed.operator;
      if (!op || !v.row.direction || (dir !== "正向" && dir !== "反向")) continue;
      const expected = isPositive(op) ? "正向" : "反向";
      if (dir === expected) continue;
      report({
        cell: v.row.direction.address,
        related: v.row.operator ? [v.row.operator.address] : [],
        message: {
          zh: `指标方向为“${dir}”，计算符号却是“${op}”，应为“${expected}”。`,
          en: `The direction says ${dir} but the operator is '${op}'; it should be ${expected}.`,
        },
        fix: [{ sheet: table.sheet, cell: v.row.direction.address, value: expected }],
      });
    }
  },
};
