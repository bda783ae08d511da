import type { Message } from "../../finding";
import type { Rule } from "../rule";

const MARKS = "★☆※*＊";
/** "指标1：", "指标 2:", "指标三：" at the start of a name: the template's numbering. */
const PREFIX = /^指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]\s*/;
const EDGE = new RegExp(`^[\\s${MARKS}]+|[\\s${MARKS}]+$`, "g");
/** A bracketed template hint with a placeholder: "(≥**个)", "（≥**%）", "(××)". */
const HINT = /[（(][^（）()]*(?:[*＊]|[xX×Ｘｘ]{2,})[^（）()]*[）)]/g;
const MARK = new RegExp(`[${MARKS}]`);
const XX = /[xX×Ｘｘ]{2,}/;
const ELLIPSIS = /…+|\.{3,}|。{3,}/;

interface Markers {
  found: Message[];
  /** Only a 指标1： numbering prefix (and perhaps edge marks) was found: the template's numbering, left on purpose
   * by many units, said once per table. */
  prefixOnly?: boolean;
  /** Only ★ / * marks at the ends were found: core-indicator marks, accepted practice, not reported. */
  edgeOnly?: boolean;
  /** The name without the markers, when removing them is all it takes. */
  fixed?: string;
}

/** The template hints and marks on a 三级 name. */
export function nameMarkers(name: string): Markers {
  const found: Message[] = [];
  let s = name.trim();
  let edgeMarks = false;
  let prefix: string | undefined;
  for (let i = 0; i < 2; i++) {
    const stripped = s.replace(EDGE, "");
    if (stripped !== s) edgeMarks = true;
    s = stripped;
    const p = PREFIX.exec(s);
    if (p && !prefix) {
      prefix = p[0].trim();
      s = s.slice(p[0].length);
    }
  }
  if (prefix) found.push({ zh: `编号前缀“${prefix}”`, en: `the numbering prefix "${prefix}"` });
  if (edgeMarks) found.push({ zh: "★、*、※等标记", en: "a ★, * or ※ mark" });
  let fixable = true;
  const hints = s.match(HINT) ?? [];
  for (const h of hints) found.push({ zh: `模板提示“${h}”`, en: `the template hint "${h}"` });
  const rest = s.replace(HINT, "");
  if (MARK.test(rest)) found.push({ zh: "名称中间带有★、*、※等标记", en: "a ★, * or ※ mark inside the name" });
  const xx = XX.exec(rest);
  if (xx) found.push({ zh: `占位符“${xx[0]}”`, en: `the placeholder "${xx[0]}"` });
  const dots = ELLIPSIS.exec(rest);
  if (dots) found.push({ zh: `省略号“${dots[0]}”`, en: `the ellipsis "${dots[0]}"` });
  if (hints.length > 0 || MARK.test(rest) || xx || dots) fixable = false;
  const others = hints.length > 0 || MARK.test(rest) || !!xx || !!dots;
  return {
    found,
    ...(fixable && found.length > 0 && s !== "" ? { fixed: s } : {}),
    ...(prefix && !others && s !== "" ? { prefixOnly: true } : {}),
    ...(edgeMarks && !prefix && !others ? { edgeOnly: true } : {}),
  };
}

export const nameMarker: Rule = {
  id: "taxonomy/name-marker",
  severity: "warning",
  category: "taxonomy",
  title: { zh: "三级指标名称带有模板提示或标记", en: "Template hint or mark in a 三级 name" },
  docs: {
    description: {
      zh: "三级指标名称中留有模板的提示或标记，如“(≥**个)”“（≥**%）”、“指标1：”编号、★或*标记、省略号“……”。这些内容应删除，名称只写衡量的内容。",
      en: "A 三级 indicator name still carries the template's hints or marks: (≥**个), （≥**%）, a 指标1： numbering prefix, ★ or * marks, an ellipsis ……. Remove them; the name says only what is measured.",
    },
    bad: "指标1：培训人数（≥**人）",
    good: "培训人数",
  },
  check(table, report) {
    const prefixed: { cell: string; name: string; fixed: string }[] = [];
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name) continue;
      const { found, fixed, prefixOnly, edgeOnly } = nameMarkers(row.name.text);
      if (found.length === 0 || edgeOnly) continue;
      const name = row.name.text;
      if (prefixOnly && fixed) {
        prefixed.push({ cell: row.name.address, name, fixed });
        continue;
      }
      const what = found.map((f) => f.zh).join("、");
      report({
        cell: row.name.address,
        message: fixed
          ? {
              zh: `三级指标名称“${name}”带有${what}，应改为“${fixed}”。`,
              en: `The 三级 indicator name "${name}" carries ${found.map((f) => f.en).join(", ")}; it should read "${fixed}".`,
            }
          : {
              zh: `名称仍为模板占位内容：三级指标“${name}”带有${what}，请删除这些内容，按实际填写指标名称。`,
              en: `The name still holds template content: "${name}" carries ${found.map((f) => f.en).join(", ")}; remove them and write the actual indicator name.`,
            },
        ...(fixed ? { fix: [{ sheet: table.sheet, cell: row.name.address, value: fixed }] } : {}),
      });
    }
    // The template's numbering (指标1：, 指标2：…): one finding for the table, one fix for all.
    if (prefixed.length > 0) {
      const first = prefixed[0];
      report({
        cell: first.cell,
        related: prefixed.slice(1).map((p) => p.cell),
        message:
          prefixed.length === 1
            ? {
                zh: `三级指标名称“${first.name}”带有编号前缀，应改为“${first.fixed}”。`,
                en: `The 三级 indicator name "${first.name}" carries a numbering prefix; it should read "${first.fixed}".`,
              }
            : {
                zh: `本表${prefixed.length}个三级指标名称带有“指标1：”这类编号前缀（如“${first.name}”），可一次全部删除。`,
                en: `${prefixed.length} 三级 names carry a numbering prefix such as 指标1： ("${first.name}"); they can all be removed at once.`,
              },
        fix: prefixed.map((p) => ({ sheet: table.sheet, cell: p.cell, value: p.fixed })),
      });
    }
  },
};
