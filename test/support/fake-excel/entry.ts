/**
 * How the fake Excel takes a value written through `Range.values` or `Range.formulas`, as Excel does when a user
 * types it: "=…" becomes a formula, "'…" stays text (the apostrophe is not part of the value, it sets the cell's
 * quotePrefix flag), "12.5" becomes a number, "50%" a number with a percent format, "2021-3-1" a date serial,
 * "TRUE" a boolean. A cell formatted as Text ("@") keeps any string as text. Numbers and booleans are kept as they are.
 *
 * And a small formula evaluator (numbers, cell references, + - * / %, comparisons, SUM, N, ISTEXT), enough for the
 * formulas goal tables hold (=D7+E7, =SUM(D7:D17)) so the fake's cached values follow a fix.
 */
import { parseCell, parseRange, type RangePosition } from "../../../src/core/address";
import { isCellError, type CellValue } from "../../../src/core/snapshot";
import { cellsOf, type FakeCell, type FakeSheetState } from "./model";

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/**
 * Applies one value written through `values` or `formulas` to a cell (mutates it). Both take typed input the same
 * way: the Range.values docs say a value starting with "+", "-" or "=" is taken for a formula; "@" is Excel's
 * implicit-intersection operator, so "@abc" becomes a formula too.
 */
export function enterValue(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null in a 2-D write leaves the cell alone
  delete cell.formula;
  delete cell.quotePrefix;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s === "") {
    cell.value = null;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const isText = cell.numberFormat === "@";
  if (s.startsWith("=") && s.length > 1 && !isText) {
    cell.formula = s;
    cell.value = 0; // computed by recalculate()
    return;
  }
  if (!isText && /^[+\-@]./.test(s) && !NUMBER_RE.test(s.replace(/%$/, ""))) {
    cell.formula = "=" + s;
    cell.value = 0;
    return;
  }
  if (isText) {
    cell.value = s;
    return;
  }
  const parsed = parseTyped(s);
  if (parsed) {
    cell.value = parsed.value;
    if (parsed.format && (!cell.numberFormat || cell.numberFormat === "General")) cell.numberFormat = parsed.format;
    return;
  }
  cell.value = s;
}

/** What Excel makes of typed text that is not a formula: a number, percent, date, boolean or error; else null. */
export function parseTyped(s: string): { value: CellValue; format?: string } | null {
  const t = s.trim();
  if (t === "") return null;
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  if (ERRORS.includes(t.toUpperCase())) return { value: { error: t.toUpperCase() } };
  const pct = /^(.*)%$/.exec(t);
  if (pct && NUMBER_RE.test(pct[1]) && /\d/.test(pct[1])) {
    return { value: Number(pct[1].replace(/,/g, "")) / 100, format: /\./.test(pct[1]) ? "0.00%" : "0%" };
  }
  if (NUMBER_RE.test(t) && /\d/.test(t)) return { value: Number(t.replace(/,/g, "")) };
  const date = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(t);
  if (date) {
    const serial = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== null) return { value: serial, format: "yyyy/m/d" };
  }
  return null;
}

/** Excel's 1900 date system serial number. */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
  return days;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

type Scalar = number | string | boolean | { error: string } | null;

class EvalError extends Error {
  constructor(public excelError: string) {
    super(excelError);
  }
}

/** Recomputes every formula cell of the sheet (a few passes, enough for the short chains goal tables have). */
export function recalculate(sheet: FakeSheetState): void {
  const formulaCells = Object.entries(sheet.cells).filter(([, c]) => c.formula);
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const [, cell] of formulaCells) {
      const v = evaluate(cell.formula as string, sheet);
      if (JSON.stringify(v) !== JSON.stringify(cell.value)) {
        cell.value = v;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** Evaluates a formula ("=…") on a sheet; unknown syntax gives #NAME?. */
export function evaluate(formula: string, sheet: FakeSheetState): CellValue {
  try {
    const p = new Parser(formula.replace(/^=/, ""), sheet);
    const v = p.comparison();
    p.end();
    if (Array.isArray(v)) throw new EvalError("#VALUE!");
    return v === null ? 0 : (v as CellValue);
  } catch (e) {
    if (e instanceof EvalError) return { error: e.excelError };
    return { error: "#NAME?" };
  }
}

class Parser {
  private i = 0;
  constructor(
    private src: string,
    private sheet: FakeSheetState
  ) {}

  end(): void {
    this.ws();
    if (this.i < this.src.length) throw new Error("trailing input");
  }

  comparison(): Scalar | Scalar[] {
    const left = this.expr();
    this.ws();
    const m = /^(<>|<=|>=|=|<|>)/.exec(this.src.slice(this.i));
    if (!m) return left;
    this.i += m[1].length;
    const right = this.expr();
    const a = scalar(left);
    const b = scalar(right);
    const cmp = compare(a, b);
    switch (m[1]) {
      case "=":
        return cmp === 0;
      case "<>":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  }

  expr(): Scalar | Scalar[] {
    let v = this.term();
    for (;;) {
      this.ws();
      const ch = this.src[this.i];
      if (ch !== "+" && ch !== "-") return v;
      this.i++;
      const r = this.term();
      v = ch === "+" ? num(v) + num(r) : num(v) - num(r);
    }
  }

  term(): Scalar | Scalar[] {
    let v = this.factor();
    for (;;) {
      this.ws();
      const ch = this.src[this.i];
      if (ch !== "*" && ch !== "/") return v;
      this.i++;
      const r = num(this.factor());
      if (ch === "/" && r === 0) throw new EvalError("#DIV/0!");
      v = ch === "*" ? num(v) * r : num(v) / r;
    }
  }

  factor(): Scalar | Scalar[] {
    this.ws();
    const ch = this.src[this.i];
    if (ch === "-") {
      this.i++;
      return -num(this.factor());
    }
    if (ch === "+") {
      this.i++;
      return this.factor();
    }
    let v = this.primary();
    this.ws();
    while (this.src[this.i] === "%") {
      this.i++;
      v = num(v) / 100;
    }
    return v;
  }

  primary(): Scalar | Scalar[] {
    this.ws();
    const rest = this.src.slice(this.i);
    let m = /^(\d+(\.\d+)?([eE][+-]?\d+)?|\.\d+)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    m = /^"((?:[^"]|"")*)"/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    m = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)/.exec(rest);
    if (m) throw new EvalError(m[0]);
    m = /^(TRUE|FALSE)\b(?!\()/i.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[1].toUpperCase() === "TRUE";
    }
    m = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const args: (Scalar | Scalar[])[] = [];
      this.ws();
      if (this.src[this.i] !== ")") {
        for (;;) {
          args.push(this.comparison());
          this.ws();
          if (this.src[this.i] === ",") {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.ws();
      if (this.src[this.i] !== ")") throw new Error("missing )");
      this.i++;
      return callFunction(m[1].toUpperCase(), args);
    }
    m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const text = m[0].replace(/\$/g, "");
      if (text.includes(":")) return [...cellsOf(parseRange(text))].map((c) => this.valueAt(c.address));
      return this.valueAt(text);
    }
    if (this.src[this.i] === "(") {
      this.i++;
      const v = this.comparison();
      this.ws();
      if (this.src[this.i] !== ")") throw new Error("missing )");
      this.i++;
      return v;
    }
    throw new Error("unexpected input");
  }

  private valueAt(address: string): Scalar {
    parseCell(address);
    const v = this.sheet.cells[address]?.value ?? null;
    if (isCellError(v)) throw new EvalError(v.error);
    return v;
  }

  private ws(): void {
    while (this.src[this.i] === " ") this.i++;
  }
}

function scalar(v: Scalar | Scalar[]): Scalar {
  if (Array.isArray(v)) throw new EvalError("#VALUE!");
  return v;
}

function num(v: Scalar | Scalar[]): number {
  const s = scalar(v);
  if (s === null) return 0;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  if (typeof s === "string") {
    if (NUMBER_RE.test(s.trim()) && /\d/.test(s)) return Number(s.trim().replace(/,/g, ""));
    throw new EvalError("#VALUE!");
  }
  throw new EvalError(s.error);
}

function compare(a: Scalar, b: Scalar): number {
  const na = a === null ? 0 : a;
  const nb = b === null ? 0 : b;
  if (typeof na === "number" && typeof nb === "number") return na - nb;
  return String(na).localeCompare(String(nb));
}

function callFunction(name: string, args: (Scalar | Scalar[])[]): Scalar {
  switch (name) {
    case "SUM": {
      let total = 0;
      for (const a of args) {
        if (Array.isArray(a)) {
          for (const v of a) if (typeof v === "number") total += v;
        } else total += num(a);
      }
      return total;
    }
    case "N": {
      const v = scalar(args[0] ?? null);
      return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
    }
    case "ISTEXT":
      return typeof scalar(args[0] ?? null) === "string";
    case "ROUND": {
      const f = 10 ** num(args[1] ?? 0);
      return Math.round(num(args[0] ?? 0) * f) / f;
    }
    default:
      throw new EvalError("#NAME?");
  }
}

export type { RangePosition };
