/**
 * A goal table as plain data, independent of where its cells go. The layout builder (layout.ts) lays a spec out
 * on a sheet in one of many layouts; tests then read it back and compare.
 */

/** An amount as the user typed it: a number, or text (amounts typed as text are a real-world variation). */
export type AmountSpec = number | string | null;

export interface TaskSpec {
  name: string;
  content: string;
  total: AmountSpec;
  fiscal: AmountSpec;
  other: AmountSpec;
}

export interface IndicatorSpec {
  level1: string;
  level2: string;
  /** 三级 name; omit for an empty 二级 row. */
  name?: string;
  /** 指标值 as typed, e.g. "≥2次" (merged form). The split form derives its columns from it unless given. */
  value?: string;
  remark?: string;
}

export interface DepartmentSpec {
  kind: "department";
  title: string;
  year: number;
  name: string;
  tasks: TaskSpec[];
  /** The 合计 row as typed; omitted → the exact sums of the tasks. */
  total?: { total: AmountSpec; fiscal: AmountSpec; other: AmountSpec };
  goal: string;
  indicators: IndicatorSpec[];
}

export interface ProjectSpec {
  kind: "project";
  title: string;
  year: number;
  name: string;
  department: string;
  implementer: string;
  attribute?: string;
  period?: string;
  manager?: string;
  funding: { total: AmountSpec; fiscal: AmountSpec; other: AmountSpec; carryover?: AmountSpec };
  goals: { midTerm?: string; annual: string };
  indicators: IndicatorSpec[];
}

export type TableSpec = DepartmentSpec | ProjectSpec;
