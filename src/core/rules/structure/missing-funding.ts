import { formatAmount, tableDecimals } from "../../amount";
import type { Rule } from "../rule";
import { partName, sourceParts, sumOfParts } from "../amount/source-sum";
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
    if (!f.total.value || f.total.value.text === "") {
      // Sources filled in (中央补助 50.29): say the sum the total should show, in this one finding.
      const found = sourceParts(table);
      const sum = found && sumOfParts(found.parts);
      const shown = sum && !sum.isZero() ? formatAmount(sum, tableDecimals(table)) : undefined;
      const names = found?.parts.map((p) => `${partName(p.label)} ${p.value.address}`) ?? [];
      report({
        cell: f.total.value?.address ?? f.total.label.address,
        related: [f.total.label.address, ...(shown ? (found?.parts.map((p) => p.value.address) ?? []) : [])],
        message: shown
          ? {
              zh: `年度资金总额为空，按所列资金来源（${names.join(" + ")}）应为 ${shown}。`,
              en: `The annual total (年度资金总额) is empty; by its sources (${names.join(" + ")}) it should be ${shown}.`,
            }
          : { zh: "年度资金总额为空。", en: "The annual total (年度资金总额) is empty." },
      });
    }
  },
};
