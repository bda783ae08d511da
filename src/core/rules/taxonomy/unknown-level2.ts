import type { Rule } from "../rule";
import { findLevel1, isKnownLevel2, LEVEL2 } from "../../taxonomy";
import { labelCells, shown, unknownLabelReport } from "./labels";

export const unknownLevel2: Rule = {
  id: "taxonomy/unknown-level2",
  // A warning, not an error: accepted tables carry such names (the 2021 sample's 服务对象满意度指).
  severity: "warning",
  category: "taxonomy",
  title: { zh: "二级指标名称不规范", en: "Unknown 二级 indicator" },
  docs: {
    description: {
      zh:
        "二级指标应使用指标体系中的名称：数量指标、质量指标、时效指标、成本指标、经济效益指标、社会效益指标、生态效益指标、可持续影响指标、服务对象满意度指标。" +
        "常见同义写法（环境效益指标、社会公众或服务对象满意度指标、不带“指标”二字、分两行书写）可以接受；名称被截断或写错的，导入时可能无法识别。",
      en:
        "A 二级 (second-level) indicator should carry a taxonomy name: 数量指标, 质量指标, 时效指标, 成本指标, 经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标, 服务对象满意度指标. " +
        "Common variants (环境效益指标, 社会公众或服务对象满意度指标, no 指标 suffix, a name broken over two lines) are fine; a truncated or misspelt name may not be recognised on import.",
    },
    bad: "服务对象满意度指",
    good: "服务对象满意度指标",
  },
  check(table, report) {
    const names = LEVEL2.slice(0, 9).map((d) => d.name);
    for (const { cell } of labelCells(table, "level2")) {
      if (isKnownLevel2(cell.text)) continue;
      const name = shown(cell);
      const otherwise = findLevel1(cell.text)
        ? {
            zh: `“${name}”是一级指标，应写在一级指标一栏，二级指标另行填写。`,
            en: `${name} is a 一级 (first-level) indicator: it belongs in the 一级 column, with a 二级 indicator beside it.`,
          }
        : { zh: `二级指标应为${names.join("、")}之一。`, en: `A 二级 indicator is one of ${names.join(", ")}.` };
      report(unknownLabelReport(table, cell, 2, otherwise));
    }
  },
};
