import type { Rule } from "../rule";
import { valueRows, isPlaceholder, serialOf } from "./rows";
import { reportOnce, type OnceItem } from "./once";

export const valueNoOperator: Rule = {
  id: "value/no-operator",
  severity: "info",
  category: "value",
  title: { zh: "部分定量指标未写计算符号", en: "Some values have no operator" },
  docs: {
    description: {
      zh: "定量指标值前可加计算符号（≥ ＞ ＝ ＜ ≤），表明目标是下限、上限还是确定值。实际表格普遍省略（如“1座”“3550平方米”），审核时并不作为问题，因此每张表只提示一次；“100%”这样的满额目标、另设计算符号栏的表格不提示。",
      en: "A quantitative value may start with an operator (≥ ＞ ＝ ＜ ≤) saying whether the target is a floor, a ceiling or exact. Published tables often omit it (1座, 3550平方米) and reviewers accept that, so this is one note per table; a whole target such as 100%, and tables with an operator column, get none.",
    },
    bad: "3处",
    good: "≥3处",
  },
  check(table, report) {
    const items: OnceItem[] = [];
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || p.operatorText) continue;
      // The operator has its own column (计算符号, or 指标性质/指标方向 holding signs): nothing is missing here.
      if (v.row.operator || v.row.nature) continue;
      if (p.unit === "%" && Number(p.number) === 100) continue; // a whole target: 100% is exact
      if (p.unit === "" || serialOf(v) !== undefined) continue; // value/missing-unit or value/excel-serial says it
      items.push({ cell: v.cell.address, text: v.text });
    }
    reportOnce(items, report, (n, ex) => ({
      zh: `本表有${n}个定量指标值未写计算符号（如${ex.zh}），可按目标性质补写“≥”“≤”或“＝”。`,
      en: `${n} quantitative value(s) in this table have no operator (${ex.en}); you may add ≥, ≤ or = as the target means.`,
    }));
  },
};
