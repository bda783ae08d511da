import type { Rule } from "../rule";
import { findLevel2, isKnownLevel1, LEVEL1, parentOf } from "../../taxonomy";
import { labelCells, shown, unknownLabelReport } from "./labels";

const NAMES = LEVEL1.map((d) => d.name).join("、");

export const unknownLevel1: Rule = {
  id: "taxonomy/unknown-level1",
  severity: "error",
  category: "taxonomy",
  title: { zh: "一级指标名称不规范", en: "Unknown 一级 indicator" },
  docs: {
    description: {
      zh: "一级指标只能是产出指标、效益指标、满意度指标（部分模板另设成本指标）。名称不在指标体系中的，预算系统导入时无法识别。",
      en: "A 一级 (first-level) indicator is one of 产出指标, 效益指标, 满意度指标 (some templates add 成本指标). Any other name is not recognised when the table is imported into the budget system.",
    },
    bad: "产出指",
    good: "产出指标",
  },
  check(table, report) {
    for (const { cell } of labelCells(table, "level1")) {
      if (isKnownLevel1(cell.text)) continue;
      const name = shown(cell);
      const asLevel2 = findLevel2(cell.text);
      const parent = asLevel2 ? parentOf(asLevel2.key) : undefined;
      const otherwise = parent
        ? {
            zh: `“${name}”是二级指标，应写在二级指标一栏，其一级指标为“${parent.name}”。`,
            en: `${name} is a 二级 (second-level) indicator: it belongs in the 二级 column, under ${parent.name}.`,
          }
        : { zh: `一级指标应为${NAMES}之一。`, en: `A 一级 indicator is one of ${NAMES}.` };
      report(unknownLabelReport(table, cell, 1, otherwise));
    }
  },
};
