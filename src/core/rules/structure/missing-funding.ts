import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";

export const missingFunding: Rule = {
  id: "structure/missing-funding",
  severity: "error",
  category: "structure",
  title: { zh: "缺少资金情况", en: "Missing funding" },
  docs: {
    description: {
      zh: "项目支出表须填写资金情况：年度资金总额，以及其中的财政拨款和其他资金（或中央、市级等来源）。没有资金栏目的表（如预算系统导出的表）不在此检查。",
      en: "A project table needs its funding: 年度资金总额 (annual total) with its 财政拨款 and 其他资金 (or sources such as 中央/市级资金). A table with no money block at all (a budget-system export) is not checked here.",
    },
    bad: "资金情况（万元） | 年度资金总额 | (空)",
    good: "资金情况（万元） | 年度资金总额 | 90.00",
  },
  check(table, report) {
    if (table.kind !== "project") return;
    const f = table.funding;
    // A table that carries no amounts at all (a budget-system export) says nothing about money.
    if (!f || (!f.label && !f.total && !f.fiscal && !f.other && !f.carryover && !f.sources?.length)) return;
    if (!f.total) {
      report({
        cell: f.label?.address ?? tableAnchor(table),
        message: { zh: "没有找到“年度资金总额”。", en: "No annual total (年度资金总额) was found." },
      });
      return;
    }
    if (!f.total.value || f.total.value.text === "")
      report({
        cell: f.total.value?.address ?? f.total.label.address,
        related: [f.total.label.address],
        message: { zh: "年度资金总额为空。", en: "The annual total (年度资金总额) is empty." },
      });
  },
};
