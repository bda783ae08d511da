import { formatAmount, isNumeric, parseAmount, tableDecimals } from "../../amount";
import type { Rule } from "../rule";
import { COLUMN_EN, COLUMN_NAME, sameKind, totalTargets } from "./common";

export const constantTotal: Rule = {
  id: "amount/constant-total",
  severity: "warning",
  category: "amount",
  title: { zh: "合计或总额为手工录入（未设公式）", en: "Total typed as a constant (no formula)" },
  docs: {
    description: {
      zh: "表中同类的合计（或任务总额）都用公式计算，唯独这一格手工填了数值：任务金额改动后它不会跟着更新，容易造成合计不符。",
      en: "The other totals of the same kind (合计 cells, or task 总额 cells) are formulas, but this one is a typed number: it will not follow when the amounts change, a common source of totals that do not match.",
    },
    bad: "D6: 195.6 while E6 =SUM(E7:E9) and F6 =SUM(F7:F9)",
    good: "D6: =SUM(D7:D9)",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    for (const t of totalTargets(table)) {
      if (t.kind === "project-total") continue;
      if (t.cell.formula !== null || t.cell.text === "") continue;
      const others = sameKind(table, t);
      if (others.length === 0 || !others.every((c) => c.formula !== null)) continue;
      const example = others[0];
      const p = parseAmount(t.cell);
      const shown = isNumeric(p) ? formatAmount(p.value, decimals) : t.cell.text;
      const which =
        t.kind === "grand-total"
          ? {
              zh: `合计“${COLUMN_NAME[t.column]}”${t.cell.address}`,
              en: `The 合计 ${COLUMN_EN[t.column]} (${COLUMN_NAME[t.column]}) ${t.cell.address}`,
            }
          : { zh: `总额 ${t.cell.address}`, en: `The task total (总额) ${t.cell.address}` };
      const kindZh = t.kind === "grand-total" ? "其他合计" : "其他任务的总额";
      const kindEn = t.kind === "grand-total" ? "the other 合计 cells" : "the other task totals";
      report({
        cell: t.cell.address,
        related: others.map((c) => c.address),
        message: {
          zh: `${which.zh} 是手工填写的数值 ${shown}，而${kindZh}都是公式（如 ${example.address}: ${example.formula}）；金额改动后它不会自动更新。`,
          en: `${which.en} is a typed number (${shown}) while ${kindEn} are formulas (e.g. ${example.address}: ${example.formula}); it will not update when the amounts change.`,
        },
      });
    }
  },
};
