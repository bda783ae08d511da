import { amountCells, parseAmount } from "../../amount";
import type { Rule } from "../rule";

/** An amount typed with the table's own unit ("10000万元" in a 万元 table): readable, said once per table. */
export function unitInCell(unit: string, tableUnit: string): boolean {
  return unit.trim() === tableUnit;
}

export const amountUnitInCell: Rule = {
  id: "amount/unit-in-cell",
  severity: "info",
  category: "amount",
  title: { zh: "金额中写了单位", en: "Unit typed in the amount" },
  docs: {
    description: {
      zh: "金额单元格写成“10000万元”，单位与表头一致，可以读懂，已公开的表格中也常见；但这样的单元格是文本，不能参与公式求和。建议只填数字，把“万元”写在表头。每张表只提示一次。",
      en: "An amount typed as 10000万元, in the table's own unit, is readable and published tables do it; but the cell is text and no formula can add it up. Consider a bare number with 万元 in the header. One note per table.",
    },
    bad: "年度资金总额 | 10000万元",
    good: "年度资金总额（万元） | 10000",
  },
  check(table, report) {
    const cells: string[] = [];
    const examples: string[] = [];
    for (const a of amountCells(table)) {
      const p = parseAmount(a.cell);
      if (p.kind !== "text" || p.suggested || !p.number || !p.unit || !unitInCell(p.unit, table.unit)) continue;
      cells.push(a.cell.address);
      if (examples.length < 2) examples.push(`“${p.text}”`);
    }
    if (cells.length === 0) return;
    report({
      cell: cells[0],
      related: cells.slice(1),
      message: {
        zh: `本表有${cells.length}个金额带有单位（如${examples.join("、")}），单元格成了文本，不能参与公式求和；建议只填数字，把“${table.unit}”写在表头。`,
        en: `${cells.length} amount(s) carry the unit (${examples.join(", ")}), which makes the cells text that no formula can add up; consider bare numbers with ${table.unit} in the header.`,
      },
    });
  },
};
