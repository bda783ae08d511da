/**
 * The adapter between the reader's model and the neutral expectations of types.ts: it maps what the reader found
 * (src/core/model) to cell addresses by field, then lists every difference from the expectation. When the model
 * changes (new money blocks, several indicator blocks), only this file follows. Follows the model of i9-reader
 * (funding sources, 年度履职目标, 收入/支出构成, 年度预算申请, list layout).
 */
import type { CellRef, GoalTable, LabelledField, MoneyLine, SheetReading } from "../../src/core/model";
import type { AmountAt, IndicatorBlockAt, MoneyBlockAt, ReadExpectation, TableRead } from "./types";

interface ReadAmount {
  label: string;
  value?: string;
  text?: string;
}
interface ReadMoneyBlock {
  total?: ReadAmount;
  parts: ReadAmount[];
}

function amount(f: LabelledField | undefined): ReadAmount | undefined {
  if (!f) return undefined;
  return { label: f.label.address, value: f.value?.address, text: f.value?.text };
}

function cellAmount(label: CellRef | undefined, value: CellRef | undefined): ReadAmount | undefined {
  if (!label) return undefined;
  return { label: label.address, value: value?.address, text: value?.text };
}

function lines(ls: MoneyLine[]): ReadMoneyBlock {
  const total = ls.find((l) => l.kind === "total");
  return {
    total: total ? cellAmount(total.label, total.amount) : undefined,
    parts: ls.filter((l) => l !== total).map((l) => cellAmount(l.label, l.amount)!),
  };
}

/**
 * Every money block of the model as label/value cells: 资金情况 (funding; the whole-project total 项目资金总额 /
 * 资金总额, when given beside the annual one, as a block of its own), 年度主要任务 (tasks), 年度履职目标 (duties,
 * each row labelled by its 支出项目名称, else its task or duty cell), 收入构成 and 支出构成 (composition), 年度预算申请 /
 * 年度预算安排 (budget).
 */
export function moneyBlocks(t: GoalTable): ReadMoneyBlock[] {
  const blocks: ReadMoneyBlock[] = [];
  if (t.funding) {
    const f = t.funding;
    const parts = [f.fiscal, f.other, f.carryover, ...(f.sources ?? [])]
      .map(amount)
      .filter((a): a is ReadAmount => !!a);
    const total = amount(f.total);
    if (total || parts.length > 0) blocks.push({ total, parts });
    if (f.projectTotal) blocks.push({ total: amount(f.projectTotal), parts: [] });
  }
  if (t.tasks) {
    const tr = t.tasks.totalRow;
    blocks.push({
      total: tr ? { label: tr.label.address, value: tr.total?.address, text: tr.total?.text } : undefined,
      parts: t.tasks.rows
        .filter((r) => r.name)
        .map((r) => ({ label: r.name!.address, value: r.total?.address, text: r.total?.text })),
    });
  }
  if (t.duties) {
    const d = t.duties;
    blocks.push({
      total: d.totalRow ? cellAmount(d.totalRow.label, d.totalRow.amount) : undefined,
      parts: d.rows.map((r) => cellAmount(r.item ?? r.task ?? r.duty, r.amount)).filter((a): a is ReadAmount => !!a),
    });
  }
  if (t.composition) {
    if (t.composition.income.length > 0) blocks.push(lines(t.composition.income));
    if (t.composition.expense.length > 0) blocks.push(lines(t.composition.expense));
  }
  if (t.budget) blocks.push(lines(t.budget.lines));
  return blocks;
}

export function indicatorBlocks(t: GoalTable): IndicatorBlockAt[] {
  // A 长期 block apart from the annual one comes first on the sheet.
  return [t.longTermIndicators, t.indicators].flatMap((b) => (b ? [blockAt(b)] : []));
}

function blockAt(b: NonNullable<GoalTable["indicators"]>): IndicatorBlockAt {
  const rows = b.rows.filter((r) => (r.name && r.name.text !== "") || (r.value && r.value.text !== ""));
  const at = (r: (typeof rows)[number]) => ({
    name: r.name?.text ? r.name.address : undefined,
    level2: r.level2?.address,
    value: r.value?.address ?? "",
  });
  if (rows.length === 0) return { header: b.header.address, rows: 0, first: { value: "" }, last: { value: "" } };
  return { header: b.header.address, rows: rows.length, first: at(rows[0]), last: at(rows[rows.length - 1]) };
}

function sameAmount(where: string, exp: AmountAt, got: ReadAmount | undefined, problems: string[]): void {
  if (!got) {
    problems.push(`${where}: ${exp.label} not read`);
    return;
  }
  if (got.label !== exp.label) problems.push(`${where}: label at ${got.label}, expected ${exp.label}`);
  if (exp.blank) {
    if (got.value !== undefined && (got.value !== exp.value || got.text !== ""))
      problems.push(`${where}: blank ${exp.value} read as ${got.value} “${got.text ?? ""}”`);
  } else if (got.value !== exp.value)
    problems.push(`${where}: value at ${got.value ?? "(none)"}, expected ${exp.value}`);
}

function compareMoney(exp: MoneyBlockAt[], got: ReadMoneyBlock[], problems: string[]): void {
  const used = new Set<number>();
  for (const e of exp) {
    const labels = new Set([e.total?.label, ...e.parts.map((p) => p.label)].filter(Boolean));
    const i = got.findIndex(
      (g, k) => !used.has(k) && [g.total?.label, ...g.parts.map((p) => p.label)].some((l) => l && labels.has(l))
    );
    if (i < 0) {
      problems.push(`money block ${e.block} not read`);
      continue;
    }
    used.add(i);
    const g = got[i];
    if (e.total) sameAmount(`${e.block} total`, e.total, g.total, problems);
    else if (g.total) problems.push(`${e.block}: read a total at ${g.total.label}, the block has none`);
    for (const p of e.parts)
      sameAmount(
        `${e.block} part`,
        p,
        g.parts.find((x) => x.label === p.label),
        problems
      );
    for (const x of g.parts)
      if (!e.parts.some((p) => p.label === x.label)) problems.push(`${e.block}: read an extra amount at ${x.label}`);
  }
  got.forEach((g, k) => {
    if (!used.has(k))
      problems.push(`read a money block the table does not have (at ${g.total?.label ?? g.parts[0]?.label})`);
  });
}

function compareIndicators(exp: IndicatorBlockAt[], got: IndicatorBlockAt[], problems: string[]): void {
  if (exp.length !== got.length) problems.push(`${got.length} indicator block(s) read, expected ${exp.length}`);
  exp.forEach((e, i) => {
    const g = got.find((x) => x.header === e.header) ?? got[i];
    if (!g) return;
    if (g.header !== e.header) problems.push(`indicator header at ${g.header}, expected ${e.header}`);
    if (g.rows !== e.rows) problems.push(`${g.rows} indicator rows read, expected ${e.rows}`);
    for (const [which, er, gr] of [
      ["first", e.first, g.first],
      ["last", e.last, g.last],
    ] as const) {
      if (er.name !== undefined && gr.name !== er.name)
        problems.push(`${which} indicator name at ${gr.name ?? "(none)"}, expected ${er.name}`);
      if (er.level2 !== undefined && gr.level2 !== er.level2)
        problems.push(`${which} indicator 二级 at ${gr.level2 ?? "(none)"}, expected ${er.level2}`);
      if (gr.value !== er.value)
        problems.push(`${which} indicator value at ${gr.value || "(none)"}, expected ${er.value}`);
    }
  });
}

export function compareTable(e: TableRead, t: GoalTable): string[] {
  const problems: string[] = [];
  if (t.kind !== e.kind) problems.push(`kind ${t.kind}, expected ${e.kind}`);
  if (e.year === null) {
    if (t.year) problems.push(`year ${t.year.value} at ${t.year.cell}, but the table prints none`);
  } else if (e.year !== "unchecked") {
    if (!t.year) problems.push(`no year, expected ${e.year.value} at ${e.year.cell}`);
    else if (t.year.value !== e.year.value || t.year.cell !== e.year.cell)
      problems.push(`year ${t.year.value} at ${t.year.cell}, expected ${e.year.value} at ${e.year.cell}`);
  }
  if (!t.name) problems.push(`no name, expected ${e.name.label} → ${e.name.value}`);
  else if (t.name.label.address !== e.name.label || t.name.value?.address !== e.name.value)
    problems.push(
      `name ${t.name.label.address} → ${t.name.value?.address ?? "(none)"}, expected ${e.name.label} → ${e.name.value}`
    );
  for (const g of e.goals) {
    const got = t.goals.find((x) => x.label.address === g.label);
    if (!got) problems.push(`goal ${g.label} not read`);
    else if (got.value?.address !== g.value)
      problems.push(`goal ${g.label} text at ${got.value?.address ?? "(none)"}, expected ${g.value}`);
  }
  compareMoney(e.money, moneyBlocks(t), problems);
  compareIndicators(e.indicators, indicatorBlocks(t), problems);
  return problems;
}

/** Every difference between what the reader found on the sheet and the expectation ([] when they agree). */
export function compareReading(exp: ReadExpectation, reading: Pick<SheetReading, "tables" | "notATable">): string[] {
  if ("notATable" in exp) {
    if (reading.tables.length > 0)
      return [`read ${reading.tables.length} goal table(s); expected “not a goal table” (${exp.notATable.because})`];
    const reason = reading.notATable?.reason.zh ?? "";
    return reason.includes(exp.notATable.reasonMustContain)
      ? []
      : [`not-a-table reason “${reason}” does not say “${exp.notATable.reasonMustContain}”`];
  }
  const problems: string[] = [];
  if (reading.tables.length !== exp.tables.length)
    problems.push(
      `${reading.tables.length} table(s) read, expected ${exp.tables.length}` +
        (reading.notATable ? ` (reader: ${reading.notATable.reason.zh})` : "")
    );
  exp.tables.forEach((e, i) => {
    const t = reading.tables[i];
    if (t) problems.push(...compareTable(e, t).map((p) => (exp.tables.length > 1 ? `table ${i + 1}: ${p}` : p)));
  });
  return problems;
}
