import { formatAmount, isNumeric, parseAmount, type Decimal } from "../../amount";
import type { CellRef, GoalTable } from "../../model";
import type { Rule } from "../rule";
import { lineSums } from "./sum-lines";

/** A 收入 and a 支出 total of the same column (当年金额, or one year of 近两年收支金额). */
interface Pair {
  income: CellRef;
  expense: CellRef;
}

const INCOME = /收入/;
const EXPENSE = /支出/;

/** The pairs: from the sum lines (收入构成 … 合计, 支出构成 … 合计, or 收入合计 / 支出合计), and the composition block. */
function pairs(table: GoalTable): Pair[] {
  const out: Pair[] = [];
  const seen = new Set<string>();
  const add = (income: CellRef, expense: CellRef) => {
    const key = `${income.address}|${expense.address}`;
    if (seen.has(key) || income === expense) return;
    seen.add(key);
    out.push({ income, expense });
  };
  const lines = lineSums(table).filter((s) => !s.line.share && s.line.axis === "column");
  const kindOf = (group: string) =>
    INCOME.test(group) && !EXPENSE.test(group)
      ? "income"
      : EXPENSE.test(group) && !INCOME.test(group)
        ? "expense"
        : undefined;
  for (const i of lines) {
    if (kindOf(i.line.group) !== "income") continue;
    for (const e of lines)
      if (kindOf(e.line.group) === "expense" && e.line.total.col === i.line.total.col) add(i.line.total, e.line.total);
  }
  const c = table.composition;
  if (c) {
    const inc = c.income.find((l) => l.kind === "total")?.amount;
    const exp = c.expense.find((l) => l.kind === "total")?.amount;
    if (inc && exp) add(inc, exp);
  }
  return out;
}

export const incomeExpense: Rule = {
  id: "amount/income-expense",
  severity: "error",
  category: "amount",
  title: { zh: "收入合计与支出合计不等", en: "Income total differs from expense total" },
  docs: {
    description: {
      zh: "部门总体资金情况中，收入构成的合计须等于支出构成的合计（当年金额，以及列出的各年度金额）。按精确的十进制比较。某一合计本身与其分项不符时，只报那一处（amount/block-sum），不再重复。哪一边有误需由填报人判断，故不提供一键修正。",
      en: "In 部门总体资金情况, the 收入构成 合计 (income) must equal the 支出构成 合计 (expense), for the current year and for each year the block lists. Compared in exact decimal arithmetic. When a total does not add up its own parts, only that is reported (amount/block-sum). Which side is wrong is for the user to say, so there is no one-click fix.",
    },
    bad: "收入构成 合计 968.19 | 支出构成 合计 958.19",
    good: "收入构成 合计 968.19 | 支出构成 合计 968.19",
  },
  check(table, report) {
    const failing = new Set(
      lineSums(table)
        .filter((s) => s.fails)
        .map((s) => s.line.total.address)
    );
    for (const p of pairs(table)) {
      if (failing.has(p.income.address) || failing.has(p.expense.address)) continue;
      const inc = parseAmount(p.income);
      const exp = parseAmount(p.expense);
      if (!isNumeric(inc) || !isNumeric(exp) || inc.value.eq(exp.value)) continue;
      const places = inc.decimals > 0 || exp.decimals > 0 ? 2 : 0;
      const fmt = (d: Decimal) => formatAmount(d, places);
      const diff = fmt(exp.value.minus(inc.value).abs());
      report({
        cell: p.expense.address,
        related: [p.income.address],
        message: {
          zh: `支出合计 ${p.expense.address} 为 ${fmt(exp.value)}，收入合计 ${p.income.address} 为 ${fmt(inc.value)}，两者应相等（相差 ${diff}）。`,
          en: `The expense total ${p.expense.address} is ${fmt(exp.value)} and the income total ${p.income.address} is ${fmt(inc.value)}; they should be equal (off by ${diff}).`,
        },
      });
    }
  },
};
