/**
 * The labels the reader looks for, as predicates over normalised text (normLabel: NFKC, no whitespace, no
 * trailing colon). One place, so that "is this cell a label?" has one answer.
 */
type Pred = (n: string) => boolean;

const oneOf =
  (...names: string[]): Pred =>
  (n) =>
    names.includes(n);
const re =
  (r: RegExp): Pred =>
  (n) =>
    r.test(n);

export const LABEL = {
  /** "部门（单位）整体支出绩效目标表", "项目支出绩效目标申报表", "2021年度…绩效目标表". */
  title: (n: string) => n.length <= 60 && /绩效目标(申报)?表/.test(n) && !/说明|要求|填报方法|[。；;]/.test(n),
  departmentName: re(/^(部门\(单位\)|部门|单位|预算单位|部门\/单位|部门单位)名称(:|$)/),
  taskSection: oneOf("年度主要任务", "主要任务"),
  taskName: oneOf("任务名称", "任务", "年度任务"),
  taskContent: oneOf("主要内容", "任务内容", "主要工作内容"),
  budgetHeader: re(/^预算(金额|资金|数)/),
  amountTotal: oneOf("总额", "资金总额", "预算总额", "小计"),
  fiscal: re(/^(其中:)?财政(拨款|资金)/),
  other: re(/^(其中:)?其他资金/),
  carryover: re(/^(其中:)?上年结转/),
  totalRow: oneOf("合计", "总计", "合计金额"),
  overallGoal: oneOf("年度总体目标", "总体目标", "年度绩效目标", "整体目标"),
  midTermGoal: re(/^中(长)?期目标/),
  annualGoal: oneOf("年度目标", "年度目标(当年)", "当年目标"),
  indicatorSection: re(/^(年度)?绩效指标$/),
  level1: oneOf("一级指标"),
  level2: oneOf("二级指标"),
  level3: oneOf("三级指标", "指标名称", "三级指标名称", "指标内容"),
  value: oneOf("指标值", "年度指标值", "目标值", "指标值(年度)", "年度目标值", "指标目标值", "绩效指标值"),
  longTermValue: re(/^(中长期|中期|长期)(指标值|目标值)/),
  nature: oneOf("指标性质", "指标类型"),
  direction: oneOf("指标方向", "方向"),
  operator: oneOf("计算符号", "运算符号", "符号", "计算方法"),
  unit: oneOf("计量单位", "度量单位", "单位"),
  remark: oneOf("备注", "说明"),
  projectName: oneOf("项目名称"),
  department: re(/^主管(部门|单位)/),
  implementer: re(/^实施单位/),
  attribute: oneOf("项目属性"),
  period: re(/^项目(期|起止时间|周期|实施期|实施周期)$/),
  manager: re(/^(项目负责人|联系人)/),
  fundingSection: re(/^(资金情况|项目资金|资金投入|年度资金情况)(\((万元|元)\))?$/),
  fundingTotal: re(/^(年度)?资金总额/),
  /** Lines that close a table: signatures, contacts. */
  footer: re(/^(填报人|填表人|单位负责人|财务负责人|审核人|联系电话|填报日期|填表日期|制表人)/),
};

export type LabelName = keyof typeof LABEL;

const ALL = Object.entries(LABEL).filter(([k]) => k !== "title") as [LabelName, Pred][];

/** True when the text is one of the labels (so it cannot be a value). */
export function isLabel(norm: string): boolean {
  if (!norm) return false;
  if (LABEL.title(norm)) return true;
  return ALL.some(([, p]) => p(norm));
}

/** Unit named by a header: "预算金额（万元）" → 万元, "资金情况（元）" → 元, "单位：万元" → 万元. */
export function unitIn(norm: string): "万元" | "元" | undefined {
  const m = /\((万元|元)\)|单位:(万元|元)|\((万元|元)\/|金额单位(万元|元)/.exec(norm);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? m[3] ?? m[4]) as "万元" | "元";
}

/** A budget year in a title ("2021年度部门…") or on a year line: "（2021 年）", "2021年度", "预算年度：2021". */
export function yearIn(norm: string, where: "title" | "line"): number | undefined {
  const m =
    where === "title"
      ? /(?:^|\(|[^0-9])((?:19|20)\d\d)年/.exec(norm)
      : /^\(?(?:预算)?(?:年度:?)?((?:19|20)\d\d)(?:年度?)?(?:预算)?\)?$/.exec(norm);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2100 ? y : undefined;
}
