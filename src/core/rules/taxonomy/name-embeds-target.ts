import type { IndicatorRow } from "../../model";
import type { Rule } from "../rule";
import { DATE_UNITS, MEASURE_UNITS, parseValue } from "../../value/grammar";

const NUM = "[0-9０-９]+(?:[.．][0-9０-９]+)?";
/** An operator followed by a number anywhere: "培训人数≥50人", "合格率>=95%". */
const OPERATOR_TARGET = new RegExp(`(?:>=|<=|=>|=<|[≥≤≧≦＞＜＝><=])\\s*${NUM}\\s*[%％‰]?`);
/** A percentage anywhere, except a rank ("前10%"): "…达标率100%". */
const PERCENT_TARGET = new RegExp(`(?<![0-9０-９.．前后])${NUM}\\s*[%％‰]`);
/** Measurement units a count, amount or duration target ends in, longest first for the regex. Dates and years
 * (年, 月, 日) are left out. */
const UNITS = [...MEASURE_UNITS.filter((u) => !DATE_UNITS.includes(u))].sort((x, y) => y.length - x.length);
/** A number and a unit that end the name: "培训教师50人", "道路长度3.5公里（以上）". Not an ordinal ("第3期"). */
const UNIT_TARGET = new RegExp(
  `(?<![0-9０-９.．第])${NUM}\\s*(?:万|千|百|亿)?(?:${UNITS.join("|")})(?:[（(]?(?:以上|以下|以内)[)）]?)?\\s*[)）]?\\s*$`
);
/** Words that lead into a target and go with it: "合格率达到95%" → "合格率". */
const LEAD = /(?:达到|达|不低于|不少于|不超过|不高于|不大于|不小于|高于|低于|超过|大于|小于|控制在|为|在)$/;

/** The target a 三级 name embeds ("100%", "≥50人"), with the name as it should read when the target can go. */
export function embeddedTarget(name: string): { target: string; cleaned?: string } | undefined {
  const text = name.trim();
  const m = OPERATOR_TARGET.exec(text) ?? PERCENT_TARGET.exec(text) ?? UNIT_TARGET.exec(text);
  if (!m) return undefined;
  let start = m.index;
  let end = m.index + m[0].length;
  // The unit after an operator and number ("≥50人"), and the bracket around the target ("（≥50人）").
  const tail = new RegExp(`^\\s*(?:万|千|百|亿)?(?:${UNITS.join("|")})?(?:[（(]?(?:以上|以下|以内)[)）]?)?`).exec(
    text.slice(end)
  );
  if (tail) end += tail[0].length;
  // A closing bracket the match took in belongs to an opening one before the target, or to nothing.
  if (/[)）]$/.test(text.slice(start, end)) && !/[（(]/.test(text.slice(start, end))) end -= 1;
  const target = text.slice(start, end).trim();
  const before = text.slice(0, start).trimEnd();
  const close = /^\s*[)）]/.exec(text.slice(end));
  if (/[（(]$/.test(before) && close) {
    start = before.length - 1;
    end += close[0].length;
  }
  if (text.slice(end).trim() !== "") return { target };
  const cleaned = text
    .slice(0, start)
    .trimEnd()
    .replace(LEAD, "")
    .replace(/[，,：:、\s]+$/, "");
  return cleaned ? { target, cleaned } : { target };
}

function valueText(row: IndicatorRow): string {
  return [row.operator, row.value, row.unit].map((c) => c?.text ?? "").join("");
}

export const nameEmbedsTarget: Rule = {
  id: "taxonomy/name-embeds-target",
  severity: "warning",
  category: "taxonomy",
  title: { zh: "三级指标名称中含有目标值", en: "Target inside a 三级 name" },
  docs: {
    description: {
      zh: "三级指标名称只说明衡量什么，目标值写在指标值一栏。名称中带有目标（如“…达标率100%”而指标值为“≥98%”）会造成两处不一致，审核时会被质疑。",
      en: "A 三级 indicator name says what is measured; the target goes in the value column. A name carrying its own target (…达标率100% with the value ≥98%) says two things and a reviewer will query it.",
    },
    bad: "培训人数≥50人 | ≥50人",
    good: "培训人数 | ≥50人",
  },
  check(table, report) {
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name) continue;
      const found = embeddedTarget(row.name.text);
      if (!found) continue;
      const name = row.name.text;
      const value = valueText(row);
      const where = value
        ? { zh: `（现为“${value}”）`, en: ` (now ${value})` }
        : { zh: "（现为空）", en: " (now empty)" };
      // "村组干部230人" with the unit 个: the name and the value disagree on the unit too.
      const nameUnit = /(?:[0-9０-９.．]+)\s*([^\s0-9０-９.．()（）]+?)(?:[（(]?(?:以上|以下|以内)[)）]?)?$/.exec(
        found.target
      )?.[1];
      const valueUnit = value ? parseValue(value).unit : undefined;
      const unitClash =
        nameUnit && valueUnit && nameUnit.normalize("NFKC") !== valueUnit
          ? {
              zh: `名称中的单位“${nameUnit}”与计量单位“${valueUnit}”不一致；`,
              en: ` The name says ${nameUnit} but the unit is ${valueUnit}.`,
            }
          : { zh: "", en: "" };
      const rename = found.cleaned
        ? { zh: `名称可改为“${found.cleaned}”。`, en: ` The name could read "${found.cleaned}".` }
        : { zh: "请从名称中删去目标值。", en: " Take the target out of the name." };
      report({
        cell: row.name.address,
        related: row.value ? [row.value.address] : [],
        message: {
          zh: `三级指标名称“${name}”中含有目标值“${found.target}”；目标值只应填在指标值一栏${where.zh}。${unitClash.zh}${rename.zh}`,
          en: `The 三级 indicator name "${name}" embeds the target ${found.target}; the target belongs in the value column only${where.en}.${unitClash.en}${rename.en}`,
        },
      });
    }
  },
};
