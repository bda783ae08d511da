import type { Rule } from "../rule";
import { parseValue } from "../../value/grammar";
import { normLabel } from "../../text";

export const valueUnnamedRow: Rule = {
  id: "value/unnamed-row",
  severity: "error",
  category: "value",
  title: { zh: "有指标值却没有三级指标", en: "Value without a 三级 indicator" },
  docs: {
    description: {
      zh: "这一行填了指标值，三级指标（指标内容）却是空的，平台无法导入，审核也无从知道衡量的是什么。常见于指标值与备注连在一起（如“88100”）、名称误填到别的栏。请补填三级指标名称，并把指标值写成“≥88%”这样可读的形式。长期指标与年度指标分开列示时两者都检查。",
      en: "The row has a value but its 三级 indicator (指标内容) is empty: the platform cannot import it and a reviewer cannot tell what is measured. Often the value ran into the remark (88100) or the name went into another column. Fill in the 三级 name and write the value readably (≥88%). Long-term and annual blocks are both checked.",
    },
    bad: "质量指标 | (空) | 88100",
    good: "质量指标 | 工程验收合格率 | ≥88%",
  },
  check(table, report) {
    for (const block of [table.longTermIndicators, table.indicators]) {
      const rows = block?.rows ?? [];
      rows.forEach((row, i) => {
        if ((row.name && row.name.text !== "") || !row.value || row.value.text === "") return;
        // A row of the block: its own 二级 label, or right below the previous row (not a stray cell far below).
        if (row.level2?.row !== row.row && rows[i - 1]?.row !== row.row - 1) return;
        const p = parseValue(row.value.text);
        const unreadable = p.kind === "quantitative" && p.unit === "" && !row.unit?.text;
        const level2 = row.level2 ? normLabel(row.level2.text) : "";
        report({
          cell: row.value.address,
          related: row.level2 ? [row.level2.address] : [],
          message: {
            zh: `第${row.row + 1}行${level2 ? `（${level2}）` : ""}填了指标值“${row.value.text}”，却没有三级指标名称${unreadable ? "，指标值也无法读取（没有计量单位，可能与备注连在一起）" : ""}；请补填三级指标，并写明目标值。`,
            en: `Row ${row.row + 1}${level2 ? ` (${level2})` : ""} has the value '${row.value.text}' but no 三级 name${unreadable ? ", and the value cannot be read (no unit; it may have run into the remark)" : ""}; fill in the indicator and its target.`,
          },
        });
      });
    }
  },
};
