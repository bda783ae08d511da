import type { Rule } from "../rule";
import { normLabel } from "../../text";
import { valueRows } from "./rows";

const OPERATORS = new Set(["≥", ">", "=", "<", "≤", ">=", "<=", "定性"]);

export const valueSplitForm: Rule = {
  id: "value/split-form",
  severity: "error",
  category: "value",
  title: { zh: "分栏指标值填写不全", en: "Split value columns incomplete" },
  docs: {
    description: {
      zh: "分栏填写时，计算符号须取自“≥ ＞ ＝ ＜ ≤ 定性”；定量指标的目标值须为数字，并填写计量单位。",
      en: "In the split form the operator is one of ≥ ＞ ＝ ＜ ≤ 定性; a quantitative target must be a number and have a unit.",
    },
    bad: "计算符号 ≥ | 目标值 九十五 | 计量单位 (空)",
    good: "计算符号 ≥ | 目标值 95 | 计量单位 %",
  },
  check(table, report) {
    if (table.indicators?.form !== "split") return;
    for (const v of valueRows(table)) {
      const r = v.row;
      const op = normLabel(r.operator?.text ?? "");
      const nature = normLabel(r.nature?.text ?? "");
      const qualitative = op === "定性" || nature === "定性";
      if (r.operator && op !== "" && !OPERATORS.has(op)) {
        report({
          cell: r.operator.address,
          related: [v.cell.address],
          message: {
            zh: `计算符号“${r.operator.text}”不在“≥ ＞ ＝ ＜ ≤ 定性”之中。`,
            en: `The operator '${r.operator.text}' is not one of ≥ ＞ ＝ ＜ ≤ 定性.`,
          },
        });
      }
      // Without a 计算符号 column the sign stays in the value ("≥3500" beside 计量单位): the value grammar rules read it.
      if (qualitative || v.cell.text === "" || table.indicators.columns.operator === undefined) continue;
      if (!/^[0-9]+(\.[0-9]+)?$/.test(v.cell.text.normalize("NFKC"))) {
        report({
          cell: v.cell.address,
          message: {
            zh: `定量指标的目标值“${v.cell.text}”不是数字。`,
            en: `The quantitative target '${v.cell.text}' is not a number.`,
          },
        });
      } else if (r.unit && r.unit.text === "") {
        report({
          cell: r.unit.address,
          related: [v.cell.address],
          message: { zh: `目标值“${v.cell.text}”缺少计量单位。`, en: `The target '${v.cell.text}' has no unit.` },
        });
      }
    }
  },
};
