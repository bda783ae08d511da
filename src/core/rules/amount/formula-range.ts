import { formatAmount, isNumeric, parseAmount, tableDecimals } from "../../amount";
import type { Rule } from "../rule";
import { expectedSum, refProblem, totalTargets, type TotalTarget } from "./common";

function what(t: TotalTarget): { zh: string; en: string } {
  switch (t.kind) {
    case "task-total":
      return { zh: `总额 ${t.cell.address}`, en: `the total (总额) ${t.cell.address}` };
    case "grand-total":
      return { zh: `合计 ${t.cell.address}`, en: `the 合计 ${t.cell.address}` };
    case "project-total":
      return { zh: `年度资金总额 ${t.cell.address}`, en: `the annual total (年度资金总额) ${t.cell.address}` };
  }
}

export const formulaRange: Rule = {
  id: "amount/formula-range",
  severity: "error",
  category: "amount",
  title: { zh: "合计或总额公式的引用范围不对", en: "Total formula covers the wrong cells" },
  docs: {
    description: {
      zh: "合计、总额和年度资金总额的公式须恰好引用应相加的单元格：合计引用全部任务行，总额引用本行的财政拨款和其他资金。漏掉一行、多算了合计行或表头，即使当前结果碰巧相符，增删或修改任务后也会算错。无法解析的公式不检查。",
      en: "A 合计, 总额 or 年度资金总额 formula must reference exactly the cells it adds up: every task row for a 合计, the row's 财政拨款 and 其他资金 for a 总额. A range that leaves out a task or takes in the 合计 row or a header is wrong even when the cached result happens to agree, and breaks as soon as the tasks change. Formulas other than SUM(...) and cell+cell are not checked.",
    },
    bad: "=SUM(D7:D16) with tasks in D7:D17",
    good: "=SUM(D7:D17)",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    for (const t of totalTargets(table)) {
      const problem = refProblem(t);
      if (!problem) continue;
      const formula = t.cell.formula!;
      const zh: string[] = [];
      const en: string[] = [];
      if (problem.missing.length) {
        const cells = problem.missing.map((c) => c.address).join("、");
        zh.push(`漏掉了 ${cells}`);
        en.push(`leaves out ${problem.missing.map((c) => c.address).join(", ")}`);
      }
      if (problem.extra.length) {
        zh.push(`多算了 ${problem.extra.map((x) => `${x.address}（${x.why.zh}）`).join("、")}`);
        en.push(`takes in ${problem.extra.map((x) => `${x.address} (${x.why.en})`).join(", ")}`);
      }
      // The cached result: agreeing by chance, or already wrong.
      const own = parseAmount(t.cell);
      const expected = expectedSum(t.inputs.map(parseAmount), t.kind === "project-total");
      let noteZh = "";
      let noteEn = "";
      if (isNumeric(own) && expected) {
        if (own.value.eq(expected)) {
          noteZh = "当前结果虽然相符，但任务金额一变就会算错。";
          noteEn = " The cached result agrees for now, but it goes wrong as soon as the amounts change.";
        } else {
          noteZh = `当前结果为 ${formatAmount(own.value, decimals)}，应为 ${formatAmount(expected, decimals)}。`;
          noteEn = ` It shows ${formatAmount(own.value, decimals)}; it should be ${formatAmount(expected, decimals)}.`;
        }
      }
      report({
        cell: t.cell.address,
        related: [...problem.missing.map((c) => c.address), ...problem.extra.map((x) => x.address)],
        message: {
          zh: `${what(t).zh} 的公式 ${formula} ${zh.join("，")}，应为 ${problem.fixed}。${noteZh}`,
          en: `The formula ${formula} of ${what(t).en} ${en.join(" and ")}; it should be ${problem.fixed}.${noteEn}`,
        },
        fix: [{ sheet: table.sheet, cell: t.cell.address, formula: problem.fixed }],
      });
    }
  },
};
