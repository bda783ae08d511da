import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";

export const missingYear: Rule = {
  id: "structure/missing-year",
  severity: "warning",
  category: "structure",
  title: { zh: "缺少预算年度", en: "Missing budget year" },
  docs: {
    description: {
      zh: "标题下应注明预算年度，如“（2021 年）”。年度是预算年度，不是填表年度。",
      en: "The title should be followed by the budget year, e.g. （2021 年）. It is the budget year, not the year the form is filled in.",
    },
    bad: "（  年）",
    good: "（2021 年）",
  },
  check(table, report) {
    if (table.year) return;
    report({
      cell: tableAnchor(table),
      message: {
        zh: "没有找到预算年度，应在标题下注明，如“（2021 年）”。",
        en: "No budget year found; write it under the title, e.g. （2021 年）.",
      },
    });
  },
};
