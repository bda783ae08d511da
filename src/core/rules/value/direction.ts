import type { Rule } from "../rule";
import { normLabel } from "../../text";
import { valueRows } from "./rows";

/** 正向/反向, also written 正向指标/反向指标. */
function directionOf(text: string): "正向" | "反向" | undefined {
  const t = normLabel(text).replace(/指标$/, "");
  return t === "正向" || t === "反向" ? t : undefined;
}

export const valueDirection: Rule = {
  id: "value/direction",
  severity: "warning",
  category: "value",
  title: { zh: "指标方向与计算符号矛盾", en: "Direction contradicts the operator" },
  docs: {
    description: {
      zh: "“≥ ＞”是正向指标（越大越好），“≤ ＜”是反向指标（如成本、时长）；“＝”两个方向都可以。正向配“≤”、反向配“≥”时，两者必有一处填错，但哪一处错只有填报人知道，因此不自动修改。",
      en: "≥ ＞ are positive targets (more is better), ≤ ＜ negative ones (costs, durations); = goes with either. 正向 with ≤ or 反向 with ≥ means one of the two is wrong, and only the author knows which, so there is no automatic fix.",
    },
    bad: "指标方向 正向 | 计算符号 ≤",
    good: "指标方向 反向 | 计算符号 ≤",
  },
  check(table, report) {
    if (table.indicators?.form !== "split") return;
    for (const v of valueRows(table)) {
      const op = v.parsed.operator;
      const dir = v.row.direction ? directionOf(v.row.direction.text) : undefined;
      if (!op || !dir || op === "=") continue;
      const positive = op === "≥" || op === ">";
      if ((dir === "正向") === positive) continue;
      const other = dir === "正向" ? "反向" : "正向";
      report({
        cell: v.row.direction!.address,
        related: v.row.operator ? [v.row.operator.address] : [],
        message: {
          zh: `指标方向为“${dir}”，计算符号却是“${op}”，两者矛盾：是方向应为“${other}”，还是符号应为“${positive ? "≤" : "≥"}”？`,
          en: `The direction says ${dir} but the operator is '${op}': should the direction be ${other}, or the operator ${positive ? "≤" : "≥"}?`,
        },
      });
    }
  },
};
