import { amountCells, parseAmount } from "../../amount";
import type { Rule } from "../rule";

import type { AmountParse } from "../../amount";

/** An amount typed with the table's own unit ("10000万元" in a 万元 table): readable, said once per table. */
export function unitInCell(unit: string, tableUnit: string): boolean {
  return unit.trim() === tableUnit;
}

/**
 * A text amount whose number is readable: typed with the table's own unit (`10000万元`), or written after its label
 * in the same cell with the table's unit or none (`财政拨款:6923.3552万元`, `三、其他:3683.3970`).
 */
export function readableTextAmount(p: AmountParse, tableUnit: string): boolean {
  if (p.kind !== "text" || p.suggested || !p.number) return false;
  if (p.label !== undefined) return p.unit === "" || p.unit === undefined || unitInCell(p.unit, tableUnit);
  return !!p.unit && unitInCell(p.unit, tableUnit);
}

export const amountUnitInCell: Rule = {
  id: "amount/unit-in-cell",
  severity: "info",
  category: "amount",
  title: { zh: "金额中写了单位", en: "Unit typed in the amount" },
  docs: {
    description: {
      zh: "金额单元格写成“10000万元”，单位与表头一致，或者把名称和金额写在同一格（“财政拨款:6923.3552万元”），都可以读懂，已公开的表格中也常见；但这样的单元格是文本，不能参与公式求和。建议只填数字，把“万元”写在表头，名称写在左边一格。每张表只提示一次。",
      en: "An amount typed as 10000万元 in the table's own unit, or written after its label in one cell (财政拨款:6923.3552万元), is readable and published tables do it; but the cell is text and no formula can add it up. Consider a bare number with 万元 in the header and the label in its own cell. One note per table.",
    },
    bad: "年度资金总额 | 10000万元   或   财政拨款:6923.3552万元",
    good: "年度资金总额（万元） | 10000",
  },
  check(table, report) {
    const cells: string[] = [];
    const examples: string[] = [];
    let labelled = false;
    for (const a of amountCells(table)) {
      const p = parseAmount(a.cell);
      if (p.kind !== "text" || !readableTextAmount(p, table.unit)) continue;
      cells.push(a.cell.address);
      if (p.label !== undefined) labelled = true;
      if (examples.length < 2) examples.push(`“${short(p.text)}”`);
    }
    if (cells.length === 0) return;
    const what = labelled
      ? { zh: "带有名称或单位", en: "carry their label or unit" }
      : { zh: "带有单位", en: "carry the unit" };
    const advice = labelled
      ? {
          zh: `建议只填数字，名称写在左边一格，把“${table.unit}”写在表头`,
          en: `consider bare numbers, the label in its own cell and ${table.unit} in the header`,
        }
      : { zh: `建议只填数字，把“${table.unit}”写在表头`, en: `consider bare numbers with ${table.unit} in the header` };
    report({
      cell: cells[0],
      related: cells.slice(1),
      message: {
        zh: `本表有${cells.length}个金额${what.zh}（如${examples.join("、")}），单元格成了文本，不能参与公式求和；${advice.zh}。`,
        en: `${cells.length} amount(s) ${what.en} (${examples.join(", ")}), which makes the cells text that no formula can add up; ${advice.en}.`,
      },
    });
  },
};

/** A long cell text cut for a message. */
function short(text: string): string {
  const chars = [...text];
  return chars.length > 24 ? chars.slice(0, 24).join("") + "…" : text;
}
