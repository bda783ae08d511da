import type { Rule } from "../rule";
import { MEASURE_UNITS } from "../../value/grammar";

/** A unit in brackets ending a 三级 name: "保障在职职工人数(人)", "湿地保有量（公顷）". */
const BRACKET_UNIT = /^(.+?)\s*[(（]\s*([^()（）]{1,6})\s*[)）]$/;
const UNITS = new Set([...MEASURE_UNITS, "%", "万立方米", "单", "万亩", "公顷", "篇"]);

export const nameUnit: Rule = {
  id: "taxonomy/name-unit",
  severity: "info",
  category: "taxonomy",
  title: { zh: "三级指标名称中重复了计量单位", en: "Unit repeated in the 三级 name" },
  docs: {
    description: {
      zh: "三级指标名称末尾的括号里写了计量单位（如“保障在职职工人数(人)”），而单位已在计量单位栏或指标值中。名称只写衡量什么，括号可删去。每张表只提示一次，并可一次全部删除。",
      en: "A 三级 name ends with its unit in brackets (保障在职职工人数(人)) while the unit already stands in the unit column or the value. The name says only what is measured; the brackets can go. One finding per table, with one fix for all.",
    },
    bad: "保障在职职工人数(人) | = | 116 | 人",
    good: "保障在职职工人数 | = | 116 | 人",
  },
  check(table, report) {
    const hits: { cell: string; name: string; fixed: string }[] = [];
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name) continue;
      const m = BRACKET_UNIT.exec(row.name.text.trim());
      if (!m || !UNITS.has(m[2].normalize("NFKC"))) continue;
      hits.push({ cell: row.name.address, name: row.name.text, fixed: m[1] });
    }
    if (hits.length === 0) return;
    report({
      cell: hits[0].cell,
      related: hits.slice(1).map((h) => h.cell),
      message: {
        zh:
          hits.length === 1
            ? `三级指标名称“${hits[0].name}”末尾重复了计量单位，可改为“${hits[0].fixed}”。`
            : `本表${hits.length}个三级指标名称末尾用括号重复了计量单位（如“${hits[0].name}”），单位已在计量单位栏，可一次全部删去。`,
        en:
          hits.length === 1
            ? `The 三级 name "${hits[0].name}" repeats its unit; it could read "${hits[0].fixed}".`
            : `${hits.length} 三级 names repeat their unit in brackets ("${hits[0].name}"); the unit column has it, so the brackets can all go.`,
      },
      fix: hits.map((h) => ({ sheet: table.sheet, cell: h.cell, value: h.fixed })),
    });
  },
};
