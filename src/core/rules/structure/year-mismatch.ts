import type { Rule } from "../rule";

/** Budget years a table can plausibly be for. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** The 4-digit years a sheet name carries ("2022年绩效目标" → [2022]). */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.normalize("NFKC").matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g)) out.push(Number(m[1]));
  return [...new Set(out)];
}

/** The years or year ranges a sheet name names: "2022年绩效目标" → 2022, "2021-2023年项目" → 2021–2023. */
export function yearSpans(text: string): { from: number; to: number }[] {
  const s = text.normalize("NFKC");
  const out: { from: number; to: number }[] = [];
  const range = /(?<![0-9])((?:19|20)[0-9]{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)[0-9]{2})(?![0-9])/g;
  for (const m of s.matchAll(range)) out.push({ from: Math.min(+m[1], +m[2]), to: Math.max(+m[1], +m[2]) });
  const rest = s.replace(range, " ");
  for (const y of yearsIn(rest)) out.push({ from: y, to: y });
  return out;
}

export const yearMismatch: Rule = {
  id: "structure/year-mismatch",
  severity: "warning",
  category: "structure",
  title: { zh: "预算年度可疑", en: "Suspicious budget year" },
  docs: {
    description: {
      zh: `标题中的预算年度应与工作表名称中的年度一致，并在合理范围内（${MIN_YEAR}–${MAX_YEAR}年）。新年度的表常由上一年的表复制而来，年度没改是常见错误。`,
      en: `The budget year under the title should match the year in the sheet name and lie in a plausible range (${MIN_YEAR}–${MAX_YEAR}). New tables are often copied from last year's, and a year left unchanged is a common slip.`,
    },
    bad: "sheet 2022年绩效目标, title （2021 年）",
    good: "sheet 2022年绩效目标, title （2022 年）",
  },
  check(table, report) {
    const year = table.year;
    if (!year) return;
    if (year.value < MIN_YEAR || year.value > MAX_YEAR) {
      report({
        cell: year.cell,
        message: {
          zh: `预算年度${year.value}年不在合理范围（${MIN_YEAR}–${MAX_YEAR}年）内；请填写本表的预算年度。`,
          en: `The budget year ${year.value} is outside the plausible range ${MIN_YEAR}–${MAX_YEAR}; write the table's budget year.`,
        },
      });
      return;
    }
    const spans = yearSpans(table.sheet);
    if (spans.length === 0 || spans.some((r) => r.from <= year.value && year.value <= r.to)) return;
    const inSheet = spans.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`));
    const named = inSheet.join("、");
    const guess =
      spans.length === 1 && spans[0].from === spans[0].to
        ? { zh: `（预算年度可能应为${spans[0].from}年）`, en: ` (the budget year may need to be ${spans[0].from})` }
        : { zh: "", en: "" };
    report({
      cell: year.cell,
      message: {
        zh: `工作表“${table.sheet}”的名称写的是${named}年，而表中预算年度为${year.value}年；请核对，二者应一致${guess.zh}。`,
        en: `The sheet "${table.sheet}" is named for ${inSheet.join(", ")}, but the table's budget year is ${year.value}; check which is right${guess.en}.`,
      },
    });
  },
};
