import { formatAmount, isNumeric, parseAmount, sumAmounts, type Decimal } from "../../amount";
import type { CellRef, GoalTable } from "../../model";
import type { Report, Rule } from "../rule";
import { lineSums, repeatedPart } from "./sum-lines";

/** The table's overall total outside the block: 资金总额 of 年度预算申请/安排, or a project's 年度资金总额. */
function overallTotal(table: GoalTable): { cell: CellRef; name: string } | undefined {
  const line = table.budget?.lines.find((l) => l.kind === "total" && l.amount && l.amount.text !== "");
  if (line?.amount) return { cell: line.amount, name: line.label.text.replace(/\s+/g, "") || "资金总额" };
  const f = table.funding?.total;
  if (f?.value && f.value.text !== "") return { cell: f.value, name: "年度资金总额" };
  return undefined;
}

const short = (s: string) => {
  const t = s.replace(/\s+/g, "");
  return [...t].length > 14 ? [...t].slice(0, 14).join("") + "…" : t;
};

export const totalAsPart: Rule = {
  id: "amount/total-as-part",
  severity: "error",
  category: "amount",
  title: { zh: "某一项金额与总额相同（总额被填成了一项）", en: "A part repeats the total" },
  docs: {
    description: {
      zh: "一个块中某一项的金额恰好等于该块的合计（或全表的资金总额），而其他各项也有金额，各项之和因此超过总额：多半是把总额填成了一项（如年度履职目标 49.8、11、171.41，其中 171.41 是资金总额，基本支出应为 110.61）。指出该项及按总额推算的应有金额；哪一边有误需由填报人确认，故不提供一键修正。",
      en: "One part of a block equals the block's 合计 (or the table's 资金总额) while the other parts hold amounts too, so the parts add up to more than the total: the total was most likely typed as a part (年度履职目标 49.8, 11, 171.41 where 171.41 is the 资金总额 and 基本支出 should be 110.61). Names the part and the amount the total implies; which is wrong is for the user to confirm, so there is no one-click fix.",
    },
    bad: "年度履职目标: 49.8 | 11 | 基本支出 171.41 (资金总额 171.41)",
    good: "年度履职目标: 49.8 | 11 | 基本支出 110.61 (资金总额 171.41)",
  },
  check(table, report) {
    const inLines = new Set<string>();
    for (const s of lineSums(table)) {
      for (const c of s.line.parts) inLines.add(c.address);
      const i = repeatedPart(s);
      if (i === undefined || !isNumeric(s.total) || !s.expected) continue;
      const label = s.line.label.text.replace(/\s+/g, "");
      report(make(s.line.parts[i], s.line.names[i] ?? "", s.total.value, s.expected, s.line.total, label, label));
    }
    // 年度履职目标 without a 合计 of its own, against the table's 资金总额.
    const duties = table.duties;
    const overall = overallTotal(table);
    if (!duties || !overall) return;
    const t = parseAmount(overall.cell);
    if (!isNumeric(t) || t.value.isZero()) return;
    const rows = duties.rows.filter((r) => r.amount && r.amount.text !== "" && !inLines.has(r.amount.address));
    const values = rows.map((r) => parseAmount(r.amount));
    if (rows.length < 2 || !values.every(isNumeric)) return;
    const sum = sumAmounts(values.map((v) => (isNumeric(v) ? v.value : t.value)));
    if (!sum.gt(t.value)) return;
    const hits = rows.filter((_, i) => {
      const v = values[i];
      return isNumeric(v) && v.value.eq(t.value);
    });
    if (hits.length !== 1) return;
    const r = hits[0];
    const name = r.item?.text || r.task?.text || r.duty?.text || "";
    const expected = t.value.minus(sum.minus(t.value));
    // The 年度预算 line of the same name holding that amount confirms it (基本支出 110.61).
    const confirm = table.budget?.lines.find(
      (l) =>
        l.kind !== "total" &&
        l.amount &&
        name !== "" &&
        l.label.text.replace(/\s+/g, "").includes(name.replace(/\s+/g, "")) &&
        (() => {
          const p = parseAmount(l.amount);
          return isNumeric(p) && p.value.eq(expected);
        })()
    );
    report(
      make(
        r.amount!,
        name,
        t.value,
        sum,
        overall.cell,
        overall.name,
        overall.name,
        confirm
          ? {
              zh: `${confirm.label.text.replace(/\s+/g, "")} ${confirm.amount!.address} 的 ${confirm.amount!.text}`,
              en: `${confirm.label.text.replace(/\s+/g, "")} ${confirm.amount!.address}, ${confirm.amount!.text}`,
            }
          : undefined
      )
    );
  },
};

function make(
  part: CellRef,
  name: string,
  total: Decimal,
  sum: Decimal,
  totalCell: CellRef,
  totalZh: string,
  totalEn: string,
  confirm?: { zh: string; en: string }
): Report {
  const places = total.decimalPlaces() > 0 || sum.decimalPlaces() > 0 || part.text.includes(".") ? 2 : 0;
  const fmt = (d: Decimal) => formatAmount(d, places);
  const expected = total.minus(sum.minus(total));
  const who = name ? `${short(name)} ` : "";
  const should = expected.gt(0)
    ? {
        zh: `；按${totalZh}，${part.address} 应为 ${fmt(expected)}`,
        en: `; by the ${totalEn}, ${part.address} should be ${fmt(expected)}`,
      }
    : { zh: "", en: "" };
  const conf = confirm ? { zh: `（与${confirm.zh} 一致）`, en: ` (as ${confirm.en} says)` } : { zh: "", en: "" };
  return {
    cell: part.address,
    related: [totalCell.address],
    message: {
      zh: `${who}${part.address} 为 ${fmt(total)}，与${totalZh} ${totalCell.address} 相同，像是把${totalZh}填成了一项：各项之和 ${fmt(sum)}，比${totalZh}多 ${fmt(sum.minus(total))}${should.zh}${conf.zh}。`,
      en: `${who}${part.address} is ${fmt(total)}, the same as the ${totalEn} ${totalCell.address}: the total seems to have been typed as a part. The parts add up to ${fmt(sum)}, ${fmt(sum.minus(total))} more than the total${should.en}${conf.en}.`,
    },
  };
}
