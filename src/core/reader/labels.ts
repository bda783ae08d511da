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
  /** "部门（单位）整体支出绩效目标表", "项目支出绩效目标申报表", "…绩效目标审批表", "2021年度…绩效目标表". */
  title: (n: string) =>
    n.length <= 60 &&
    (/绩效目标(申报|审批|设定|申请|批复)?表/.test(n) || /^(部门|单位)整体(支出)?绩效目标$/.test(n)) &&
    !/说明|要求|填报方法|[。；;]/.test(n),
  /** A self-evaluation's title: "项目支出绩效自评表", "部门整体支出绩效自评表". */
  selfEvalTitle: (n: string) => n.length <= 60 && /绩效自评(价)?表|自评(价)?表$/.test(n),
  departmentName: re(/^(部门\(单位\)|部门|单位|预算单位|部门\/单位|部门单位)名称(:|$)/),
  taskSection: oneOf("年度主要任务", "主要任务"),
  taskName: oneOf("任务名称", "任务", "年度任务"),
  taskContent: oneOf("主要内容", "任务内容", "主要工作内容"),
  budgetHeader: re(/^预算(金额|资金|数)/),
  amountTotal: oneOf("总额", "资金总额", "预算总额", "小计"),
  fiscal: re(/^(其中:)?(\d+[.、]|[一二三四五六七八九十]+、)?(本年|当年)?财政(拨款|资金)/),
  /** 其他资金, 其它资金, and a bare 其他 only when numbered or holding its amount ("三、其他:3683万元"). */
  other: re(
    /^(其中:)?(\d+[.、]|[一二三四五六七八九十]+、)?(当年)?其[他它]资金|^(其中:)?(\d+[.、]|[一二三四五六七八九十]+、)其[他它](:|$)|^其[他它]:[0-9]/
  ),
  carryover: re(/^(其中:)?(\d+[.、]|[一二三四五六七八九十]+、)?上年结转/),
  /** Funding sources beyond 财政拨款/其他资金: 上级资金, 1.中央资金, 其中:中央补助, 市级资金, 本级财政, 自有资金. */
  fundingSource: re(
    /^(其中:)?(\d+[.、]|[一二三四五六七八九十]+、)?(上级|中央|省级|省|市级|市|县级|县|区级|区|本级|地方|自有)(财政资金|财政|资金|补助资金|补助|专项资金)(:|$)/
  ),
  totalRow: re(/^(合计|总计|合计金额|金额合计|资金合计)(\((万元|元)\))?$/),
  overallGoal: oneOf(
    "年度总体目标",
    "总体目标",
    "年度绩效目标",
    "整体目标",
    "项目总体目标",
    "年度绩效总目标",
    "绩效总目标",
    "项目总目标"
  ),
  /** The text a goal is often copied from: 部门职能职责概述 / 部门职能概述 (部门整体), 项目概况 (项目). */
  overview: re(
    /^(部门(职能职责|职能|职责|主要职能)概述|部门职能职责|职能职责概述|部门(基本)?概况|项目(基本)?概况(及立项依据)?|项目概述|项目简介)$/
  ),
  midTermGoal: re(/^(中|长|中长)期目标|^实施期(总)?目标/),
  annualGoal: oneOf("年度目标", "年度目标(当年)", "当年目标", "项目年度目标", "年度主要目标和成果"),
  indicatorSection: re(/^(年度|长期|中长期)?绩效指标(\(.*\))?$/),
  level1: re(/^一级指标(\([^)]*\))?$/),
  level2: re(/^二级指标(\([^)]*\))?$/),
  level3: re(/^(三级指标|指标名称|三级指标名称|指标内容)(\([^)]*\))?$/),
  value: re(
    /^(指标值|年度指标值|目标值|指标值\(年度\)|年度目标值|指标目标值|绩效指标值|当年预期实现值|预期实现值|绩效标准|预期目标|年度预期目标|指标值\(当年\))(\([^)]*\))?$/
  ),
  longTermValue: re(/^((中长期|中期|长期)(指标值|目标值)|指标值\((中长期|长期|中期)\))/),
  nature: oneOf("指标性质", "指标类型"),
  direction: oneOf("指标方向", "方向", "指标方向性"),
  operator: oneOf("计算符号", "运算符号", "符号", "计算方法"),
  unit: oneOf("计量单位", "度量单位", "单位"),
  remark: oneOf("备注", "说明"),
  /** 分值 / 权重: the row's score or weight. */
  score: re(/^(分值|权重|指标权重|权重分值|指标分值|分值\(分\)|权重\(%\))$/),
  explanation: oneOf("指标解释", "指标说明", "指标定义"),
  scoring: re(/^(评(\(扣\)|扣)?分(标准|方法|依据|要点|细则)|评价标准|扣分标准)$/),
  valueNote: oneOf("指标值说明", "目标值说明"),
  /** Columns only a self-evaluation has. */
  selfEvalColumn: re(
    /^(实际完成值|实际完成情况|全年执行数|执行率|得分|偏差原因分析及改进措施|偏差原因|未完成原因)(\([^)]*\))?$/
  ),
  projectName: oneOf("项目名称", "项目(专项)名称", "专项名称", "项目(专项资金)名称"),
  department: re(/^((中央|省级|省|市级|市|县级|县|区级|区|地方)?主管(部门|单位)|申报单位)/),
  implementer: re(/^(具体)?实施单位/),
  attribute: oneOf("项目属性"),
  period: re(/^项目(期|起止时间|周期|实施期|实施周期)$/),
  manager: re(/^(项目负责人|联系人|项目责任人)/),
  fundingSection: re(
    /^(资金情况|项目资金|资金投入|年度资金情况|资金金额|投入目标|资金总额及构成|资金来源|项目资金情况)(\((万元|元)\))?$/
  ),
  fundingTotal: re(
    /^(其中:)?(年度|当年|本年)?(资金|预算)(申请)?总额(\((万元|元)\))?$|^(年度|当年)(年度)?预算(资金总额|金额)?$|^年度预算资金总额|^项目预算金额|^年度(资金)?金额$/
  ),
  /** The whole project's budget (all years): 项目总预算, 项目资金总额. */
  projectTotal: re(/^项目(总预算|资金总额|预算总额|总投资)(\((万元|元)\))?$/),
  /** 年度履职目标 (department tables with their own amounts per duty). */
  dutySection: re(/^(年度)?履职目标(\([^)]*\))?(单位:(万元|元))?$/),
  dutyName: oneOf("部门职能", "职能", "履职内容", "部门职责", "职能职责", "主要职能"),
  dutyTask: oneOf("年度目标任务", "目标任务", "年度任务目标", "年度重点工作", "重点工作", "年度工作任务", "工作任务"),
  dutyItem: oneOf("支出项目名称", "支出项目", "对应项目", "对应项目名称"),
  /**
   * Parts of 财政拨款 in budget-system tables (一般公共预算 / 政府性基金 / 国有资本经营预算 / 财政专户 / 单位资金):
   * labels, so that a blank cell beside them stays blank; not read as sources of their own.
   */
  fundingDetail: re(
    /^(其中:)?(\d+[.、]|[一二三四五六七八九十]+、)?(一般公共预算|政府性基金(预算)?|国有资本经营预算|财政专户管理资金|单位资金)(拨款|资金)?(:|$)/
  ),
  /** Group headers of 年度预算申请: 按收入性质分 / 按支出性质分. */
  budgetGroup: re(/^按(收入|支出)(性质|来源|用途)分/),
  /** An evaluation-indicator list's title: "…绩效评价指标体系", "评价指标表". */
  evaluationTitle: (n: string) => n.length <= 60 && /评价指标(体系|表)|评分表$/.test(n),
  /** 部门总体资金情况 / 收入构成 / 支出构成. */
  compositionSection: re(/^(部门)?总体资金情况(\([^)]*\))?(单位:(万元|元))?$/),
  incomeHeader: oneOf("收入构成", "收入"),
  expenseHeader: oneOf("支出构成", "支出"),
  share: oneOf("占比", "比例", "比重"),
  basicExpense: re(/^(其中:)?(\d+[.、])?基本支出/),
  projectExpense: re(/^(其中:)?(\d+[.、])?项目支出/),
  /** 年度预算申请 / 年度预算安排 (部门整体). */
  budgetSection: re(/^(年度)?(部门整体支出)?预算(申请|安排)(\([^)]*\))?(单位:(万元|元))?$/),
  /** Lines that close a table: signatures, contacts. */
  footer: re(/^(填报人|填表人|单位负责人|财务负责人|审核人|联系电话|填报日期|填表日期|制表人)/),
};

export type LabelName = keyof typeof LABEL;

const ALL = Object.entries(LABEL).filter(([k]) => k !== "title" && k !== "selfEvalTitle") as [LabelName, Pred][];

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

/**
 * A score note at the end of a label: "产出指标(50分)", "成本指标(0-20)分", "产出指标(40-50)分", "满意度指标10分",
 * "效益指标(权重30%)", "绩效指标(权重分值90分,…)". Returns the name without its note and the parsed note; undefined
 * when there is none.
 */
export function scoreNoteIn(norm: string): { name: string; min?: number; max: number; text: string } | undefined {
  const last = norm.charCodeAt(norm.length - 1);
  // Cheap exit: a note ends in ")" or "分".
  if (last !== 41 && last !== 0x5206) return undefined;
  const m = SCORE_NOTE.exec(norm);
  if (m && m.index > 0) {
    const a = Number(m[1] ?? m[3]);
    const b = m[2] ?? m[4];
    const name = norm.slice(0, m.index);
    return b === undefined ? { name, max: a, text: m[0] } : { name, min: a, max: Number(b), text: m[0] };
  }
  // A note with more in it: "绩效指标(权重分值90分,其中产出指标权重分值50分,…)": the first score is the total.
  const w = /^(.*?)\((?:权重)?分值?(\d+(?:\.\d+)?)分[,，;；].*\)$/.exec(norm);
  if (w && w[1] !== "") return { name: w[1], max: Number(w[2]), text: norm.slice(w[1].length) };
  return undefined;
}

const SCORE_NOTE =
  /\((?:权重|分值|权重分值)?(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?(?:分|%)?\)分?$|(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?分$/;
