import type { CellRef, GoalTable, IndicatorRow } from "../../model";
import { normLabel } from "../../text";
import { resolveLevel2 } from "../../taxonomy";
import type { Rule } from "../rule";
import { unfilledAmounts, unfilledValues } from "../../fill-state";
import { rowLevel1, shown } from "./labels";
import { isTemplateRow } from "./template-row";

/** A run of consecutive rows under one 一级 and 二级 (a merged 二级 label, or the same 二级 repeated row by row). */
export interface Level2Group {
  cell: CellRef;
  rows: IndicatorRow[];
}

/** The 二级 groups of the annual block, in sheet order. */
export function level2Groups(table: GoalTable): Level2Group[] {
  const out: Level2Group[] = [];
  let key: string | undefined;
  for (const row of table.indicators?.rows ?? []) {
    if (!row.level2 || row.level2.text === "") {
      key = undefined;
      continue;
    }
    const k = `${normLabel(row.level1?.text ?? "")}|${normLabel(row.level2.text)}`;
    if (k !== key) out.push({ cell: row.level2, rows: [] });
    key = k;
    out[out.length - 1].rows.push(row);
  }
  return out;
}

/** The 产出 二级 that every project measures: how many, how well, by when. 成本 is left out (older templates omit it). */
const EXPECTED_OUTPUTS = new Set(["quantity", "quality", "timeliness"]);

/**
 * A table still being filled in from a template (no amount or no value typed in yet): structure/to-be-filled says so
 * once, and the template's empty 二级 rows are room, not omissions.
 */
function inProgress(table: GoalTable): boolean {
  return unfilledAmounts(table) !== undefined || unfilledValues(table) !== undefined;
}

/** Rows that carry an indicator: a 三级 name and a value. */
function filledRows(table: GoalTable): number {
  return (table.indicators?.rows ?? []).filter((r) => r.name && r.value && r.value.text !== "").length;
}

/**
 * A 二级 group left unfinished: a 数量/质量/时效 under 产出 with no 三级 name and no value in any of its rows, in a
 * block whose other rows are filled (at least two named rows with values). Other empty 二级 (生态效益指标 and the
 * like) stay taxonomy/empty-level2's quiet note.
 */
export function isUnfinishedGroup(table: GoalTable, g: Level2Group): boolean {
  if (inProgress(table)) return false;
  if (g.rows.some((r) => r.name || (r.value && r.value.text !== "") || isTemplateRow(r))) return false;
  const l2 = resolveLevel2(g.cell.text);
  if (!l2 || !EXPECTED_OUTPUTS.has(l2.key)) return false;
  if (rowLevel1(g.rows[0])?.key !== "output") return false;
  return filledRows(table) >= 2;
}

export const unfinishedRow: Rule = {
  id: "taxonomy/unfinished-row",
  severity: "warning",
  category: "taxonomy",
  title: { zh: "指标行未填写完整", en: "Indicator row left unfinished" },
  docs: {
    description: {
      zh: "指标表的其他行都已填写，这一行却没有填完：合并的一级指标下整行空白（连二级指标也没有；合并的二级指标下留出的空行是模板预留的位置，不提示），或产出指标下的数量、质量、时效指标只有二级名称，没有三级指标和指标值。请补填，或删除这一行。每行（每个二级指标）只提示一次。并非每个二级指标都必须使用：效益指标、满意度指标下的二级（如生态效益指标）和成本指标留空仍按“二级指标下没有三级指标”提示（信息）；数量、质量、时效是每个项目都要衡量的产出，表格其余部分已填写时，留空通常是漏填。由上年表格生成、金额或指标值尚未填写的新表，由“待填写”统一提示，本规则不提示。",
      en: "The rest of the indicator block is filled in, but this row is not: a blank row inside a merged 一级 label (with no 二级 either; a spare row under a merged 二级 is room a template leaves and is not reported), or a 数量/质量/时效 under 产出指标 with its 二级 name only, no 三级 indicator and no value. Fill it in or delete the row. One finding per row (per 二级). Not every 二级 has to be used: an empty 二级 under 效益/满意度 (such as 生态效益指标) or an empty 成本指标 stays taxonomy/empty-level2's information; quantity, quality and timeliness are what every project's output is measured by, so in an otherwise filled table an empty one is usually an omission. A new table made from last year's, with its amounts or values not typed in yet, is structure/to-be-filled's: this rule stays quiet.",
    },
    bad: "产出指标 | 时效指标 | (空) | (空)",
    good: "产出指标 | 时效指标 | 项目完成时间 | 2022年12月31日前",
  },
  check(table, report) {
    const block = table.indicators;
    if (!block) return;
    const filled = filledRows(table) >= 2 && !inProgress(table);
    if (filled) {
      for (const b of block.blankRows ?? []) {
        // A spare row under a merged 二级 is room the template leaves for one more indicator (ours does too): not
        // a fault. Only a row with no 二级 at all, inside the merged 一级, is one.
        if (b.level2) continue;
        const l1 = shown(b.level1);
        report({
          cell: b.cell.address,
          related: [b.level1.address],
          message: {
            zh: `指标行未填写完整：第${b.row + 1}行（${l1}）整行空白，请填写二级、三级指标和指标值，或删除这一行。`,
            en: `Indicator row left unfinished: row ${b.row + 1} (under ${l1}) is blank; fill in its 二级, 三级 and value, or delete the row.`,
          },
        });
      }
    }
    for (const g of level2Groups(table)) {
      if (!isUnfinishedGroup(table, g)) continue;
      const name = shown(g.cell);
      const valueCells = g.rows.map((r) => r.name?.address ?? r.value?.address).filter((a): a is string => !!a);
      report({
        cell: g.cell.address,
        related: valueCells,
        message: {
          zh: `指标行未填写完整：第${g.cell.row + 1}行“${name}”没有三级指标和指标值，请补填，或删除这一行。`,
          en: `Indicator row left unfinished: row ${g.cell.row + 1} (${name}) has no 三级 indicator and no value; fill them in or delete the row.`,
        },
      });
    }
  },
};
