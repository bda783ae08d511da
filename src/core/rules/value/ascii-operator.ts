import type { Rule } from "../rule";
import { normLabel } from "../../text";
import { valueRows, isPlaceholder, problem } from "./rows";
import { reportOnce, type OnceItem } from "./once";

/** The standard sign of each operator as the platform's dictionary writes it. */
const STANDARD: Record<string, string> = { "≥": "≥", "≤": "≤", ">": "＞", "<": "＜", "=": "＝" };
/** Typed operators that are fine as they are: the dictionary's signs and the plain ASCII ones for ＞ ＜ ＝. */
const FINE = /^(≥|≤|＞|＜|＝|>|<|=)$/;

export const valueAsciiOperator: Rule = {
  id: "value/ascii-operator",
  severity: "info",
  category: "value",
  title: { zh: "计算符号可统一为“≥”“≤”", en: "Operators can be written the standard way" },
  docs: {
    description: {
      zh: "“>=”“<=”、形近符号（≧ ≦ ═ ﹦ ＞＝）或文字（“95%以上”“不低于95%”“控制在3万元以内”）都能读懂，但平台字典的写法是“≥ ＞ ＝ ＜ ≤”。已公开的表格常这样写，因此每张表只提示一次，并可一次全部改正；修正只换符号，不改数值。",
      en: "'>=', '<=', look-alike signs (≧ ≦ ═ ﹦ ＞＝) and words (95%以上, 不低于95%, 控制在3万元以内) are readable, but the platform's dictionary writes ≥ ＞ ＝ ＜ ≤. Published tables do this, so it is one note per table with one fix for all; the fix changes the sign only.",
    },
    bad: ">=85%",
    good: "≥85%",
  },
  check(table, report) {
    const items: OnceItem[] = [];
    const merged = table.indicators?.form === "merged";
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || !p.operator || p.problems.some((x) => x.code === "two-operators")) continue;
      const word = problem(v, "word-operator");
      if (merged) {
        const text = v.cell.text.trim();
        if (word) {
          items.push({
            cell: v.cell.address,
            text,
            fix: { sheet: table.sheet, cell: v.cell.address, value: word.fixed },
          });
          continue;
        }
        const typed = /^[<>=≥≤≧≦═﹦＜＞＝]+/.exec(text)?.[0] ?? "";
        if (typed === "" || FINE.test(typed)) continue;
        const fixed = STANDARD[p.operator] + text.slice(typed.length);
        items.push({ cell: v.cell.address, text, fix: { sheet: table.sheet, cell: v.cell.address, value: fixed } });
      } else if (v.row.operator) {
        const typed = normLabel(v.row.operator.text);
        if (typed === "" || FINE.test(typed) || typed === "定性") continue;
        const op = { ">=": "≥", "=>": "≥", "≧": "≥", "<=": "≤", "=<": "≤", "≦": "≤", "═": "=", "﹦": "=", "==": "=" }[
          typed.normalize("NFKC")
        ];
        if (!op) continue;
        const sign = STANDARD[op];
        items.push({
          cell: v.row.operator.address,
          text: v.row.operator.text,
          fix: { sheet: table.sheet, cell: v.row.operator.address, value: sign },
        });
      }
    }
    reportOnce(items, report, (n, ex) => ({
      zh:
        n === 1
          ? `计算符号写法不规范：“${items[0].text}”可改为“${items[0].fix!.value}”。`
          : `本表有${n}处计算符号写法不规范（如${ex.zh}），可统一改为“≥”“≤”“＝”等标准符号。`,
      en:
        n === 1
          ? `The operator is not written the standard way: '${items[0].text}' can read '${items[0].fix!.value}'.`
          : `${n} operators are not written the standard way (${ex.en}); they can all use ≥, ≤, ＝.`,
    }));
  },
};
