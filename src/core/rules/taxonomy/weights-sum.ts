import Decimal from "decimal.js";
import type { Rule } from "../rule";
import type { CellRef } from "../../model";
import { rowLevel1 } from "./labels";

/** A weight as a number: 10, "10", "10分", "10%". */
function weightOf(cell: CellRef | undefined): Decimal | undefined {
  if (!cell) return undefined;
  if (typeof cell.value === "number") return new Decimal(cell.value);
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:分|%)?\s*$/.exec(cell.text.normalize("NFKC"));
  return m ? new Decimal(m[1]) : undefined;
}

export const weightsSum: Rule = {
  id: "taxonomy/weights-sum",
  severity: "error",
  category: "taxonomy",
  title: { zh: "三级指标权重合计不等于100", en: "三级 weights do not add up to 100" },
  docs: {
    description: {
      zh: "表中设有权重（分值）栏时，预算管理一体化系统要求三级指标的权重合计为100；表中注明了总分（如“权重分值90分”，另10分为预算执行）时，合计应等于注明的总分。产出或效益指标整块缺失时不再重复提示。",
      en: "Where the table has a 权重 (分值) column, the ministry's platform requires the 三级 weights to add up to 100; where the table states its total (权重分值90分, the other 10 going to budget execution), they must add up to that. Not reported again when a whole 产出 or 效益 block is missing.",
    },
    bad: "权重 10+20+10+10+10+10+10+10 = 90",
    good: "权重 合计 100",
  },
  check(table, report) {
    const block = table.indicators;
    if (!block) return;
    const rows = block.rows.filter((r) => r.name && r.score && r.score.text !== "");
    if (rows.length === 0) return;
    const weights = rows.map((r) => weightOf(r.score));
    if (weights.some((w) => w === undefined)) return; // a weight that is not a number: nothing to add up
    // A table missing its 产出 or 效益 rows cannot add up; taxonomy/missing-output or missing-benefit says so.
    const named = block.rows.filter((r) => r.name);
    if (!named.some((r) => rowLevel1(r)?.key === "output") || !named.some((r) => rowLevel1(r)?.key === "benefit"))
      return;
    const total = weights.reduce<Decimal>((a, w) => a.plus(w!), new Decimal(0));
    const expected = new Decimal(block.statedScore?.max ?? 100);
    if (total.eq(expected)) return;
    const first = rows[0].score!;
    const last = rows[rows.length - 1].score!;
    const range = first.col === last.col ? `${first.address}:${last.address}` : `${first.address}…${last.address}`;
    const stated = block.statedScore ? `（表中注明总分${expected.toString()}分）` : "";
    report({
      cell: first.address,
      related: rows.slice(1).map((r) => r.score!.address),
      message: {
        zh: `三级指标权重合计为${total.toString()}，应为${expected.toString()}${stated}（${range}）。`,
        en: `The 三级 weights add up to ${total.toString()}, not ${expected.toString()} (${range}).`,
      },
    });
  },
};
