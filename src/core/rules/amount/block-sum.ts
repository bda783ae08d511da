import { amountNumber, formatAmount, isNumeric, type Decimal } from "../../amount";
import type { FixEdit } from "../../finding";
import type { Rule } from "../rule";
import { lineCells, lineDecimals, lineSums, lineTitle, partsText, repeatedPart, type LineSum } from "./sum-lines";

/** The sum a blank total should show: the parts' sum when the total is empty and the parts add up to more than 0. */
function blankTotal(s: LineSum): Decimal | undefined {
  if (s.line.total.text !== "" || s.line.share) return undefined;
  const e = s.expected;
  return e && !e.isZero() ? e : undefined;
}

export const blockSum: Rule = {
  id: "amount/block-sum",
  severity: "error",
  category: "amount",
  title: { zh: "合计、小计或总计与各项之和不符", en: "A 合计, 小计 or 总计 does not add up" },
  docs: {
    description: {
      zh: "表中每个标有“合计”“小计”“总计”的行或列（收入构成、支出构成、年度预算、分年度成本测算等，年度主要任务之外），须等于它所汇总的各项之和：合计行等于其上方（或下方）直至表头、空行的各行，合计列等于其旁边各列。空白的分项按 0 计。按精确的十进制比较，相差几分钱也是错误。可以确定正确值时提供一键修正（合计本身是公式时不改）。占比列另有规则（amount/share-sum）。合计单元格为空而分项有数时，报告其应有的合计。不作猜测的情形：空合计上下两侧都有分项、合计之下还有小计（只核各小计）、合计上下两侧都可能是其分项而两侧都不相符，均不报告。",
      en: "Every row or column labelled 合计, 小计 or 总计 outside the 年度主要任务 block (收入构成, 支出构成, a budget block, a multi-year cost breakdown) must equal the sum of what it totals: a 合计 row the rows above (or below) it up to the header or a blank row, a 合计 column the columns beside it. A blank part counts as 0. Compared in exact decimal arithmetic: a few cents off is an error. A one-click fix writes the sum when it is certain (never over a formula). Share columns (占比) have their own rule (amount/share-sum). A blank 合计 whose parts hold amounts is reported with the sum it should show. No guessing: a blank 合计 with parts on both sides, a 合计 over 小计 rows (each 小计 is checked instead), and a 合计 whose parts could be the rows above or below it when neither side adds up are left alone.",
    },
    bad: "支出构成: 基本支出 724.2318 | 项目支出 243.96 | 合计 969.19",
    good: "支出构成: 基本支出 724.2318 | 项目支出 243.96 | 合计 968.1918",
  },
  check(table, report) {
    const sums = lineSums(table).filter((s) => !s.line.share);
    const failing = new Set(sums.filter((s) => s.fails).map((s) => s.line.total.address));
    const reported = new Set<string>();
    for (const s of sums) {
      const blank = blankTotal(s);
      if (blank) {
        const cell = s.line.total;
        if (reported.has(cell.address)) continue;
        reported.add(cell.address);
        const fmt = (d: Decimal) => formatAmount(d, lineDecimals(s));
        const title = lineTitle(s.line);
        const parts = partsText(s, fmt);
        const certain = s.parts.every((p) => p.kind === "number" || p.kind === "empty");
        report({
          cell: cell.address,
          related: lineCells(s.line),
          message: {
            zh:
              `${title.zh} ${cell.address} 为空，应为 ${fmt(blank)}：${parts.zh}` +
              (s.line.parts.length > 4 ? `为 ${fmt(blank)}。` : ` = ${fmt(blank)}。`),
            en:
              `${title.en} ${cell.address} is empty; it should be ${fmt(blank)}: ` +
              (s.line.parts.length > 4 ? `${parts.en} is ${fmt(blank)}.` : `${parts.en} = ${fmt(blank)}.`),
          },
          ...(certain ? { fix: [{ sheet: table.sheet, cell: cell.address, value: amountNumber(blank) }] } : {}),
        });
        continue;
      }
      if (!s.fails || !isNumeric(s.total) || !s.expected) continue;
      const cell = s.line.total;
      // One fault, one finding: a total met twice (a 合计 row's 合计 column), or off only because a part is
      // itself a total that is off (reported there).
      if (reported.has(cell.address)) continue;
      if (s.line.parts.some((p) => failing.has(p.address))) continue;
      // A total typed again as a part: amount/total-as-part names that part.
      if (repeatedPart(s) !== undefined) continue;
      // SUM ignores numbers typed as text: the cached result is off until those are numbers.
      if (cell.formula !== null && s.parts.some((p) => p.kind === "text-number")) continue;
      reported.add(cell.address);
      const decimals = lineDecimals(s);
      const fmt = (d: Decimal) => formatAmount(d, decimals);
      const own = s.total.value;
      const diff = own.minus(s.expected);
      const title = lineTitle(s.line);
      const parts = partsText(s, fmt);
      const certain =
        cell.formula === null && s.total.kind === "number" && s.parts.every((p) => p.kind !== "text-number");
      const fix: FixEdit[] | undefined = certain
        ? [{ sheet: table.sheet, cell: cell.address, value: amountNumber(s.expected) }]
        : undefined;
      report({
        cell: cell.address,
        related: lineCells(s.line),
        message: {
          zh:
            `${title.zh} ${cell.address} 应为 ${fmt(s.expected)}，实为 ${fmt(own)}（相差 ${fmt(diff.abs())}）：${parts.zh}` +
            (s.line.parts.length > 4 ? `为 ${fmt(s.expected)}。` : ` = ${fmt(s.expected)}。`),
          en:
            `${title.en} ${cell.address} should be ${fmt(s.expected)}, but is ${fmt(own)} (off by ${fmt(diff.abs())}): ` +
            (s.line.parts.length > 4 ? `${parts.en} is ${fmt(s.expected)}.` : `${parts.en} = ${fmt(s.expected)}.`),
        },
        ...(fix ? { fix } : {}),
      });
    }
  },
};
