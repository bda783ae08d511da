/**
 * Faulty variants of the real 2021 sample, in four layouts: each fault must be flagged by its rule at its cell
 * (wherever the layout put that cell), and the clean sample must raise no error in any layout.
 */
import { buildTable, type Layout, type Placed } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { tableSheet, withCells } from "./support/edit";
import { checkSheet } from "../src/core/check";
import { ALL_RULES } from "../src/core/rules";
import { projectForm } from "./builder/variants";
import type { CellValue } from "../src/core/snapshot";

const LAYOUTS: [string, Partial<Layout>][] = [
  ["the sample's layout", {}],
  ["合计 below, no label column, blank rows", { totalPosition: "below", labelColumn: false, blankRows: 1 }],
  [
    "spaced labels, half brackets, labels repeated, far from A1",
    { spacedLabels: true, brackets: "half", levelLabels: "repeated", origin: "B3" },
  ],
  ["labels on first rows only, broken 二级, formulas", { levelLabels: "first", brokenLevel2: true, formulas: true }],
];

const ind = (name: string) => {
  const i = SAMPLE_2021.indicators.findIndex((x) => x.name === name);
  if (i < 0) throw new Error(`no indicator ${name} in the sample`);
  return i;
};
const firstOf = (level2: string) => SAMPLE_2021.indicators.findIndex((x) => x.level2 === level2 && x.name);

/** A fault: which cells get which values, and which rule must flag which cell. */
interface Fault {
  name: string;
  edit: (p: Placed) => Record<string, CellValue>;
  expect: (p: Placed) => { rule: string; cell: string };
  /** The rule is a quiet note (info): it gives no finding at error or warning level at all. */
  quiet?: boolean;
}

const COUNT = ind("开展群众工作培训次数");
const COUNT2 = ind("开展换届选举干部培训次数");
const PEOPLE = ind("参加体检的干部人数");
const QUALITY = ind("群众工作培训合格率");
const TIMELY = ind("群众工作培训按时完成率");
const COST = ind("人均绩效考核成本");
const SATISFIED = ind("本单位干部满意度");
const SOCIAL = ind("提升人事档案管理工作效率");
const ECON = firstOf("经济效益指标");

const value = (i: number, v: CellValue) => (p: Placed) => ({ [p.indicators[i].value!]: v });
const atValue = (rule: string, i: number) => (p: Placed) => ({ rule, cell: p.indicators[i].value! });

const FAULTS: Fault[] = [
  // 金额
  {
    name: "a task's 总额 off by a cent",
    edit: (p) => ({ [p.tasks[0].total]: 356.98 }),
    expect: (p) => ({ rule: "amount/task-sum", cell: p.tasks[0].total }),
  },
  {
    name: "合计 总额 off by a cent",
    edit: (p) => ({ [p.totalRow!.total]: 1899.2 }),
    expect: (p) => ({ rule: "amount/total-mismatch", cell: p.totalRow!.total }),
  },
  {
    name: "合计 财政拨款 off",
    edit: (p) => ({ [p.totalRow!.fiscal]: 1890.19 }),
    expect: (p) => ({ rule: "amount/total-mismatch", cell: p.totalRow!.fiscal }),
  },
  {
    name: "amount typed with a unit (854万)",
    edit: (p) => ({ [p.tasks[1].fiscal]: "60万" }),
    expect: (p) => ({ rule: "amount/not-a-number", cell: p.tasks[1].fiscal }),
  },
  {
    name: "amount showing #REF!",
    edit: (p) => ({ [p.tasks[2].total]: { error: "#REF!" } }),
    expect: (p) => ({ rule: "amount/not-a-number", cell: p.tasks[2].total }),
  },
  {
    name: "amount O.00 with a letter O",
    edit: (p) => ({ [p.tasks[3].other]: "O.00" }),
    expect: (p) => ({ rule: "amount/not-a-number", cell: p.tasks[3].other }),
  },
  {
    name: "negative amount",
    // Every sum still adds up: the -1 is offset by +1 in the next task, so the only fault is the sign.
    edit: (p) => {
      const [t4, t5] = [SAMPLE_2021.tasks[4], SAMPLE_2021.tasks[5]];
      return {
        [p.tasks[4].other]: -1,
        [p.tasks[4].fiscal]: Number(t4.fiscal) + 1,
        [p.tasks[5].other]: Number(t5.other ?? 0) + 1,
        [p.tasks[5].fiscal]: Number(t5.fiscal) - 1,
      };
    },
    expect: (p) => ({ rule: "amount/negative", cell: p.tasks[4].other }),
  },
  {
    name: "more decimals than the table uses",
    // Hidden decimals: the 总额 beside it and the 合计 are off by 0.00001 only because of them.
    edit: (p) => ({ [p.tasks[5].fiscal]: 15.00001 }),
    expect: (p) => ({ rule: "amount/precision", cell: p.tasks[5].fiscal }),
  },
  {
    name: "amount typed with the table's unit (60万元)",
    edit: (p) => ({ [p.tasks[1].fiscal]: "60万元" }),
    expect: (p) => ({ rule: "amount/unit-in-cell", cell: p.tasks[1].fiscal }),
    quiet: true,
  },
  {
    name: "a cost above the whole budget",
    edit: value(COST, "≤2000万元"),
    expect: atValue("amount/cost-over-budget", COST),
  },
  {
    // The smallest count in 人 is 20 (慰问“农村四老人员”数量): 100万元 × 20 = 2000 of 1899.19 万元.
    name: "a cost per head that, times the people, exceeds the budget",
    edit: value(COST, "≤100万元/人"),
    expect: atValue("amount/unit-cost-total", COST),
    quiet: true,
  },
  // 指标值
  { name: "empty value", edit: value(COUNT, null), expect: atValue("value/empty", COUNT) },
  { name: "placeholder ≥**%", edit: value(QUALITY, "≥**%"), expect: atValue("value/placeholder", QUALITY) },
  { name: "placeholder ……", edit: value(SOCIAL, "……"), expect: atValue("value/placeholder", SOCIAL) },
  { name: "placeholder 指标2:", edit: value(COUNT2, "指标2:"), expect: atValue("value/placeholder", COUNT2) },
  { name: "a dash in a date", edit: value(TIMELY, "2021-12-31"), expect: atValue("value/forbidden-char", TIMELY) },
  { name: "two operators", edit: value(QUALITY, "≥=100%"), expect: atValue("value/operator", QUALITY) },
  { name: "operator without a number", edit: value(SOCIAL, "≥提升"), expect: atValue("value/operator", SOCIAL) },
  { name: "a rate without %", edit: value(SATISFIED, ">=85"), expect: atValue("value/missing-unit", SATISFIED) },
  { name: "1OO% with letters", edit: value(QUALITY, "=1OO%"), expect: atValue("value/lookalike-digit", QUALITY) },
  { name: "negative count", edit: value(COUNT, "-3次"), expect: atValue("value/negative", COUNT) },
  { name: "fractional head count", edit: value(PEOPLE, "≥444.5人"), expect: atValue("value/fractional-count", PEOPLE) },
  { name: "pass rate 292%", edit: value(QUALITY, "292%"), expect: atValue("value/rate-over-100", QUALITY) },
  { name: "≥100%", edit: value(QUALITY, "≥100%"), expect: atValue("value/ge-100", QUALITY), quiet: true },
  { name: "cost without currency", edit: value(COST, "≤28.40/株"), expect: atValue("value/unit-category", COST) },
  {
    name: "films made, counted in 年 (江西浮梁 2026)",
    edit: value(ind("制作各类宣传片"), "≥4年"),
    expect: atValue("value/time-unit-count", ind("制作各类宣传片")),
  },
  { name: "date as an Excel serial", edit: value(TIMELY, 44561), expect: atValue("value/excel-serial", TIMELY) },
  {
    name: "value over 60 characters",
    edit: value(SOCIAL, "有效提升人事档案管理工作效率".repeat(5)),
    expect: atValue("value/too-long", SOCIAL),
  },
  { name: "value with its standard", edit: value(QUALITY, "=100%(历史标准)"), expect: atValue("value/note", QUALITY) },
  {
    name: "a value without its 三级 name",
    edit: (p) => ({ [p.indicators[QUALITY].name!]: null }),
    expect: atValue("value/unnamed-row", QUALITY),
  },
  { name: "#REF! in a value", edit: value(QUALITY, { error: "#REF!" }), expect: atValue("value/excel-error", QUALITY) },
  { name: "full-width digits", edit: value(SATISFIED, "≥９５％"), expect: atValue("value/fullwidth", SATISFIED) },
  { name: "no operator (3次)", edit: value(COUNT, "3次"), expect: atValue("value/no-operator", COUNT), quiet: true },
  {
    name: ">= written in ASCII",
    edit: value(SATISFIED, ">=95%"),
    expect: atValue("value/ascii-operator", SATISFIED),
    quiet: true,
  },
  {
    name: "百分比 as a unit",
    edit: value(SATISFIED, "≥95百分比"),
    expect: atValue("value/unit-word", SATISFIED),
    quiet: true,
  },
  { name: "a cost target of 0 (＝0万元)", edit: value(COST, "＝0万元"), expect: atValue("value/zero-target", COST) },
  {
    name: "a cost that measures nothing",
    edit: value(COST, "参照政府采购成本控制"),
    expect: atValue("value/cost-measures-nothing", COST),
    quiet: true,
  },
  {
    name: "a % on an aim that is not a rate",
    edit: (p) => ({ [p.indicators[SOCIAL].name!]: "维护社会稳定", [p.indicators[SOCIAL].value!]: "≥95%" }),
    expect: atValue("value/percent-not-rate", SOCIAL),
    quiet: true,
  },
  // 指标体系
  {
    name: "一级 truncated (产出指)",
    edit: (p) => ({ [p.indicators[COUNT].level1]: "产出指" }),
    expect: (p) => ({ rule: "taxonomy/unknown-level1", cell: p.indicators[COUNT].level1 }),
  },
  {
    name: "二级 under the wrong 一级",
    edit: (p) => ({ [p.indicators[ECON].level2]: "质量指标" }),
    expect: (p) => ({ rule: "taxonomy/wrong-parent", cell: p.indicators[ECON].level2 }),
  },
  {
    name: "duplicate 三级 name",
    edit: (p) => ({ [p.indicators[COUNT2].name!]: "开展群众工作培训次数" }),
    expect: (p) => ({ rule: "taxonomy/duplicate-name", cell: p.indicators[COUNT2].name! }),
  },
  {
    name: "name over 100 characters",
    edit: (p) => ({ [p.indicators[COUNT].name!]: "开展群众工作培训次数".repeat(11) }),
    expect: (p) => ({ rule: "taxonomy/name-too-long", cell: p.indicators[COUNT].name! }),
  },
  {
    name: "name with a template marker",
    edit: (p) => ({ [p.indicators[COUNT].name!]: "指标1:开展群众工作培训次数" }),
    expect: (p) => ({ rule: "taxonomy/name-marker", cell: p.indicators[COUNT].name! }),
  },
  {
    name: "name embeds its target",
    edit: (p) => ({ [p.indicators[QUALITY].name!]: "群众工作培训合格率100%" }),
    expect: (p) => ({ rule: "taxonomy/name-embeds-target", cell: p.indicators[QUALITY].name! }),
  },
  {
    name: "a template row left (指标2: with no value)",
    edit: (p) => ({ [p.indicators[COUNT2].name!]: "指标2:", [p.indicators[COUNT2].value!]: null }),
    expect: (p) => ({ rule: "taxonomy/template-row", cell: p.indicators[COUNT2].name! }),
  },
  {
    name: "二级 cut short (质量指)",
    edit: (p) => ({ [p.indicators[QUALITY].level2]: "质量指" }),
    expect: (p) => ({ rule: "taxonomy/unknown-level2", cell: p.indicators[QUALITY].level2 }),
  },
  {
    name: "a satisfaction level under 质量",
    edit: (p) => ({ [p.indicators[QUALITY].name!]: "参训干部满意度" }),
    expect: (p) => ({ rule: "taxonomy/level2-contradicts", cell: p.indicators[QUALITY].name! }),
    quiet: true,
  },
  {
    name: "unit repeated in the name",
    edit: (p) => ({ [p.indicators[PEOPLE].name!]: "参加体检的干部人数(人)" }),
    expect: (p) => ({ rule: "taxonomy/name-unit", cell: p.indicators[PEOPLE].name! }),
    quiet: true,
  },
  {
    name: "时效 rows left without 三级 and values (重庆荣昌 2022)",
    edit: (p) =>
      Object.fromEntries(
        SAMPLE_2021.indicators.flatMap((x, i) =>
          x.level2 === "时效指标"
            ? [
                [p.indicators[i].name!, null],
                [p.indicators[i].value!, null],
              ]
            : []
        )
      ),
    expect: (p) => ({
      rule: "taxonomy/unfinished-row",
      cell: p.indicators[SAMPLE_2021.indicators.findIndex((x) => x.level2 === "时效指标")].level2,
    }),
  },
  // 结构
  {
    name: "department name emptied",
    edit: (p) => ({ [p.name]: null }),
    expect: (p) => ({ rule: "structure/missing-name", cell: p.name }),
  },
  {
    name: "goal left as a placeholder",
    edit: (p) => ({ [p.goals[0].value]: "-" }),
    expect: (p) => ({ rule: "structure/placeholder-goal", cell: p.goals[0].value }),
  },
  {
    name: "year that the sheet name contradicts",
    edit: (p) => ({ [p.year]: "（2019 年）" }),
    expect: (p) => ({ rule: "structure/year-mismatch", cell: p.year }),
  },
  {
    name: "goal of four characters",
    edit: (p) => ({ [p.goals[0].value]: "保障运转" }),
    expect: (p) => ({ rule: "structure/short-goal", cell: p.goals[0].value }),
  },
  {
    name: "a task row pasted twice",
    edit: (p) => ({
      [p.tasks[1].name]: SAMPLE_2021.tasks[0].name,
      [p.tasks[1].content]: SAMPLE_2021.tasks[0].content ?? null,
    }),
    expect: (p) => ({ rule: "structure/repeated-task", cell: p.tasks[1].name }),
    quiet: true,
  },
  {
    name: "title emptied",
    edit: (p) => ({ [p.title]: null }),
    expect: (p) => ({ rule: "structure/missing-title", cell: p.title }),
  },
  {
    name: "department name left as XX单位",
    edit: (p) => ({ [p.name]: "XX单位" }),
    expect: (p) => ({ rule: "structure/placeholder-name", cell: p.name }),
  },
  {
    name: "goal emptied",
    edit: (p) => ({ [p.goals[0].value]: null }),
    expect: (p) => ({ rule: "structure/missing-goal", cell: p.goals[0].value }),
  },
  {
    name: "goal with nothing measurable",
    edit: (p) => ({ [p.goals[0].value]: "保障部门正常运转，全面提升组织工作质量。" }),
    expect: (p) => ({ rule: "structure/goal-no-measure", cell: p.goals[0].value }),
    quiet: true,
  },
  {
    name: "year emptied",
    edit: (p) => ({ [p.year]: null }),
    expect: (p) => ({ rule: "structure/missing-year", cell: p.title }),
    quiet: true,
  },
];

describe.each(LAYOUTS)("the 2021 sample, %s", (_name, layout) => {
  const built = buildTable(SAMPLE_2021, layout);
  const sheet = tableSheet(built.workbook);

  test("the clean sample raises no error", () => {
    const result = checkSheet(sheet);
    expect(result.tables).toHaveLength(1);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test.each(FAULTS.map((f) => [f.name, f] as const))("flags %s", (_n, fault) => {
    const result = checkSheet(withCells(sheet, fault.edit(built.placed)));
    const want = fault.expect(built.placed);
    const hits = result.findings.filter((f) => f.rule === want.rule).map((f) => f.cell);
    expect(hits).toContain(want.cell);
  });

  test.each(FAULTS.map((f) => [f.name, f] as const))("%s gives one finding at error or warning level", (_n, fault) => {
    const clean = new Set(checkSheet(sheet).findings.map((f) => `${f.rule} ${f.cell}`));
    const result = checkSheet(withCells(sheet, fault.edit(built.placed)));
    const want = fault.expect(built.placed);
    const serious = result.findings.filter((f) => f.severity !== "info" && !clean.has(`${f.rule} ${f.cell}`));
    const main = serious.find((f) => f.rule === want.rule && f.cell === want.cell);
    // A second finding only where the user must change another cell too, and it names the first as related.
    const others = serious.filter((f) => f !== main);
    expect({ main: !!main, others: others.map((f) => `${f.rule} ${f.cell} ${f.message.zh}`) }).toEqual({
      main: fault.quiet ? false : true,
      others: [],
    });
  });
});

/** A project form whose 资金情况 lists numbered sources (as Chongqing publishes it), clean and with one fault each. */
describe("a project form with funding sources", () => {
  const form = (v: (number | null)[]) =>
    projectForm({
      funding: ["年度资金总额", "其中：1.中央资金", "2.市级资金", "3.区级资金", "4.其他资金"].map((label, i) => ({
        label,
        value: v[i],
      })),
    });
  const clean = form([153.5184, null, 153.5184, null, null]);
  const serious = (laid: ReturnType<typeof form>) =>
    checkSheet(laid.sheet)
      .findings.filter((f) => f.severity !== "info")
      .map((f) => `${f.rule} ${f.cell}`);

  test("the clean form raises no error or warning", () => {
    expect(serious(clean)).toEqual([]);
  });
  test.each([
    ["a 中央资金 left out of the total", [153.5184, 50, 153.5184, null, null], "amount/source-sum", "v0"],
    ["the total off by a cent", [153.5284, null, 153.5184, null, null], "amount/source-sum", "v0"],
    ["the total left blank", [null, null, 153.5184, null, null], "structure/missing-funding", "v0"],
  ] as const)("%s gives one finding at error or warning level", (_n, values, rule, key) => {
    const laid = form([...values]);
    expect(serious(laid)).toEqual([`${rule} ${laid.at[key]}`]);
  });
});

/** A project form with a 资金支付计划 by quarter (budget 90 万元), clean and with one instalment too many. */
describe("a project form with a payment plan", () => {
  const form = (q: number[]) =>
    projectForm({
      header: ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
      rows: [
        ["产出指标", "数量指标", "绿化公路长度", "≥3500米", ""],
        ["产出指标", "时效指标", "完成时间", "2022年12月31日前", ""],
        ["效益指标", "社会效益指标", "沿线人居环境", "明显改善", ""],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", ""],
      ],
      before: [
        [{ v: "资金支付计划", down: 2 }, "第一季度", "第二季度", "第三季度", "第四季度"],
        [{ v: q[0], key: "q0" }, q[1], q[2], q[3]],
      ],
    });
  const serious = (laid: ReturnType<typeof form>) =>
    checkSheet(laid.sheet)
      .findings.filter((f) => f.severity !== "info")
      .map((f) => `${f.rule} ${f.cell}`);
  test("the clean plan raises no error or warning", () => {
    expect(serious(form([20, 25, 25, 20]))).toEqual([]);
  });
  test("instalments adding up to twice the budget give one finding at error or warning level", () => {
    const laid = form([45, 45, 45, 45]);
    expect(serious(laid)).toEqual([`amount/plan-sum ${laid.at.q0}`]);
  });
});

test("there are at least 30 faults", () => {
  expect(FAULTS.length).toBeGreaterThanOrEqual(30);
});

/** Rules no edit of the 2021 sample (a department table, merged values, no formulas) can trigger, and where their
 * one-fault cases live instead. */
const ELSEWHERE: Record<string, string> = {
  "amount/project-sum": "project tables: test/rules/amount.test.ts",
  "amount/source-sum": "project tables by source: the project form below and test/rules/amount.test.ts",
  "amount/plan-sum":
    "a payment plan by quarter (the sample has none): the project form below and test/rules/sums.test.ts",
  "amount/formula-range": "formulas: test/rules/amount.test.ts",
  "amount/constant-total": "formulas: test/rules/amount.test.ts",
  "amount/block-sum":
    "合计 lines of other money blocks (the sample's 合计 row is total-mismatch's): test/rules/sums.test.ts",
  "amount/total-as-part": "年度履职目标 / 年度预算安排 blocks: test/rules/sums.test.ts",
  "amount/share-sum": "收入/支出构成 with 占比: test/rules/sums.test.ts",
  "amount/income-expense": "收入/支出构成: test/rules/sums.test.ts",
  "amount/weight-sum": "needs a 权重/分值 column: test/rules/sums.test.ts",
  "value/split-form": "split value columns: test/rules/value.test.ts",
  "value/direction": "split value columns: test/rules/value.test.ts",
  "value/reverse-equal": "split value columns: test/rules/value.test.ts",
  "taxonomy/missing-output": "needs every 产出 row removed: test/rules/taxonomy.test.ts",
  "taxonomy/missing-benefit": "needs every 效益 row removed: test/rules/taxonomy.test.ts",
  "taxonomy/empty-level2": "the sample itself has one (生态效益指标), as information",
  "structure/goal-copied":
    "the sample has no 部门职能职责概述 to copy: test/rules/structure-content.test.ts (one finding)",
  "structure/missing-tasks": "needs the block removed: test/rules/structure.test.ts",
  "structure/missing-total-row": "needs the row removed: test/rules/structure.test.ts",
  "structure/missing-funding": "project tables: test/rules/structure.test.ts",
  "structure/missing-indicators": "needs the block removed: test/rules/structure.test.ts",
  "structure/to-be-filled": "a blank new-year table: test/rules/structure.test.ts",
};

test("every rule in the catalogue has a one-fault case here, or a reason why not", () => {
  const probe = buildTable(SAMPLE_2021).placed;
  const covered = new Set(FAULTS.map((f) => f.expect(probe).rule));
  const missing = ALL_RULES.map((r) => r.id).filter((id) => !covered.has(id) && !(id in ELSEWHERE));
  expect(missing).toEqual([]);
  for (const id of Object.keys(ELSEWHERE)) expect(ALL_RULES.map((r) => r.id)).toContain(id);
});
