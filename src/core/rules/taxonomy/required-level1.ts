import type { GoalTable } from "../../model";
import type { Report } from "../rule";
import { LEVEL1, resolveLevel1, type Level1Key } from "../../taxonomy";
import { rowLevel1 } from "./labels";

/**
 * The check behind missing-output and missing-benefit: the ministry's platform blocks a table with no 三级 under
 * 产出指标 or none under 效益指标. A table without any 三级 is left to structure/missing-indicators.
 */
export function checkLevel1(key: Level1Key, table: GoalTable, report: (r: Report) => void): void {
  const block = table.indicators;
  if (!block || !block.rows.some((r) => r.name)) return;
  if (block.rows.some((r) => r.name && rowLevel1(r)?.key === key)) return;
  const name = LEVEL1.find((d) => d.key === key)!.name;
  const label = block.rows.find((r) => r.level1 && resolveLevel1(r.level1.text)?.key === key)?.level1;
  report({
    cell: label?.address ?? block.header.address,
    message: label
      ? {
          zh: `“${name}”下没有填写任何三级指标；预算系统不接受没有${name}的绩效目标，请至少填写一项。`,
          en: `No 三级 indicator is filled in under ${name}; the budget system rejects a table without one. Add at least one.`,
        }
      : {
          zh: `绩效指标中没有“${name}”；预算系统不接受没有${name}的绩效目标，请至少填写一项。`,
          en: `The indicators have no ${name}; the budget system rejects a table without one. Add at least one 三级 indicator under ${name}.`,
        },
  });
}
