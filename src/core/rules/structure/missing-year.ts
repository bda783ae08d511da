import type { Rule } from "../rule";
import { tableAnchor } from "./anchor";

export const missingYear: Rule = {
  id: "structure/missing-year",
  severity: "info",
  category: "structure",
  title: { zh: "缺少预算年度", en: "Missing budget year" },
  docs: {
    description: {
      zh: "标题下宜注明预算年度，如“（2021 年）”。年度是预算年度，不是填表年度。没有官方要求表上必须印有年度：平台导出的表和随文下达的附表常不注明年度（年度见于系统或文件），审核时并不退回，因此只作提示。",
      en: "The title should be followed by the budget year, e.g. （2021 年）; it is the budget year, not the year the form is filled in. No official rule requires the year on the form: platform exports and tables attached to a notice often leave it out (the system or the notice carries it) and reviewers accept them, so this is advice only.",
    },
    bad: "（  年）",
    good: "（2021 年）",
  },
  check(table, report) {
    if (table.year) return;
    report({
      cell: tableAnchor(table),
      message: {
        zh: "表中没有注明预算年度；如模板留有“（  年）”一栏，请填写，如“（2021 年）”。",
        en: "The table states no budget year; if the template has a （  年） slot, fill it in, e.g. （2021 年）.",
      },
    });
  },
};
