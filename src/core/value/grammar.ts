/**
 * The grammar of 指标值, shared by every rule that looks at a value:
 *
 *   value        = quantitative | date | qualitative
 *   quantitative = [operator] number unit [note]        "≥2次", ">=85%", "＝100％", "≤1.5万元", "1600元/亩"
 *   operator     = "≥" | "＞" | "＝" | "＜" | "≤"  (and ASCII ">=", "<=", ">", "<", "=", full-width forms, look-alikes
 *                  "≧ ≦ ═ ﹦ ＞＝", and words: "不低于95%", "95%以上", "控制在3万元以内")
 *   number       = digits [. digits], thousands separated or not ("44,561")
 *   unit         = "%" (also written "百分比") | 次 | 万元 | 元/亩 …
 *   date         = [YYYY年] M月 [D日 | 底] [前|之前|以前] | YYYY.M.D[前] | YYYY-M-D   "2021年12月31日前"
 *   qualitative  = text without a number                   "提升", "有效落实"
 *
 * parseValue never throws; what it finds odd goes into `problems` for the rules to judge in context.
 */

export type Operator = "≥" | ">" | "=" | "<" | "≤";

export type ValueProblem =
  | { code: "placeholder"; text: string }
  | { code: "forbidden-char"; char: string }
  | { code: "two-operators"; text: string }
  | { code: "operator-without-number" }
  | { code: "fullwidth"; text: string }
  | { code: "lookalike-digit"; text: string; fixed: string }
  | { code: "negative" }
  | { code: "note"; text: string }
  /** The operator is a word or a look-alike sign ("不低于", "以上", "≧", "═"): `fixed` is the value with the sign. */
  | { code: "word-operator"; text: string; fixed: string }
  /** The unit is written as a word: "百分比" for "%". */
  | { code: "unit-word"; text: string; fixed: string };

export interface ParsedValue {
  raw: string;
  kind: "empty" | "quantitative" | "date" | "qualitative";
  /** Canonical operator, when one was written. */
  operator?: Operator;
  /** The operator as typed (">=", "＞＝", "≥"). */
  operatorText?: string;
  /** The number as a plain decimal string ("1.5"), digits folded to ASCII. */
  number?: string;
  /** The unit after the number ("次", "%", "万元", "元/亩"), "" when none. */
  unit?: string;
  /** Text in brackets after the value: "100%(历史标准)" → "历史标准". */
  note?: string;
  date?: { year?: number; month: number; day?: number };
  problems: ValueProblem[];
}

const OPERATOR_MAP: Record<string, Operator> = {
  "≥": "≥",
  "≧": "≥",
  ">=": "≥",
  "=>": "≥",
  "≤": "≤",
  "≦": "≤",
  "<=": "≤",
  "=<": "≤",
  ">": ">",
  "<": "<",
  "=": "=",
  "==": "=",
  "═": "=",
};

/** Words that say the operator, before the number: "不低于95%", "控制在3万元以内". Longest first. */
const WORD_BEFORE: [RegExp, Operator][] = [
  [/^(大于或等于|大于等于|不低于|不少于|不小于|不得低于|不得少于|达到|至少)/, "≥"],
  [/^(小于或等于|小于等于|不超过|不高于|不大于|不多于|不得超过|不得高于|控制在|最多)/, "≤"],
  [/^(高于|超过|大于|多于)/, ">"],
  [/^(低于|少于|小于)/, "<"],
  [/^(等于)/, "="],
];
/** Words that say the operator, after the value: "95%以上", "3个工作日以内". */
const WORD_AFTER: [RegExp, Operator][] = [
  [/(及以上|以上)$/, "≥"],
  [/(及以下|以下|以内|之内)$/, "≤"],
];

/** The sign a canonical operator is written with in a fix. */
const SIGN: Record<Operator, string> = { "≥": "≥", ">": "＞", "=": "＝", "<": "＜", "≤": "≤" };

/**
 * A value whose operator is a word ("不低于95%", "95%以上") or a look-alike sign ("≧95%", "═100%"), rewritten with
 * the standard sign ("≥95%"); undefined when the value has no such operator.
 */
function wordOperator(s: string): { op: Operator; word: string; rest: string } | undefined {
  for (const [re, op] of WORD_BEFORE) {
    const m = re.exec(s);
    if (!m) continue;
    let rest = s.slice(m[0].length);
    if (!/^[0-9.]/.test(rest)) return undefined;
    if (m[1] === "控制在") rest = rest.replace(/(以内|之内|以下)$/, "");
    return { op, word: m[1], rest };
  }
  if (/^[0-9.]/.test(s))
    for (const [re, op] of WORD_AFTER) {
      const m = re.exec(s);
      if (m && !/[0-9]年|[0-9]月/.test(s)) return { op, word: m[1], rest: s.slice(0, m.index) };
    }
  return undefined;
}

/** Operators pointing "up" (more is better): ≥ > =. */
export function isPositive(op: Operator): boolean {
  return op === "≥" || op === ">" || op === "=";
}

/** Placeholders left from templates: ≥**%, ……, 指标2:, XX, ＊. */
const PLACEHOLDER_RE = /\*+|＊+|…+|\.{3,}|。{2,}|指标\s*\d+\s*[:：]|[xX×]{2,}|[（(]\s*[）)]|^[?？]+$|待定|待填/;

/** Letters that look like digits, next to digits (1OO%, O.00, 5l): the reader's eye says number, Excel says text. */
const LOOKALIKE_RE = /(?<=[0-9.])[OoIl]|[OoIl](?=[0-9.%])/g;

const PARSE_CACHE = new Map<string, ParsedValue>();

/**
 * Parses a value. Memoised (bounded): a table repeats the same few values ("=100%", "≥95%") on many rows. The result
 * is shared between callers and must not be changed.
 */
export function parseValue(input: string | null | undefined): ParsedValue {
  const key = input ?? "";
  let parsed = PARSE_CACHE.get(key);
  if (parsed === undefined) {
    parsed = parseUncached(key);
    if (PARSE_CACHE.size >= 20_000) PARSE_CACHE.clear();
    PARSE_CACHE.set(key, parsed);
  }
  return parsed;
}

function parseUncached(input: string): ParsedValue {
  const raw = input.trim();
  const problems: ValueProblem[] = [];
  if (raw === "") return { raw, kind: "empty", problems };

  const ph = PLACEHOLDER_RE.exec(raw);
  if (ph) problems.push({ code: "placeholder", text: ph[0] });
  if (/[０-９％．]/.test(raw)) problems.push({ code: "fullwidth", text: raw.match(/[０-９％．]+/)![0] });

  // NFKC folds full-width digits, ％, ＞, ＝; ≥ and ≤ are left as they are.
  let s = raw.normalize("NFKC").replace(/\s+/g, "");
  if (LOOKALIKE_RE.test(s)) {
    LOOKALIKE_RE.lastIndex = 0;
    const fixed = s.replace(LOOKALIKE_RE, (c) => (c === "O" || c === "o" ? "0" : "1"));
    if (/[0-9]/.test(fixed)) {
      problems.push({ code: "lookalike-digit", text: raw, fixed });
      s = fixed;
    }
  }
  LOOKALIKE_RE.lastIndex = 0;

  for (const ch of ["*", "_", "-"]) {
    // A negative sign right before a number is reported as negative, not as a forbidden character.
    const withoutSign = ch === "-" ? s.replace(/^([<>=≥≤≧≦]*)-(?=[0-9])/, "$1") : s;
    if (withoutSign.includes(ch) || (ch === "*" && raw.includes("＊")))
      problems.push({ code: "forbidden-char", char: ch });
  }

  // A note in brackets at the end: "100%(历史标准)".
  const noteMatch = /^(.*?[0-9%].*?)[(（[【]([^()（）]*)[)）\]】]$/.exec(s);
  if (noteMatch && noteMatch[2] !== "") {
    problems.push({ code: "note", text: noteMatch[2] });
    s = noteMatch[1];
  }

  const word = /^[<>=≥≤≧≦═]/.test(s) ? undefined : wordOperator(s);
  if (word) {
    problems.push({ code: "word-operator", text: word.word, fixed: SIGN[word.op] + word.rest });
    s = SIGN[word.op].normalize("NFKC") + word.rest;
  } else if (/^(≧|≦|═)/.test(s)) {
    const op = OPERATOR_MAP[s[0]];
    problems.push({ code: "word-operator", text: s[0], fixed: SIGN[op] + s.slice(1) });
  }

  const opMatch = /^[<>=≥≤≧≦═]+/.exec(s);
  const opText = opMatch?.[0] ?? "";
  const rest = s.slice(opText.length);
  const operator = opText ? OPERATOR_MAP[opText] : undefined;
  if (opText && !operator) problems.push({ code: "two-operators", text: opText });
  else if (/[<>=≥≤≧≦═]/.test(rest.replace(/^[-+]?[0-9.]+/, ""))) {
    const second = rest.match(/[<>=≥≤≧≦═]+/)![0];
    problems.push({ code: "two-operators", text: opText + "…" + second });
  }

  const date = parseDate(rest);
  if (date) return { raw, kind: "date", operator, operatorText: word?.word ?? (opText || undefined), date, problems };

  const num = /^([-+]?)([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)/.exec(rest);
  if (!num) {
    if (opText) problems.push({ code: "operator-without-number" });
    return { raw, kind: "qualitative", operator, operatorText: word?.word ?? (opText || undefined), problems };
  }
  if (num[1] === "-") problems.push({ code: "negative" });
  const digits = num[2].replace(/,/g, "");
  const number = digits.startsWith(".") ? "0" + digits : digits;
  let unit = rest.slice(num[0].length);
  if (unit === "百分比" || unit === "百分率") {
    problems.push({ code: "unit-word", text: unit, fixed: "%" });
    unit = "%";
  }
  const out: ParsedValue = { raw, kind: "quantitative", number, unit, problems };
  if (word) out.operatorText = word.word;
  else if (opText) out.operatorText = opText;
  if (operator) out.operator = operator;
  if (noteMatch && noteMatch[2] !== "") out.note = noteMatch[2];
  return out;
}

/** "2021年12月31日前", "12月底前", "2021年12月", "年底前" is qualitative (no number). */
function parseDate(s: string): ParsedValue["date"] | undefined {
  // "2022.12.31前", "2022-12-31", "2022/12/31": the date written with separators.
  const sep = /^((?:19|20)[0-9]{2})([./-])([0-9]{1,2})\2([0-9]{1,2})日?(?:前|之前|以前|内|完成)?$/.exec(s);
  if (sep) {
    const month = Number(sep[3]);
    const day = Number(sep[4]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return { year: Number(sep[1]), month, day };
  }
  const m =
    /^(?:((?:19|20)[0-9]{2})年)?([0-9]{1,2})月(?:([0-9]{1,2})日|底|末|中旬|上旬|下旬)?(?:前|之前|以前|内|完成)?$/.exec(
      s
    );
  if (!m) {
    const y = /^((?:19|20)[0-9]{2})年(?:底|末|内|度)?(?:前|之前|以前|完成)?$/.exec(s);
    return y ? { year: Number(y[1]), month: 12 } : undefined;
  }
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : undefined;
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return { ...(m[1] ? { year: Number(m[1]) } : {}), month, ...(day ? { day } : {}) };
}

/** Units a measured target is given in: counts, lengths, areas, weights, durations (数量指标 and the like). */
export const MEASURE_UNITS: readonly string[] = [
  "次",
  "人",
  "人次",
  "个",
  "座",
  "处",
  "份",
  "台",
  "部",
  "期",
  "项",
  "户",
  "株",
  "亩",
  "公里",
  "千米",
  "米",
  "平方米",
  "平方公里",
  "立方米",
  "家",
  "所",
  "间",
  "套",
  "件",
  "册",
  "本",
  "场",
  "批",
  "条",
  "篇",
  "辆",
  "只",
  "头",
  "吨",
  "棵",
  "名",
  "支",
  "班",
  "班次",
  "天",
  "日",
  "月",
  "年",
  "小时",
  "课时",
  "学时",
  "张",
  "幅",
  "块",
  "根",
  "组",
  "类",
  "期次",
  "万人次",
  "万人",
  "万株",
  "万亩",
  "万元",
  "元",
  "间次",
  "户次",
  "种",
  "栋",
  "所次",
  "村",
  "个村",
  "平米",
  "公顷",
  "m²",
  "个工作日",
  "工作日",
  "分钟",
  "位",
  "公斤",
  "千克",
  "km",
  "㎡",
];

/** Units that are dates rather than amounts: "2021年" in a name is a year, not a target. */
export const DATE_UNITS: readonly string[] = ["年", "月", "日"];

/** Units that are money: 万元, 元, and rates such as 元/亩, 万元/人. */
export function isMoneyUnit(unit: string): boolean {
  return /^(亿元|万元|千元|元)(\/.+)?$/.test(unit);
}

/** Head-count units, where a fraction makes no sense. */
export function isHeadCountUnit(unit: string): boolean {
  return /^(人|人次|名|户|户次)$/.test(unit);
}
