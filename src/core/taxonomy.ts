/**
 * The indicator taxonomy (rules.md): 一级 → 二级, with the synonyms real tables use. Names are matched the way the
 * ministry's importer does: after normalising and removing the 指标 suffix.
 */
import { normLabel } from "./text";

export type Level1Key = "output" | "benefit" | "satisfaction" | "cost";
export type Level2Key =
  | "quantity"
  | "quality"
  | "timeliness"
  | "cost"
  | "economic"
  | "social"
  | "ecological"
  | "sustainable"
  | "satisfaction"
  | "economic-cost"
  | "social-cost"
  | "ecological-cost";

export interface Level1Def {
  key: Level1Key;
  name: string;
  children: Level2Key[];
}

export interface Level2Def {
  key: Level2Key;
  name: string;
  /** What kind of value the 二级 takes, for unit checks. */
  valueKind: "count" | "rate" | "time" | "money" | "benefit" | "satisfaction";
}

export const LEVEL1: Level1Def[] = [
  { key: "output", name: "产出指标", children: ["quantity", "quality", "timeliness", "cost"] },
  { key: "benefit", name: "效益指标", children: ["economic", "social", "ecological", "sustainable"] },
  { key: "satisfaction", name: "满意度指标", children: ["satisfaction"] },
  // Since 2021 some templates make 成本指标 a 一级 of its own, with 经济/社会/生态成本指标 under it.
  { key: "cost", name: "成本指标", children: ["economic-cost", "social-cost", "ecological-cost", "cost"] },
];

export const LEVEL2: Level2Def[] = [
  { key: "quantity", name: "数量指标", valueKind: "count" },
  { key: "quality", name: "质量指标", valueKind: "rate" },
  { key: "timeliness", name: "时效指标", valueKind: "time" },
  { key: "cost", name: "成本指标", valueKind: "money" },
  { key: "economic", name: "经济效益指标", valueKind: "benefit" },
  { key: "social", name: "社会效益指标", valueKind: "benefit" },
  { key: "ecological", name: "生态效益指标", valueKind: "benefit" },
  { key: "sustainable", name: "可持续影响指标", valueKind: "benefit" },
  { key: "satisfaction", name: "服务对象满意度指标", valueKind: "satisfaction" },
  { key: "economic-cost", name: "经济成本指标", valueKind: "money" },
  { key: "social-cost", name: "社会成本指标", valueKind: "money" },
  { key: "ecological-cost", name: "生态环境成本指标", valueKind: "money" },
];

/** Accepted other names (compared after normalising and removing 指标). */
const LEVEL2_SYNONYMS: Record<string, Level2Key> = {
  环境效益: "ecological",
  生态环境效益: "ecological",
  可持续发展影响: "sustainable",
  可持续影响效益: "sustainable",
  社会公众或服务对象满意度: "satisfaction",
  服务对象满意度: "satisfaction",
  社会公众满意度: "satisfaction",
  满意度: "satisfaction",
  生态成本: "ecological-cost",
};

/** A score note ending a label: "(50分)", "(0-20)分", "(40-50)分", "(权重30%)", "(20)", "10分". */
const SCORE_NOTE =
  /(\((?:权重|分值|权重分值)?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?(?:分|%)?\)分?|\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?分)$/;

/** A label without its score note: "产出指标(50分)" → "产出指标"; other labels as they are (normalised). */
export function withoutScoreNote(name: string): string {
  const n = normLabel(name);
  const last = n.charCodeAt(n.length - 1);
  return last === 41 || last === 0x5206 ? n.replace(SCORE_NOTE, "") || n : n;
}

/** Normalised key of a taxonomy name: no whitespace, full-width folded, no score note, no 指标 suffix. */
export function taxonomyKey(name: string): string {
  return withoutScoreNote(name).replace(/指标$/, "");
}

const L1_BY_KEY = new Map(LEVEL1.map((d) => [taxonomyKey(d.name), d]));
const L2_BY_KEY = new Map(LEVEL2.map((d) => [taxonomyKey(d.name), d]));

export function findLevel1(name: string): Level1Def | undefined {
  return L1_BY_KEY.get(taxonomyKey(name));
}

const LEVEL2_CACHE = new Map<string, Level2Def | null>();

/** The 二级 definition a name stands for (synonyms and satisfaction names included). Memoised per name. */
export function findLevel2(name: string): Level2Def | undefined {
  let d = LEVEL2_CACHE.get(name);
  if (d === undefined) {
    d = lookUpLevel2(name) ?? null;
    if (LEVEL2_CACHE.size >= 10_000) LEVEL2_CACHE.clear();
    LEVEL2_CACHE.set(name, d);
  }
  return d ?? undefined;
}

function lookUpLevel2(name: string): Level2Def | undefined {
  const k = taxonomyKey(name);
  const direct =
    L2_BY_KEY.get(k) ?? (LEVEL2_SYNONYMS[k] ? LEVEL2.find((d) => d.key === LEVEL2_SYNONYMS[k]) : undefined);
  if (direct) return direct;
  // The ministry's importer maps any satisfaction 二级 to 服务对象满意度指标.
  if (/满意度/.test(k)) return LEVEL2.find((d) => d.key === "satisfaction");
  return undefined;
}

export function level2Key(name: string | undefined): Level2Key | undefined {
  return name === undefined ? undefined : findLevel2(name)?.key;
}

/** Levenshtein distance over code points; small strings only. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

/**
 * The canonical name a near miss was meant to be: "服务对象满意度指" → "服务对象满意度指标", "产出指" → "产出指标".
 * A truncated name (a prefix of a canonical one) or one within a small edit distance qualifies.
 */
export function suggestName(name: string, level: 1 | 2): string | undefined {
  const n = normLabel(name);
  if (!n) return undefined;
  const names = level === 1 ? LEVEL1.map((d) => d.name) : LEVEL2.map((d) => d.name);
  let best: { name: string; d: number } | undefined;
  for (const candidate of names) {
    if (candidate.startsWith(n) && n.length >= 2) {
      const d = candidate.length - n.length;
      if (!best || d < best.d) best = { name: candidate, d };
      continue;
    }
    const d = Math.min(editDistance(n, candidate), editDistance(n, taxonomyKey(candidate)));
    const limit = Math.max(1, Math.floor(candidate.length / 4));
    if (d <= limit && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

/** The 一级 of a 二级, for the parent checks: the first 一级 that lists it (成本指标 → 产出指标). */
export function parentOf(key: Level2Key): Level1Def | undefined {
  return LEVEL1.find((d) => d.children.includes(key));
}

/** True when a 二级 may stand under this 一级 (成本指标 under 产出指标 or under 成本指标 as a 一级 of its own). */
export function isChildOf(level2: Level2Key, level1: Level1Key): boolean {
  const parent = LEVEL1.find((d) => d.key === level1);
  if (parent?.children.includes(level2)) return true;
  // The 2015 templates (财预〔2015〕88号) list 社会公众或服务对象满意度指标 as a 二级 under 效益指标.
  return level1 === "benefit" && level2 === "satisfaction";
}

/**
 * True when a label lost the end of its 指标 suffix: "服务对象满意度指", "产出指". The importer strips only a whole
 * 指标, so such a label matches nothing there even when findLevel2 accepts it for containing 满意度.
 */
export function isTruncatedLabel(name: string): boolean {
  return /[^标]指$/.test(normLabel(name)) || normLabel(name) === "指";
}

/** True when the 二级 label is one the importer accepts as it stands: a taxonomy name, a synonym, any 满意度 name. */
export function isKnownLevel2(name: string): boolean {
  return findLevel2(name) !== undefined && !isTruncatedLabel(name);
}

/** True when the 一级 label is one the importer accepts as it stands. */
export function isKnownLevel1(name: string): boolean {
  return findLevel1(name) !== undefined && !isTruncatedLabel(name);
}

/**
 * The name a label certainly means, for an automatic fix: a label that differs from a taxonomy name only in
 * whitespace, full-width forms or the 指标 suffix, a truncated label that is the start of exactly one taxonomy name
 * ("服务对象满意度指" → 服务对象满意度指标), or a synonym whose 指标 was cut to 指 ("环境效益指" → 环境效益指标).
 * undefined when more than one name would fit, or none.
 */
export function certainName(name: string, level: 1 | 2): string | undefined {
  const n = normLabel(name);
  if (!n) return undefined;
  const defs: { name: string }[] = level === 1 ? LEVEL1 : LEVEL2;
  const exact = level === 1 ? L1_BY_KEY.get(taxonomyKey(n)) : L2_BY_KEY.get(taxonomyKey(n));
  if (exact && !isTruncatedLabel(n)) return exact.name;
  if (n.length >= 2) {
    const prefixOf = defs.filter((d) => d.name.startsWith(n) && d.name !== n);
    if (prefixOf.length === 1) return prefixOf[0].name;
    if (prefixOf.length > 1) return undefined;
  }
  if (isTruncatedLabel(n)) {
    const whole = `${n}标`;
    if (level === 2 && LEVEL2_SYNONYMS[taxonomyKey(whole)] !== undefined) return whole;
  }
  return undefined;
}

/** The 一级 a label stands for: a taxonomy name or a certain correction of one ("产出指" → 产出指标). */
export function resolveLevel1(name: string): Level1Def | undefined {
  const direct = isTruncatedLabel(name) ? undefined : findLevel1(name);
  if (direct) return direct;
  const certain = certainName(name, 1);
  return certain ? findLevel1(certain) : undefined;
}

/** The 二级 a label stands for, as resolveLevel1: a name, a synonym, a 满意度 name or a certain correction. */
export function resolveLevel2(name: string): Level2Def | undefined {
  const certain = isKnownLevel2(name) ? undefined : certainName(name, 2);
  return findLevel2(certain ?? name);
}
