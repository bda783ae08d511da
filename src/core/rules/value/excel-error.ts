import type { Rule } from "../rule";
import { isCellError } from "../../snapshot";
import { valueRows, related } from "./rows";

export const valueExcelError: Rule = {
  id: "value/excel-error",
  severity: "error",
  blocking: true, // an error value is no value the platform can store
  category: "value",
  title: { zh: "指标值显示错误值", en: "Value shows an Excel error" },
  docs: {
    description: {
      zh: "指标值单元格显示 Excel 错误值（如 #REF!、#VALUE!、#N/A），通常是公式引用的单元格被删除或引用了别的表。指标值应直接填写目标值文字。",
      en: "The value cell shows an Excel error (#REF!, #VALUE!, #N/A), usually a formula whose referenced cells were deleted or that points at another sheet. Type the target itself instead.",
    },
    bad: "#REF!",
    good: "≥95%",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      if (!isCellError(v.cell.value)) continue;
      const f = v.cell.formula;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值显示错误值 ${v.cell.value.error}${f ? `（公式 ${f}）` : ""}，请直接填写目标值。`,
          en: `The value shows the error ${v.cell.value.error}${f ? ` (formula ${f})` : ""}; type the target itself.`,
        },
      });
    }
  },
};
