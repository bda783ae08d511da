import { formatDecimals, isNumeric, parseAmount, type Decimal as DecimalT } from "../../amount";
import { Decimal } from "../../amount";
import type { CellRef, SumLine } from "../../model";
import { isPercentCell } from "../../reader/sums";
import type { Report, Rule } from "../rule";
import { lineSums, type LineSum } from "./sum-lines";

/** A share in percentage points, and the decimal places it shows. */
interface Pct {
  value: DecimalT;
  places: number;
}

/** A share cell in percentage points: "74.8%" → 74.8; 0.748 formatted 0.0% → 74.8; a plain 74.8 → 74.8. */
function pct(cell: CellRef, fraction: boolean): Pct | "empty" | undefined {
  if (cell.text === "") return "empty";
  if (typeof cell.value === "string") {
    const s = cell.text.normalize("NFKC").replace(/\s+/g, "");
    const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(%?)$/.exec(s);
    if (!m) return undefined;
    const i = m[1].indexOf(".");
    return { value: new Decimal(m[1]).times(fraction && !m[2] ? 100 : 1), places: i < 0 ? 0 : m[1].length - i - 1 };
  }
  const p = parseAmount(cell);
  if (!isNumeric(p)) return undefined;
  if (isPercentCell(cell)) {
    const value = p.value.times(100);
    return { value, places: formatDecimals(cell.format) ?? Math.max(0, value.decimalPlaces()) };
  }
  const value = fraction ? p.value.times(100) : p.value;
  return { value, places: value.decimalPlaces() };
}

const HUNDRED = new Decimal(100);

/** "74.8%" as the table shows it. */
function show(v: DecimalT, places: number): string {
  return `${v.toFixed(Math.max(0, Math.min(places, 6)))}%`;
}

export const shareSum: Rule = {
  id: "amount/share-sum",
  severity: "error",
  category: "amount",
  title: { zh: "占比之和不是 100%，或占比与金额不符", en: "Shares do not add up to 100 % or do not match the amounts" },
  docs: {
    description: {
      zh: "收入构成、支出构成等块中的占比列：合计的占比须为 100%，各项占比之和须为 100%，各项占比须等于该项金额除以合计金额。占比是四舍五入后的数，故容许舍入误差：各项之和与 100% 的差不超过“每项半个末位”（保留一位小数的两项，容许 ±0.1%；33.3% + 33.3% + 33.3% = 99.9% 不报），单项占比与金额算出的比例相差不超过半个末位。空白的占比按 0 计。",
      en: "A share column (占比) in a 收入构成 / 支出构成 block: the 合计 share must be 100 %, the shares must add up to 100 %, and each share must be its amount divided by the 合计 amount. Shares are rounded, so rounding is tolerated: the sum may differ from 100 % by half a last place per share (two shares with one decimal: ±0.1 %; 33.3 % + 33.3 % + 33.3 % = 99.9 % passes), and one share from its computed ratio by half a last place. A blank share counts as 0.",
    },
    bad: "基本支出 724.23 | 74.8%;  项目支出 243.96 | 35.2%;  合计 968.19 | 100%",
    good: "基本支出 724.23 | 74.8%;  项目支出 243.96 | 25.2%;  合计 968.19 | 100%",
  },
  check(table, report) {
    const all = lineSums(table);
    for (const s of all) {
      if (!s.line.share) continue;
      // Fractions (0.748 in a General cell) when the 合计 share is a plain 1.
      const fraction =
        !isPercentCell(s.line.total) && typeof s.line.total.value === "number" && s.line.total.value === 1;
      const total = pct(s.line.total, fraction);
      const parts = s.line.parts.map((c) => pct(c, fraction));
      if (!total || total === "empty" || parts.some((p) => p === undefined)) continue;
      const filled = parts.filter((p): p is Pct => p !== "empty" && p !== undefined);
      if (filled.length === 0) continue;
      const places = Math.max(total.places, ...filled.map((p) => p.places));

      // 1. Each share against its amount, when the block has an amount column that adds up.
      const amounts = amountLine(all, s.line);
      if (amounts) {
        const bad = partMismatches(s, amounts, parts);
        for (const b of bad) report(b);
        if (bad.length > 0) continue;
      }
      // 2. The shares add up to 100 %, within half a last place per share; the 合计 share is 100 %.
      const sum = filled.reduce<DecimalT>((a, p) => a.plus(p.value), new Decimal(0));
      const tol = new Decimal(5).times(new Decimal(10).pow(-(places + 1))).times(filled.length);
      const sumOff = sum.minus(HUNDRED).abs().gt(tol);
      const totalOff = !total.value.eq(HUNDRED);
      if (!sumOff && !totalOff) continue;
      const list = s.line.parts
        .map((_, i) => {
          const p = parts[i];
          return !p || p === "empty" ? "" : `${s.line.names[i] ? s.line.names[i] + " " : ""}${show(p.value, p.places)}`;
        })
        .filter((x) => x !== "");
      const listText = list.length <= 4 ? `（${list.join(" + ")}）` : "";
      const listEn = list.length <= 4 ? ` (${list.join(" + ")})` : "";
      const cell = s.line.total.address;
      report({
        cell,
        related: s.line.parts.map((c) => c.address),
        message: sumOff
          ? {
              zh: `占比之和应为 100%，实为 ${show(sum, places)}${listText}${totalOff ? `；合计占比 ${cell} 为 ${show(total.value, places)}` : ""}。`,
              en: `The shares should add up to 100 %, but add up to ${show(sum, places)}${listEn}${totalOff ? `; the 合计 share ${cell} is ${show(total.value, places)}` : ""}.`,
            }
          : {
              zh: `合计占比 ${cell} 应为 100%，实为 ${show(total.value, places)}。`,
              en: `The 合计 share ${cell} should be 100 %, but is ${show(total.value, places)}.`,
            },
      });
    }
  },
};

/** The amount line beside a share line: same label, parts on the same rows, adding up (block-sum reports it else). */
function amountLine(all: LineSum[], share: SumLine): LineSum | undefined {
  return all.find(
    (o) =>
      !o.line.share &&
      o.line.label === share.label &&
      o.line.axis === share.axis &&
      !o.fails &&
      o.expected !== undefined &&
      isNumeric(o.total) &&
      !o.total.value.isZero() &&
      o.line.parts.length === share.parts.length &&
      o.line.parts.every((c, i) =>
        share.axis === "column" ? c.row === share.parts[i].row : c.col === share.parts[i].col
      )
  );
}

/**
 * Shares that are not their amount's ratio to the total, beyond half a last place: one finding at the first such
 * share, naming every one (a table whose amounts changed after the shares were worked out gets one finding).
 */
function partMismatches(s: LineSum, amounts: LineSum, parts: (Pct | "empty" | undefined)[]): Report[] {
  const total = amounts.total;
  if (!isNumeric(total)) return [];
  const bad: { cell: CellRef; name: string; expected: string; actual: string; amount: CellRef }[] = [];
  parts.forEach((p, i) => {
    if (!p || p === "empty") return;
    const a = amounts.parts[i];
    const amount = isNumeric(a) ? a.value : new Decimal(0);
    const exact = amount.div(total.value).times(100);
    const half = new Decimal(5).times(new Decimal(10).pow(-(p.places + 1)));
    if (exact.minus(p.value).abs().lte(half)) return;
    bad.push({
      cell: s.line.parts[i],
      name: s.line.names[i] ?? "",
      expected: show(exact.toDecimalPlaces(p.places), p.places),
      actual: show(p.value, p.places),
      amount: amounts.line.parts[i],
    });
  });
  if (bad.length === 0) return [];
  const totalCell = amounts.line.total.address;
  const one = (b: (typeof bad)[number]) => ({
    zh: `${b.name}占比 ${b.cell.address} 应为 ${b.expected}（${b.amount.address} ÷ ${totalCell}），实为 ${b.actual}`,
    en: `the share of ${b.name} ${b.cell.address} should be ${b.expected} (${b.amount.address} ÷ ${totalCell}), but is ${b.actual}`,
  });
  const texts = bad.map(one);
  return [
    {
      cell: bad[0].cell.address,
      related: [...bad.slice(1).map((b) => b.cell.address), ...bad.map((b) => b.amount.address), totalCell],
      message: {
        zh: (bad.length > 1 ? "占比与金额不符：" : "") + texts.map((t) => t.zh).join("；") + "。",
        en: (bad.length > 1 ? "The shares do not match the amounts: " : "") + texts.map((t) => t.en).join("; ") + ".",
      },
    },
  ];
}
