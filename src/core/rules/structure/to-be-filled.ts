import type { Rule } from "../rule";
import { isBlankTable, unfilledAmounts, unfilledValues } from "../../fill-state";
import { tableAnchor } from "./anchor";

export const toBeFilled: Rule = {
  id: "structure/to-be-filled",
  severity: "warning",
  category: "structure",
  title: { zh: "整块尚未填写", en: "Block still to be filled" },
  docs: {
    description: {
      zh: "预算金额或指标值整块都还没有填写，常见于新年度模板或从上年表格沿用而来的表格。此时只提示一次“待填写”，不逐格报错；一旦填写了其中任何一格，其余空格即按各自的规则检查。提交前须全部填写。",
      en: "No budget amount, or no indicator value, has been filled in yet: typical of a new year's template or a table carried over from last year. This says 'to be filled' once instead of flagging every empty cell; as soon as one cell of the block is filled, the rest are checked by their own rules. Everything must be filled in before submission.",
    },
    bad: "财政拨款 (空) | 其他资金 (空) on every task",
    good: "财政拨款 356.99 | 其他资金 0.00",
  },
  check(table, report) {
    if (isBlankTable(table)) {
      report({
        cell: table.name?.value?.address ?? tableAnchor(table),
        message: {
          zh: "这是一张尚未填写的空白表格：请填写名称、年度主要任务与金额、年度总体目标和绩效指标。",
          en: "This table has not been filled in yet: fill in the name, the tasks and amounts, the overall goal and the indicators.",
        },
      });
      return;
    }
    const amounts = unfilledAmounts(table);
    if (amounts)
      report({
        cell: amounts[0].address,
        related: amounts.slice(1).map((c) => c.address),
        message: {
          zh: `预算金额尚未填写（${amounts.length} 个单元格），提交前请填写，没有的填 0。`,
          en: `The budget amounts are still to be filled in (${amounts.length} cells); fill them in before submitting, 0 where there is none.`,
        },
      });
    const values = unfilledValues(table);
    if (values)
      report({
        cell: values[0].address,
        related: values.slice(1).map((c) => c.address),
        message: {
          zh: `指标值尚未填写（${values.length} 个指标），提交前请逐一填写目标值。`,
          en: `The indicator values are still to be filled in (${values.length} indicators); fill in every target before submitting.`,
        },
      });
  },
};
