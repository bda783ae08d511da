/**
 * What a new year's template carries over from last year's table: the names, the tasks (without amounts), the goal
 * text and the indicators, grouped under the taxonomy. Amounts are never carried: a new budget year has new money.
 */
import type { CellRef, GoalTable, IndicatorRow } from "../model";
import { LEVEL1, LEVEL2, parentOf, resolveLevel1, resolveLevel2, type Level1Key } from "../taxonomy";
import { normLabel } from "../text";
import { parseValue } from "../value/grammar";

/** An indicator value, in the merged form (one text) or the split form (its five columns). */
export type CarriedValue =
  | { form: "merged"; text: string }
  | { form: "split"; nature: string; direction: string; operator: string; target: string | number; unit: string };

export interface CarriedIndicator {
  name: string;
  value?: CarriedValue;
}

export interface IndicatorGroup2 {
  name: string;
  rows: CarriedIndicator[];
}

export interface IndicatorGroup1 {
  name: string;
  level2: IndicatorGroup2[];
}

/** Everything a template writes besides its labels. Empty strings for what is to be filled. */
export interface TemplateContent {
  name: string;
  tasks: { name: string; content: string }[];
  project: { department: string; implementer: string; attribute: string; period: string; manager: string };
  goals: { overall: string; midTerm: string; annual: string };
  indicators: IndicatorGroup1[];
}

/** The three standard 一级 with their 二级, in the ministry's order. 成本指标 as a 一级 is added only when used. */
export function standardGroups(): IndicatorGroup1[] {
  return LEVEL1.filter((d) => d.key !== "cost").map((d) => ({
    name: d.name,
    level2: d.children.map((k) => ({ name: LEVEL2.find((l) => l.key === k)!.name, rows: [] })),
  }));
}

export function emptyContent(): TemplateContent {
  return {
    name: "",
    tasks: [],
    project: { department: "", implementer: "", attribute: "", period: "", manager: "" },
    goals: { overall: "", midTerm: "", annual: "" },
    indicators: standardGroups(),
  };
}

/** A cell's text as the user typed it (trimmed); "" for an empty or missing cell. */
function text(cell: CellRef | undefined): string {
  if (!cell) return "";
  return typeof cell.value === "string" ? cell.value.trim() : cell.text;
}

/** A label's text on one line: "服务对象\n满意度指标" → "服务对象满意度指标". */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, "").trim();
}

/**
 * The content of `table` for a new template of kind `kind`: names and tasks only from a table of the same kind;
 * goal text and indicators from any.
 */
export function contentFrom(table: GoalTable, kind: GoalTable["kind"], keepValues: boolean): TemplateContent {
  const c = emptyContent();
  const same = table.kind === kind;
  if (same && table.name?.value) {
    const v = table.name.value;
    // "部门（单位）名称：中共乌尔禾区委组织部" in one cell: keep what follows the colon.
    c.name = v.address === table.name.label.address ? text(v).replace(/^[^:：]*[:：]\s*/, "") : text(v);
  }
  if (same && table.tasks) {
    for (const r of table.tasks.rows) {
      const name = text(r.name);
      const content = text(r.content);
      if (name !== "" || content !== "") c.tasks.push({ name, content });
    }
  }
  if (same && table.project) {
    const p = table.project;
    c.project = {
      department: text(p.department?.value),
      implementer: text(p.implementer?.value),
      attribute: text(p.attribute?.value),
      period: text(p.period?.value),
      manager: text(p.manager?.value),
    };
  }
  const goal = (k: string) => text(table.goals.find((g) => g.kind === k)?.value);
  const overall = goal("overall") || goal("annual");
  c.goals = { overall, annual: goal("annual") || goal("overall"), midTerm: goal("mid-term") };
  c.indicators = groupIndicators(table, keepValues);
  return c;
}

/**
 * The named indicator rows of `table`, placed in the standard groups: a known 二级 (or synonym, or certain
 * correction: 服务对象满意度指 → 服务对象满意度指标) goes under its canonical name, whatever 一级 it stood under;
 * an unknown 二级 stays under its 一级 as a group of its own, after the standard ones; an unknown 一级 keeps its
 * label, after the standard groups.
 */
export function groupIndicators(table: GoalTable, keepValues: boolean): IndicatorGroup1[] {
  const groups = standardGroups();
  const block = table.indicators;
  if (!block) return groups;
  const level1Group = (name: string, key?: Level1Key): IndicatorGroup1 => {
    let g = groups.find((x) => normLabel(x.name) === normLabel(name));
    if (!g) {
      g = { name, level2: [] };
      // 成本指标 as a 一级 of its own stands right after 产出指标, as in the templates that use it.
      if (key === "cost") groups.splice(1, 0, g);
      else groups.push(g);
    }
    return g;
  };
  const level2Group = (g1: IndicatorGroup1, name: string): IndicatorGroup2 => {
    let g = g1.level2.find((x) => normLabel(x.name) === normLabel(name));
    if (!g) {
      g = { name, rows: [] };
      g1.level2.push(g);
    }
    return g;
  };
  for (const row of block.rows) {
    if (!row.name || row.name.text === "") continue;
    const l1Text = oneLine(text(row.level1));
    const l2Text = oneLine(text(row.level2));
    const l1 = l1Text ? resolveLevel1(l1Text) : undefined;
    const l2 = l2Text ? resolveLevel2(l2Text) : undefined;
    let g2: IndicatorGroup2;
    if (l2) {
      // 成本指标 under a 成本 一级 goes to 产出指标 › 成本指标 unless the table used the 成本 一级 on purpose.
      const underCost = l1?.key === "cost" && l1.children.includes(l2.key) && l2.key !== "cost";
      const parent = underCost ? l1 : (parentOf(l2.key) ?? l1);
      g2 = level2Group(level1Group(parent?.name ?? l1Text, parent?.key), l2.name);
    } else {
      g2 = level2Group(level1Group(l1?.name ?? l1Text, l1?.key), l2Text);
    }
    const carried: CarriedIndicator = { name: text(row.name) };
    const value = keepValues ? carriedValue(row, block.form) : undefined;
    if (value) carried.value = value;
    g2.rows.push(carried);
  }
  return groups;
}

function carriedValue(row: IndicatorRow, form: "merged" | "split"): CarriedValue | undefined {
  if (form === "merged") {
    const t = text(row.value);
    return t === "" ? undefined : { form: "merged", text: t };
  }
  const target = row.value && typeof row.value.value === "number" ? row.value.value : text(row.value);
  const v: CarriedValue = {
    form: "split",
    nature: text(row.nature),
    direction: text(row.direction),
    operator: text(row.operator),
    target,
    unit: text(row.unit),
  };
  return v.nature || v.direction || v.operator || v.target !== "" || v.unit ? v : undefined;
}

/** Dictionary forms of the operators, as the ministry's split-form templates write them. */
const DICTIONARY_OPERATOR: Record<string, string> = { "≥": "≥", ">": "＞", "=": "＝", "<": "＜", "≤": "≤" };

/** A value in the form the template uses: "≥2次" ⇄ 定量 | 正向 | ≥ | 2 | 次. */
export function convertValue(v: CarriedValue, form: "merged" | "split"): CarriedValue {
  if (v.form === form) return v;
  if (v.form === "split") {
    const qualitative = normLabel(v.operator) === "定性" || normLabel(v.nature) === "定性";
    const t = qualitative ? String(v.target) : `${v.operator}${v.target}${v.unit}`;
    return { form: "merged", text: t };
  }
  const p = parseValue(v.text);
  if (p.kind !== "quantitative" || p.number === undefined) {
    return { form: "split", nature: "定性", direction: "", operator: "定性", target: v.text, unit: "" };
  }
  const op = p.operator ?? "=";
  const positive = op === "≥" || op === ">" || op === "=";
  return {
    form: "split",
    nature: "定量",
    direction: positive ? "正向" : "反向",
    operator: DICTIONARY_OPERATOR[op],
    target: Number(p.number),
    unit: p.unit ?? "",
  };
}
