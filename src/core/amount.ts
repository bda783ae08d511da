/**
 * Money in goal tables: reading an amount cell (总额, 财政拨款, 其他资金, 合计, 年度资金总额) as an exact decimal.
 *
 * Tolerance policy. Excel stores numbers as binary doubles but shows and computes with at most 15 significant
 * digits, so a cell holding 1899.1899999999998 is 1899.19 to Excel and to the person who typed it. Every number is
 * therefore normalised to 15 significant digits (`n.toPrecision(15)`) and from then on handled as an exact
 * decimal (decimal.js): 0.1 + 0.2 is exactly 0.3. After that normalisation, comparisons are EXACT: there is no
 * tolerance of a cent or two, because rules.md counts a 合计 that is off by a few cents as a real error (the
 * ministry's platform recomputes the totals itself and rejects the table).
 */
import DecimalBase from "decimal.js";
import type { CellRef, GoalTable } from "./model";
import { EXCEL_ERRORS, isCellError } from "./snapshot";

/** Decimal with room to spare: sums of 15-digit amounts never round. */
export const Decimal = DecimalBase.clone({ precision: 40 });
// The constructor and its instance type share one name, as a class would.
// eslint-disable-next-line no-redeclare
export type Decimal = DecimalBase;

export type AmountParse =
  | { kind: "empty" }
  /** A number cell. `decimals`: places of the 15-digit value with trailing zeros stripped (the format adds none). */
  | { kind: "number"; value: Decimal; decimals: number }
  /** A numeric string typed as text ("356.99", " 1,278.00 ", full-width digits): the value is certain. */
  | { kind: "text-number"; value: Decimal; decimals: number; text: string }
  /**
   * Text that is not a plain number: "854万", "O.00", "壹佰元". `suggested` only when the number is certain
   * (lookalike letters among digits: "O.00" → 0.00, "1O0" → 100). `number`/`unit` when a number is followed by a
   * unit ("854万"): the unit makes the amount uncertain, so it is no suggestion. `label` when the cell writes its
   * label and amount together, as some published forms print them (`财政拨款:6923.3552万元(其中:…)`,
   * `三、其他:3683.3970万元`): the label as written, `number` the amount and `unit` its unit ("" when none).
   */
  | { kind: "text"; text: string; suggested?: Decimal; number?: Decimal; unit?: string; label?: string }
  | { kind: "error"; code: string }
  | { kind: "boolean"; value: boolean };

/** The numeric kinds: a value is known. */
export type NumericParse = Extract<AmountParse, { kind: "number" | "text-number" }>;

export function isNumeric(p: AmountParse): p is NumericParse {
  return p.kind === "number" || p.kind === "text-number";
}

/** Plain decimal, optionally with thousands separators in groups of three. */
const PLAIN_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
/** Letters that look like digits, next to digits or a decimal point. */
const LOOKALIKE_RE = /[OoIl]/g;

/**
 * Memo of a pure function of a number or a string, emptied when it grows large. Decimals are immutable, so one
 * instance can be shared by every caller: a table repeats the same amounts and formats across its rules.
 */
function memo<K, V>(f: (k: K) => V, limit = 4096): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined && !cache.has(k)) {
      if (cache.size >= limit) cache.clear();
      v = f(k);
      cache.set(k, v);
    }
    return v as V;
  };
}

/** The Decimal of a double, as Excel sees it: 15 significant digits. */
export const decimalOfNumber: (n: number) => Decimal = memo((n: number) => new Decimal(n.toPrecision(15)));

/** Places after the decimal point as typed ("120.50" → 2, "30" → 0). */
function typedDecimals(s: string): number {
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

/** A plain or grouped numeric string → its Decimal and typed decimals; undefined when it is not one. */
const numericString = memo((s: string): { value: Decimal; decimals: number } | undefined => {
  if (!PLAIN_RE.test(s) && !GROUPED_RE.test(s)) return undefined;
  const plain = s.replace(/,/g, "");
  return { value: new Decimal(plain.endsWith(".") ? plain.slice(0, -1) : plain), decimals: typedDecimals(plain) };
});

export function parseAmount(cell: CellRef | undefined): AmountParse {
  if (!cell) return { kind: "empty" };
  const v = cell.value;
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (isCellError(v)) return { kind: "error", code: v.error };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "error", code: "#NUM!" };
    const value = decimalOfNumber(v === 0 ? 0 : v);
    return { kind: "number", value, decimals: value.decimalPlaces() };
  }
  const raw = String(v);
  const trimmed = raw.trim();
  if (trimmed === "") return { kind: "empty" };
  if (EXCEL_ERRORS.includes(trimmed.toUpperCase())) return { kind: "error", code: trimmed.toUpperCase() };
  // NFKC folds full-width digits, point and comma; spaces inside ("1 278.00") are dropped.
  const s = trimmed.normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
  const plain = numericString(s);
  if (plain) return { kind: "text-number", value: plain.value, decimals: plain.decimals, text: trimmed };

  // Lookalike letters among digits: "O.00", "1O0", "2l.5". Certain only when every letter is one of them and
  // the string has a real digit or a decimal point.
  if (/[0-9.]/.test(s) && /^[+-]?[0-9.,OoIl]+$/.test(s) && LOOKALIKE_RE.test(s)) {
    LOOKALIKE_RE.lastIndex = 0;
    const fixed = numericString(s.replace(LOOKALIKE_RE, (c) => (c === "O" || c === "o" ? "0" : "1")));
    LOOKALIKE_RE.lastIndex = 0;
    if (fixed) return { kind: "text", text: trimmed, suggested: fixed.value };
  }
  LOOKALIKE_RE.lastIndex = 0;

  // A number with a unit or currency sign: "854万", "356.99元", "¥1,278.00".
  const unitMatch = /^([¥￥$]?)([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([^\d]*)$/.exec(s);
  if (unitMatch && (unitMatch[1] || unitMatch[3])) {
    const n = numericString(unitMatch[2]);
    if (n) return { kind: "text", text: trimmed, number: n.value, unit: unitMatch[1] + unitMatch[3] };
  }
  const labelled = labelledAmount(s);
  if (labelled) return { kind: "text", text: trimmed, ...labelled };
  return { kind: "text", text: trimmed };
}

/**
 * "label:amount" in one cell: an optional list number (`三、`, `1.`, `（一）`), a label of Chinese characters, a colon,
 * an amount with an optional unit (元/万元/亿元, with or without 人民币), and an optional note in brackets.
 * Anything else (two amounts, words after the amount) is not read.
 */
const LABELLED_RE =
  /^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|[(（][一二三四五六七八九十\d]+[)）])?([\u4e00-\u9fa5]{2,12})[:：]([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)((?:人民币)?(?:亿元|万元|元)?)(?:[(（][^()（）]*[)）])?[。;；]?$/;

function labelledAmount(s: string): { label: string; number: Decimal; unit: string } | undefined {
  const m = LABELLED_RE.exec(s);
  if (!m) return undefined;
  const n = numericString(m[2]);
  if (!n) return undefined;
  return { label: m[1], number: n.value, unit: m[3].replace(/^人民币/, "") };
}

/** The exact sum of amounts. */
export function sumAmounts(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((s, v) => s.plus(v), new Decimal(0));
}

/** An amount shown with the table's decimals (more when the amount itself has more): 1899.19, 30.00. */
export function formatAmount(value: Decimal, decimals: number): string {
  return value.toFixed(Math.max(decimals, value.decimalPlaces()));
}

/** A Decimal as the number a fix writes into the cell. */
export function amountNumber(value: Decimal): number {
  return value.toNumber();
}

export type AmountColumn = "total" | "fiscal" | "other" | "carryover";

/** Where an amount cell stands in the table. */
export interface AmountCell {
  cell: CellRef;
  column: AmountColumn;
  /** task: a row of 年度主要任务; total-row: the 合计 row; funding: a project's 资金情况. */
  role: "task" | "total-row" | "funding";
  /** The task row (role task) or the 合计 row (role total-row). */
  row?: { row: number; name?: CellRef };
}

/** Every amount cell of the table: task amounts, the 合计 row, a project's funding values. */
export function amountCells(table: GoalTable): AmountCell[] {
  const out: AmountCell[] = [];
  const cols = ["total", "fiscal", "other"] as const;
  const tasks = table.tasks;
  if (table.kind === "department" && tasks) {
    const rows = [...tasks.rows, ...(tasks.totalRow ? [tasks.totalRow] : [])].sort((a, b) => a.row - b.row);
    for (const r of rows) {
      const role = r === tasks.totalRow ? "total-row" : "task";
      for (const c of cols) {
        const cell = r[c];
        if (cell) out.push({ cell, column: c, role, row: { row: r.row, name: r.name } });
      }
    }
  }
  const f = table.funding;
  if (table.kind === "project" && f) {
    for (const c of ["total", "fiscal", "other", "carryover"] as const) {
      const cell = f[c]?.value;
      if (cell) out.push({ cell, column: c, role: "funding" });
    }
  }
  return out;
}

/** Decimal places a number format shows: "0.00" → 2, "#,##0.000000_ " → 6; undefined for General, "@", "0". */
export function formatDecimals(format: string | undefined): number | undefined {
  return format ? formatPlaces(format) : undefined;
}

const formatPlaces = memo((format: string): number | undefined => {
  const first = format.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  const m = /[0#]\.(0+)/.exec(first);
  return m ? m[1].length : undefined;
});

/**
 * The decimal places the table uses. Each numeric amount counts with the places it uses: its own (value as typed,
 * trailing zeros stripped) or, when more, those its number format shows. The table's count is the most common
 * one shared by at least two amounts (integers in a General format say nothing), ties to the larger, and at
 * least 2 — 万元 with two decimals is the practice (rules.md), and in 元 tables two places are the cents. A table
 * that consistently uses six places (one local guide asks for six) gets 6; a lone amount with more places does not
 * set the count.
 */
export function tableDecimals(table: GoalTable): number {
  const counts = new Map<number, number>();
  for (const a of amountCells(table)) {
    const p = parseAmount(a.cell);
    if (!isNumeric(p)) continue;
    const places = Math.max(p.decimals, p.kind === "number" ? (formatDecimals(a.cell.format) ?? 0) : 0);
    if (places === 0) continue;
    counts.set(places, (counts.get(places) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 1;
  for (const [d, n] of counts) {
    if (n > bestCount || (n === bestCount && n >= 2 && d > best)) {
      best = d;
      bestCount = n;
    }
  }
  return Math.max(2, best);
}

/**
 * A number as whole millionths when that is exact: the double is the one nearest to x / 10^6 for an integer x below
 * 10^15 (so its 15-digit value is x millionths). Undefined for anything else (more places, 0.1 + 0.2 as JavaScript
 * adds it, huge amounts): those go through Decimal.
 */
function millionths(v: number): number | undefined {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e9) return undefined;
  const x = Math.round(v * 1e6);
  return x / 1e6 === v ? x : undefined;
}

/**
 * Whether number cells add up to a total, decided without Decimal when every cell is a plain number of at most six
 * places (the common case, and much cheaper on long blocks): true or false, exactly; undefined when a cell is text,
 * an error or a number the fast path cannot take (the caller then uses parseAmount and Decimal). Blank parts are 0.
 */
export function addsUpFast(total: CellRef, parts: readonly CellRef[]): boolean | undefined {
  if (typeof total.value !== "number") return undefined;
  const t = millionths(total.value);
  if (t === undefined) return undefined;
  let sum = 0;
  for (const c of parts) {
    const v = c.value;
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "number") return undefined;
    const x = millionths(v);
    if (x === undefined) return undefined;
    sum += x;
    if (Math.abs(sum) >= 9e15) return undefined;
  }
  return sum === t;
}
