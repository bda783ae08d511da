/**
 * Funding sources adding up to 年度资金总额: a project whose 资金情况 lists its sources (中央/省级/市级/县级/区级/
 * 本级/上级/地方/自有资金, numbered `1.中央资金` or `其中:中央补助`, with 其他资金 and 上年结转 beside them) instead of
 * 财政拨款 + 其他资金 (amount/project-sum checks that pair).
 *
 * Hierarchy. Sources may be parts of each other (上级资金 holds 中央 and 省级; 地方资金 holds 省级/市级/县级; a
 * `其中:` row below the first part is a part of the row above it). Where the reader cannot tell which rows are parts
 * of which, the rule says nothing: no false alarm.
 */
import { formatAmount, isNumeric, parseAmount, sumAmounts, tableDecimals, type Decimal } from "../../amount";
import type { CellRef, FundingSourceKind, GoalTable, LabelledField } from "../../model";
import type { Rule } from "../rule";

/** Sources that hold others: 上级 ⊃ 中央, 省级; 地方 ⊃ 省级, 市级, 县级, 区级, 本级. */
const HOLDS: Partial<Record<FundingSourceKind, FundingSourceKind[]>> = {
  superior: ["central", "provincial"],
  local: ["provincial", "municipal", "county", "district", "own-level"],
};

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** A source's name for a message: its label without 其中:, numbering or a colon ("其中:1.中央资金" → "中央资金"). */
export function partName(label: CellRef): string {
  return norm(label.text)
    .replace(/^其中[:：]?/, "")
    .replace(/^(\d+[.、]|[一二三四五六七八九十]+、|\(\d+\))/, "")
    .replace(/[:：]$/, "");
}

export interface SourceParts {
  /** The parts of 年度资金总额, in sheet order: label and value cell (the blank cell where a value belongs). */
  parts: { label: CellRef; value: CellRef }[];
}

/**
 * The parts 年度资金总额 adds up when the table lists sources and no 财政拨款 (else project-sum's pair or an
 * unclear hierarchy): undefined when the hierarchy is unclear or a part has no value cell.
 */
export function sourceParts(table: GoalTable): SourceParts | undefined {
  const f = table.funding;
  if (table.kind !== "project" || !f?.total || f.fiscal || !f.sources?.length) return undefined;
  const fields: LabelledField[] = [...f.sources];
  if (f.other) fields.push(f.other);
  if (f.carryover) fields.push(f.carryover);
  if (fields.some((x) => !x.value)) return undefined;
  const parts = fields
    .map((x) => ({ label: x.label, value: x.value! }))
    .sort((a, b) => a.label.row - b.label.row || a.label.col - b.label.col);
  // One column of labels (vertical) or one row (horizontal); values all in one column or row likewise.
  const oneLine = (cells: CellRef[]) =>
    cells.every((c) => c.col === cells[0].col) || cells.every((c) => c.row === cells[0].row);
  if (!oneLine(parts.map((p) => p.label)) || !oneLine(parts.map((p) => p.value))) return undefined;
  // 其中: below the first part: a part of the row above it.
  if (parts.slice(1).some((p) => /^其中/.test(norm(p.label.text)))) return undefined;
  const kinds = f.sources.map((s) => s.kind);
  if (new Set(kinds).size !== kinds.length) return undefined;
  for (const [outer, inner] of Object.entries(HOLDS))
    if (kinds.includes(outer as FundingSourceKind) && inner!.some((k) => kinds.includes(k))) return undefined;
  // The total's own label on the parts' line, between them: not a layout we know.
  const t = f.total.label;
  if (parts.some((p) => p.label.row === t.row && p.label.col === t.col)) return undefined;
  return { parts };
}

/** The sum of the parts: undefined when a part is not a number (not-a-number reports it) or every part is blank. */
export function sumOfParts(parts: SourceParts["parts"]): Decimal | undefined {
  const parsed = parts.map((p) => parseAmount(p.value));
  if (parsed.every((p) => p.kind === "empty")) return undefined;
  if (parsed.some((p) => p.kind !== "empty" && !isNumeric(p))) return undefined;
  return sumAmounts(parsed.filter(isNumeric).map((p) => p.value));
}

export const sourceSum: Rule = {
  id: "amount/source-sum",
  severity: "error",
  category: "amount",
  title: { zh: "年度资金总额不等于各资金来源之和", en: "Annual total is not the sum of its funding sources" },
  docs: {
    description: {
      zh: "资金情况按来源列出（中央、省级、市级、县级、区级、本级、上级、地方、自有资金、其他资金，如“1.中央资金”“其中:中央补助”）而没有财政拨款一栏时，年度资金总额须等于各来源之和；空白的来源按 0 计，按精确的十进制比较。财政拨款加其他资金的表由 amount/project-sum 检查。看不清来源之间的层级（如上级资金与中央资金并列、“其中”行出现在中间）时不作判断。年度资金总额为空时由 structure/missing-funding 报告。",
      en: "When 资金情况 lists its sources (中央, 省级, 市级, 县级, 区级, 本级, 上级, 地方, 自有资金, 其他资金, as `1.中央资金` or `其中:中央补助`) and has no 财政拨款 line, 年度资金总额 must equal the sum of the sources; a blank source counts as 0, compared in exact decimal arithmetic. Tables with 财政拨款 + 其他资金 are amount/project-sum's. Where the hierarchy of the sources is unclear (上级资金 beside 中央资金, a 其中 row in the middle) nothing is said. An empty 年度资金总额 is structure/missing-funding's.",
    },
    bad: "年度资金总额 153.52 | 1.中央资金 50 | 2.市级资金 153.52 | 3.区级资金 (空)",
    good: "年度资金总额 203.52 | 1.中央资金 50 | 2.市级资金 153.52 | 3.区级资金 (空)",
  },
  check(table, report) {
    const found = sourceParts(table);
    const total = table.funding?.total?.value;
    if (!found || !total) return;
    const own = parseAmount(total);
    if (!isNumeric(own)) return; // empty: structure/missing-funding; text: amount/not-a-number
    const expected = sumOfParts(found.parts);
    if (!expected || own.value.eq(expected)) return;
    const decimals = tableDecimals(table);
    const fmt = (d: Decimal) => formatAmount(d, decimals);
    const values = found.parts.map((p) => {
      const v = parseAmount(p.value);
      return isNumeric(v) ? fmt(v.value) : "0";
    });
    const names = found.parts.map((p) => `${partName(p.label)} ${p.value.address}`).join(" + ");
    const diff = fmt(own.value.minus(expected).abs());
    report({
      cell: total.address,
      related: found.parts.map((p) => p.value.address),
      message: {
        zh: `年度资金总额 ${total.address} 为 ${fmt(own.value)}，各资金来源 ${names} = ${values.join(" + ")} = ${fmt(expected)}，相差 ${diff}；请核对总额或漏填、多填的来源。`,
        en: `The annual total (年度资金总额) ${total.address} is ${fmt(own.value)}, but its sources ${names} = ${values.join(" + ")} = ${fmt(expected)} (off by ${diff}); check the total or a missing or extra source.`,
      },
    });
  },
};
