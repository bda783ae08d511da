import type { Rule } from "../rule";
import { isChildOf, LEVEL1, parentOf, resolveLevel1, resolveLevel2 } from "../../taxonomy";
import { labelCells, shown } from "./labels";

export const wrongParent: Rule = {
  id: "taxonomy/wrong-parent",
  severity: "error",
  category: "taxonomy",
  title: { zh: "二级指标放错了一级指标", en: "二级 indicator under the wrong 一级" },
  docs: {
    description: {
      zh:
        "每个二级指标属于一个一级指标：数量、质量、时效、成本指标属于产出指标；经济效益、社会效益、生态效益、可持续影响指标属于效益指标；服务对象满意度指标属于满意度指标。" +
        "成本指标放在产出指标下或单列为一级指标均可。",
      en:
        "Each 二级 indicator belongs to one 一级: 数量/质量/时效/成本指标 to 产出指标; 经济效益/社会效益/生态效益/可持续影响指标 to 效益指标; 服务对象满意度指标 to 满意度指标. " +
        "成本指标 may stand under 产出指标 or as a 一级 of its own.",
    },
    bad: "效益指标 | 质量指标 | 培训合格率",
    good: "产出指标 | 质量指标 | 培训合格率",
  },
  check(table, report) {
    for (const { cell, rows } of labelCells(table, "level2")) {
      const l2 = resolveLevel2(cell.text);
      if (!l2) continue;
      // The 一级 cells this 二级 stands under (one, unless a repeated 二级 label spans two 一级 labels).
      const seen = new Set<string>();
      for (const row of rows) {
        if (!row.level1 || seen.has(row.level1.address)) continue;
        seen.add(row.level1.address);
        const l1 = resolveLevel1(row.level1.text);
        if (!l1 || isChildOf(l2.key, l1.key)) continue;
        const right = parentOf(l2.key) ?? LEVEL1[0];
        const l2Name = shown(cell);
        const l1Name = shown(row.level1);
        report({
          cell: cell.address,
          related: [row.level1.address],
          message: {
            zh: `二级指标“${l2Name}”属于一级指标“${right.name}”，不应放在“${l1Name}”下；请移到“${right.name}”下。`,
            en: `The 二级 indicator ${l2Name} belongs under ${right.name}, not under ${l1Name}; move it under ${right.name}.`,
          },
        });
      }
    }
  },
};
