import type { Rule } from "../rule";
import { valueRows, related, serialOf } from "./rows";

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the fictitious 1900-02-29 (serial 60). */
export function serialDate(serial: number): { y: number; m: number; d: number } {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export const valueExcelSerial: Rule = {
  id: "value/excel-serial",
  severity: "error",
  category: "value",
  supersedes: ["value/missing-unit", "value/no-operator", "value/split-form", "value/unit-category"],
  title: { zh: "日期变成了 Excel 序列号", en: "Date turned into an Excel serial number" },
  docs: {
    description: {
      zh: "时效指标中的日期被 Excel 存成了序列号（如44561即2021年12月31日），再套上“#,##0”等数字格式就显示成“44,561”。分栏填写时，序列号可能出现在目标值或计量单位栏，每行只提示一次。请写成“2021年12月31日前”。",
      en: "A date in a timeliness value was stored by Excel as a serial number (44561 is 2021-12-31), shown as 44,561 under a #,##0 format. In the split form it may stand in the target or the unit column; one finding per row. Write it as 2021年12月31日前.",
    },
    bad: "44561",
    good: "2021年12月31日前",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const n = serialOf(v);
      if (n === undefined) continue;
      const { y, m, d } = serialDate(n);
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `“${v.cell.text}”是被 Excel 转成数字的日期（即${y}年${m}月${d}日），请写成“${y}年${m}月${d}日前”。`,
          en: `The value '${v.text}' is an Excel date serial (${y}-${m}-${d}); write it as text such as ${y}年${m}月${d}日前.`,
        },
      });
    }
  },
};
