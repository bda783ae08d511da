import { Decimal, isNumeric, parseAmount, sumAmounts } from "../../amount";
import type { CellRef, IndicatorRow, ScoreNote } from "../../model";
import type { Rule } from "../rule";
import { runs } from "./formula";

/** A weight or score as typed: 10, "10", "10分", "10%". Undefined when it is text that is no number. */
function scoreOf(cell: CellRef): Decimal | "empty" | undefined {
  if (cell.text === "") return "empty";
  const p = parseAmount(cell);
  if (isNumeric(p)) return p.value;
  if (p.kind === "text" && p.number && (p.unit === "分" || p.unit === "%")) return p.number;
  return undefined;
}

const fmt = (d: Decimal) => d.toFixed(Math.min(d.decimalPlaces(), 2));

/** Per-一级 notes written into the stated total: "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标…30分)". */
function notesInStated(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /(产出|效益|满意度|成本)指标[^0-9,，;；)）]*?(\d+(?:\.\d+)?)分/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text.normalize("NFKC"))) !== null) out.set(m[1] + "指标", Number(m[2]));
  return out;
}

function within(sum: Decimal, note: ScoreNote): boolean {
  return note.min === undefined ? sum.eq(note.max) : sum.gte(note.min) && sum.lte(note.max);
}

const noteText = (n: ScoreNote) => (n.min === undefined ? `${n.max} 分` : `${n.min}-${n.max} 分`);

export const weightSum: Rule = {
  id: "amount/weight-sum",
  severity: "error",
  category: "amount",
  title: {
    zh: "三级指标权重（分值）之和与表中所注总分不符",
    en: "Indicator weights do not add up to the stated total",
  },
  docs: {
    description: {
      zh: "表中有权重或分值一栏时，各三级指标的权重之和须等于表中注明的总分：绩效指标一栏标题所注的分值（如“权重分值90分”），2021 年以后模板“年度绩效目标 90 分 + 预算执行 10 分”时为 90，未注明时为 100（预算管理一体化系统要求）。一级指标注有分值（“产出指标(50分)”、分值区间“(40-50)分”，或总分说明中的“其中产出指标权重分值50分”）时，其下三级指标的权重之和须等于该分值（或落在区间内）；某个一级指标注明分值却没有任何三级指标时不核总分（缺少指标另有规则）。",
      en: "When the indicators have a 权重 / 分值 column, the 三级 weights must add up to the total the table states: the score on the indicator block's label (权重分值90分), 90 in the 2021+ template with 年度绩效目标 90分 + 预算执行 10分, else 100 (the ministry's platform requires it). A 一级 label with a score note (产出指标(50分), a band (40-50)分, or 其中产出指标权重分值50分 in the stated total) must get that sum from its 三级 rows (or one within the band); when a noted 一级 has no rows at all the total is not checked (missing indicators have their own rules).",
    },
    bad: "权重 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 = 90 (nothing stated)",
    good: "权重 10 + 20 + 10 + 10 + 10 + 10 + 10 + 20 = 100",
  },
  check(table, report) {
    const ind = table.indicators;
    if (!ind || ind.columns.score === undefined) return;
    const be = ind.budgetExecution;
    const isBE = (r: IndicatorRow) => !!be && r.level1?.address === be.label.address;
    const rows = ind.rows.filter((r) => r.name && r.name.text !== "" && r.score && !isBE(r));
    const scores = rows.map((r) => scoreOf(r.score!));
    if (scores.some((s) => s === undefined)) return; // text in the column: not weights we can add
    const numeric = scores.filter((s): s is Decimal => s instanceof Decimal);
    if (numeric.length === 0) return;
    const blanks = scores.filter((s) => s === "empty").length;

    // 1. Each 一级 with a note gets its note from its rows.
    const stated = ind.statedScore;
    const statedNotes = stated ? notesInStated(stated.text) : new Map<string, number>();
    const groups = new Map<string, { label: CellRef; name: string; note?: ScoreNote; idx: number[] }>();
    // By name: 一级 labels may be merged, repeated on every row, or the rows in any order (a list).
    rows.forEach((r, i) => {
      if (!r.level1) return;
      const name = (r.level1Name ?? r.level1.text).replace(/\s+/g, "");
      const g = groups.get(name) ?? { label: r.level1, name, note: r.level1Score, idx: [] };
      g.note ??= r.level1Score;
      g.idx.push(i);
      groups.set(name, g);
    });
    let level1Off = false;
    for (const g of groups.values()) {
      const fromStated = statedNotes.get(g.name);
      const note = g.note ?? (fromStated !== undefined ? { max: fromStated, text: `${fromStated}分` } : undefined);
      if (!note) continue;
      const vals = g.idx.map((i) => scores[i]).filter((s): s is Decimal => s instanceof Decimal);
      const sum = sumAmounts(vals);
      if (within(sum, note)) continue;
      level1Off = true;
      const cells = g.idx.map((i) => rows[i].score!);
      const range = runs(cells).join("、");
      report({
        cell: g.label.address,
        related: cells.map((c) => c.address),
        message: {
          zh: `“${g.name}”注明 ${noteText(note)}，其下三级指标的权重（分值）之和为 ${fmt(sum)}（${range}）。`,
          en: `${g.name} states ${note.min === undefined ? note.max : `${note.min}-${note.max}`} points, but the weights of its 三级 indicators add up to ${fmt(sum)} (${runs(cells).join(", ")}).`,
        },
      });
    }
    if (level1Off) return;
    // A noted 一级 without rows: the table is incomplete (taxonomy/missing-* report it), the total cannot hold.
    const present = new Set([...groups.values()].map((g) => g.name));
    if ([...statedNotes.keys()].some((n) => !present.has(n))) return;

    // 2. The whole: the stated total, 100 − 预算执行, or 100.
    const sum = sumAmounts(numeric);
    const beRows = ind.rows.filter((r) => isBE(r) && r.score);
    const beScores = beRows.map((r) => scoreOf(r.score!)).filter((s): s is Decimal => s instanceof Decimal);
    const beScore =
      be?.score && be.score.min === undefined
        ? new Decimal(be.score.max)
        : beScores.length
          ? sumAmounts(beScores)
          : undefined;
    const single = stated && stated.min === undefined ? new Decimal(stated.max) : undefined;
    const expected = single ?? (beScore ? new Decimal(100).minus(beScore) : new Decimal(100));
    if (sum.eq(expected)) return;
    if (stated && stated.min !== undefined && sum.gte(stated.min) && sum.lte(stated.max)) return;
    // 预算执行 printed without its score: 90 (+10) and 100 are both read as meant.
    if (!single && be && !beScore && sum.eq(90)) return;
    const cells = rows.map((r) => r.score!);
    const first = cells.find((c) => c.text !== "") ?? cells[0];
    const why = single
      ? { zh: `表中注明 ${fmt(single)} 分（${stated!.cell}）`, en: `the table states ${fmt(single)} (${stated!.cell})` }
      : beScore
        ? { zh: `100 分减去预算执行 ${fmt(beScore)} 分`, en: `100 less ${fmt(beScore)} for 预算执行` }
        : { zh: "未注明总分时为 100", en: "100 when no total is stated" };
    const blank = blanks ? { zh: `，其中 ${blanks} 行未填`, en: `, ${blanks} of them blank` } : { zh: "", en: "" };
    report({
      cell: first.address,
      related: cells.filter((c) => c !== first).map((c) => c.address),
      message: {
        zh: `三级指标的权重（分值）之和应为 ${fmt(expected)}（${why.zh}），实为 ${fmt(sum)}（${runs(cells).join("、")}${blank.zh}）。`,
        en: `The weights of the 三级 indicators should add up to ${fmt(expected)} (${why.en}), but add up to ${fmt(sum)} (${runs(cells).join(", ")}${blank.en}).`,
      },
    });
  },
};
