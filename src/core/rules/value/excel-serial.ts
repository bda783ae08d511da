import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

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
  title: { zh: "日期变成了 Excel 序列号", en: "Date turned into an Excel serial number" },
  docs: {
    description: {
      zh: "时效指标中的日期被 Excel 存成了序列号（如44561即2021年12月31日），导出后成了无意义的数字。请写成“2021年12月31日前”。",
      en: "A date in a timeliness value was stored by Excel as a serial number (44561 is 2021-12-31) and exports as a meaningless number. Write it as 2021年12月31日前.",
    },
    bad: "44561",
    good: "2021年12月31日前",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || p.unit !== "" || !p.number) continue;
      const n = Number(p.number);
      // 2000-01-01 … 2099-12-31, whole days.
      if (!Number.isInteger(n) || n < 36526 || n > 73415) continue;
      const looksDate =
        v.level2?.valueKind === "time" || /时间|日期|时限|期限|完成于|截止/.test(v.name) || /yy|d/i.test(v.cell.format);
      if (!looksDate) continue;
      const { y, m, d } = serialDate(n);
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `指标值“${v.text}”是 Excel 日期序列号，即 ${y}年${m}月${d}日，请写成“${y}年${m}月${d}日前”这样的文字。`,
          en: `The value '${v.text}' is an Excel date serial (${y}-${m}-${d}); write it as text such as ${y}年${m}月${d}日前.`,
        },
      });
    }
  },
};
