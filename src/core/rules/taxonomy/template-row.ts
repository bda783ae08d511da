import type { CellRef, IndicatorRow } from "../../model";
import type { Rule } from "../rule";
import { parseValue } from "../../value/grammar";

/** A 三级 name that is nothing but the template's own mark: "指标2:", "指标1", "……", "…", "***", "XX". */
const TEMPLATE_NAME =
  /^(?:指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]?|…+|\.{3,}|。{2,}|[*＊]+|[xX×]{2,}|[（(]\s*[）)])$/;

/** True for an indicator row the template reserved and nobody filled: a template name, and no real value. */
export function isTemplateRow(row: IndicatorRow): boolean {
  const v = parseValue(row.value?.text ?? "");
  const noValue = v.kind === "empty" || v.problems.some((p) => p.code === "placeholder");
  // A 二级 cell left as the template's "…" with nothing in the row.
  if (!row.name && row.level2 && TEMPLATE_NAME.test(row.level2.text.trim())) return noValue;
  if (!row.name || !TEMPLATE_NAME.test(row.name.text.trim())) return false;
  return noValue;
}

/** The cell that shows the row is a template's: its 三级 name, or the 二级 cell left as "…". */
function markCell(row: IndicatorRow): CellRef {
  return row.name ?? row.level2!;
}

export const templateRow: Rule = {
  id: "taxonomy/template-row",
  severity: "warning",
  category: "taxonomy",
  supersedes: [
    "value/empty",
    "value/placeholder",
    "value/split-form",
    "taxonomy/duplicate-name",
    "taxonomy/name-marker",
    "taxonomy/name-embeds-target",
    "taxonomy/unknown-level2",
    "taxonomy/empty-level2",
  ],
  title: { zh: "模板预留行未使用，请删除", en: "Unused template rows left in the table" },
  docs: {
    description: {
      zh: "模板为三级指标预留的行（名称仍为“指标2:”“……”等，指标值为空）没有使用，应整行删除。无论留下几行，每张表只提示一次，不再对这些行逐一报告指标值为空、名称重复等问题。",
      en: "Rows the template reserved for 三级 indicators (still named 指标2: or ……, with no value) were not used and should be deleted. However many are left, this is one finding per table; their empty values and repeated names are not reported one by one.",
    },
    bad: "指标2: | (空)",
    good: "(删除该行)",
  },
  check(table, report) {
    const rows = (table.indicators?.rows ?? []).filter(isTemplateRow);
    if (rows.length === 0) return;
    const cells = rows.flatMap((r) => [markCell(r), r.value].filter((c): c is CellRef => !!c));
    const lines = rows.map((r) => `第${r.row + 1}行`);
    const shown = lines.length > 4 ? `${lines.slice(0, 4).join("、")}等${lines.length}行` : lines.join("、");
    const first = markCell(rows[0]);
    report({
      cell: first.address,
      related: cells.map((c) => c.address).filter((a) => a !== first.address),
      message: {
        zh: `模板预留行未使用，请删除（${shown}，名称仍为“${first.text}”等占位内容，指标值为空）。`,
        en: `Unused template rows are left in the table (${rows.length} row(s) from row ${rows[0].row + 1}, named like "${first.text}" with no value); delete them.`,
      },
    });
  },
};
