/**
 * The 指标值 rules. Cases edit one value of a good table; rows of the small department table (default layout):
 * 12 培训班次 (数量), 13 维修校舍数量 (数量), 14 培训合格率 (质量), 15 培训按时完成率 (时效), 16 人均培训成本 (成本),
 * 17 教师业务能力 (社会效益), 18 生态效益指标 (empty), 19 办学条件, 20 教师满意度, 21 家长满意度; values in column F.
 */
import { buildTable } from "../builder/layout";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "../fixtures/small";
import { SAMPLE_2021 } from "../fixtures/sample-2021-urho";
import { tableSheet, withCells } from "../support/edit";
import { testRule } from "../support/rule-tester";
import { VALUE_RULES } from "../../src/core/rules/value";
import { valueEmpty } from "../../src/core/rules/value/empty";
import { valueExcelError } from "../../src/core/rules/value/excel-error";
import { valuePlaceholder } from "../../src/core/rules/value/placeholder";
import { valueForbiddenChar } from "../../src/core/rules/value/forbidden-char";
import { valueOperator } from "../../src/core/rules/value/operator";
import { valueNoOperator } from "../../src/core/rules/value/no-operator";
import { valueMissingUnit } from "../../src/core/rules/value/missing-unit";
import { valueLookalikeDigit } from "../../src/core/rules/value/lookalike-digit";
import { valueFullwidth } from "../../src/core/rules/value/fullwidth";
import { valueNegative } from "../../src/core/rules/value/negative";
import { valueFractionalCount } from "../../src/core/rules/value/fractional-count";
import { valueTimeUnitCount } from "../../src/core/rules/value/time-unit-count";
import { valueRateOver100 } from "../../src/core/rules/value/rate-over-100";
import { valueGe100 } from "../../src/core/rules/value/ge-100";
import { valueUnitCategory } from "../../src/core/rules/value/unit-category";
import { valueExcelSerial } from "../../src/core/rules/value/excel-serial";
import { valueTooLong } from "../../src/core/rules/value/too-long";
import { valueAsciiOperator } from "../../src/core/rules/value/ascii-operator";
import { valueNote } from "../../src/core/rules/value/note";
import { valueSplitForm } from "../../src/core/rules/value/split-form";
import { valueDirection } from "../../src/core/rules/value/direction";
import { valueReverseEqual } from "../../src/core/rules/value/reverse-equal";
import { valueUnitWord } from "../../src/core/rules/value/unit-word";
import { valueZeroTarget } from "../../src/core/rules/value/zero-target";
import { valueCostMeasuresNothing } from "../../src/core/rules/value/cost-measures-nothing";
import { valuePercentNotRate } from "../../src/core/rules/value/percent-not-rate";
import { valueUnnamedRow } from "../../src/core/rules/value/unnamed-row";
import { readSheet } from "../../src/core/reader";
import { runRules } from "../../src/core/check";

const dept = tableSheet(buildTable(SMALL_DEPARTMENT).workbook);
const sample = tableSheet(buildTable(SAMPLE_2021).workbook);
const proj = tableSheet(buildTable(SMALL_PROJECT).workbook);
// Split form (department, default label column): 目标值 in H, 计算符号 in G, 计量单位 in I, 指标方向 in F.
const split = tableSheet(buildTable(SMALL_DEPARTMENT, { indicatorForm: "split" }).workbook);
const goodOnes = [
  { name: "small department", sheet: dept },
  { name: "the 2021 sample", sheet: sample },
  { name: "project", sheet: proj },
  { name: "split form", sheet: split },
];
const v = (cells: Record<string, string | number | null>) => withCells(dept, cells);

testRule(valueEmpty, {
  valid: goodOnes,
  invalid: [
    { name: "one value emptied", sheet: v({ F12: null }), cells: ["F12"] },
    { name: "blank text", sheet: v({ F20: "  " }), cells: ["F20"] },
    { name: "split target emptied", sheet: withCells(split, { H12: null, G12: null, I12: null }), cells: ["H12"] },
  ],
});

testRule(valuePlaceholder, {
  valid: goodOnes,
  invalid: [
    { name: "≥**%", sheet: v({ F14: "≥**%" }), cells: ["F14"] },
    { name: "……", sheet: v({ F17: "……" }), cells: ["F17"] },
    { name: "指标2:", sheet: v({ F12: "指标2:" }), cells: ["F12"] },
    { name: "≥**人 and XX", sheet: v({ F12: "≥**人", F13: "XX处" }), cells: ["F12", "F13"] },
  ],
});

testRule(valueForbiddenChar, {
  valid: [...goodOnes, { name: "a placeholder is reported by value/placeholder only", sheet: v({ F14: "≥**%" }) }],
  invalid: [
    { name: "date with dashes", sheet: v({ F15: "2022-12-31" }), cells: ["F15"] },
    { name: "underscore", sheet: v({ F12: "≥5_次" }), cells: ["F12"] },
    { name: "range with a dash", sheet: v({ F20: "90%-95%" }), cells: ["F20"] },
  ],
});

testRule(valueOperator, {
  valid: goodOnes,
  invalid: [
    { name: "two operators", sheet: v({ F14: "≥=100%" }), cells: ["F14"] },
    { name: "a range", sheet: v({ F20: "≥90%≤100%" }), cells: ["F20"] },
    { name: "operator without number", sheet: v({ F17: "≥提升" }), cells: ["F17"] },
  ],
});

testRule(valueNoOperator, {
  valid: [
    ...goodOnes,
    { name: "qualitative and dates need none", sheet: v({ F15: "2022年12月31日前", F17: "有效提升" }) },
    // Real value (武汉青山 2020, 重庆荣昌 2022): a whole target needs no operator.
    { name: "100% is a whole target", sheet: v({ F14: "100%", F15: "100%" }) },
    { name: "split form: the operator has its own column", sheet: withCells(split, { G12: null }) },
    { name: "no unit either: value/missing-unit says it", sheet: v({ F12: "2" }) },
  ],
  invalid: [
    { name: "3处", sheet: v({ F13: "3处" }), cells: ["F13"] },
    // Real values (兵团一师六团 2021): 1座, 3550平方米 — one quiet note for the table, not one per row.
    { name: "1座 and 3550平方米: one note per table", sheet: v({ F12: "1座", F13: "3550平方米" }), cells: ["F12"] },
  ],
});

testRule(valueMissingUnit, {
  valid: goodOnes,
  invalid: [
    { name: ">=85", sheet: v({ F20: ">=85" }), cells: ["F20"] },
    { name: "≥5", sheet: v({ F12: "≥5" }), cells: ["F12"] },
  ],
});

testRule(valueLookalikeDigit, {
  valid: goodOnes,
  invalid: [
    { name: "1OO%", sheet: v({ F14: "=1OO%" }), cells: ["F14"] },
    { name: "l0次", sheet: v({ F12: "≥l0次" }), cells: ["F12"] },
  ],
});

testRule(valueFullwidth, {
  valid: goodOnes,
  invalid: [{ name: "full-width digits and percent", sheet: v({ F20: "≥９０％" }), cells: ["F20"] }],
});

testRule(valueNegative, {
  valid: goodOnes,
  invalid: [{ name: "negative count", sheet: v({ F12: "-3次" }), cells: ["F12"] }],
});

testRule(valueFractionalCount, {
  valid: [...goodOnes, { name: "万人次 may be fractional", sheet: v({ F12: "≥0.5万人次" }) }],
  invalid: [
    { name: "2.5人", sheet: v({ F12: "≥2.5人" }), cells: ["F12"] },
    { name: "0.5户", sheet: v({ F13: "=0.5户" }), cells: ["F13"] },
  ],
});

// 江西浮梁 2026: 数量指标 “制作宣传横幅、公益宣传牌等(年)” = 1 年.
const BANNERS = "制作宣传横幅、公益宣传牌等(年)";
testRule(valueTimeUnitCount, {
  valid: [
    ...goodOnes,
    { name: "banners counted in 条", sheet: v({ D12: "制作宣传横幅", F12: "≥20条" }) },
    { name: "a 服务期 in years", sheet: v({ D12: "购置设备服务期", F12: "=3年" }) },
    { name: "a verb that takes a duration (发放)", sheet: v({ D12: "发放生活补贴", F12: "=12个月" }) },
    { name: "an activity over days (开展巡查)", sheet: v({ D12: "开展森林巡查", F12: "≥365天" }) },
    { name: "a time unit under 时效 is a deadline", sheet: v({ D15: "制作宣传牌", F15: "≤30天" }) },
  ],
  invalid: [
    { name: "banners in 年", sheet: v({ D12: BANNERS, F12: "=1年" }), cells: ["F12"] },
    {
      name: "split form, unit column",
      sheet: withCells(split, { D12: BANNERS, G12: "=", H12: 1, I12: "年" }),
      cells: ["H12"],
    },
    { name: "equipment in months", sheet: v({ D12: "购置办公设备", F12: "=3个月" }), cells: ["F12"] },
  ],
});

test("time-unit-count: the message names the indicator without its bracketed unit", () => {
  const [f] = runRules(readSheet(v({ D12: BANNERS, F12: "=1年" })).tables[0], [valueTimeUnitCount]);
  expect(f.message.zh).toBe(
    "数量指标“制作宣传横幅、公益宣传牌等”的计量单位是时间“年”，无法衡量数量；请改为物品本身的单位（如“条”“块”“个”）。"
  );
  expect(f.related).toEqual(["D12"]);
});

testRule(valueRateOver100, {
  valid: [...goodOnes, { name: "a growth rate may exceed 100%", sheet: v({ F17: "≥120%", D17: "营业收入增长率" }) }],
  invalid: [
    { name: "pass rate 292%", sheet: v({ F14: "292%" }), cells: ["F14"] },
    { name: "satisfaction ≥120%", sheet: v({ F20: "≥120%" }), cells: ["F20"] },
    { name: "timeliness >100%", sheet: v({ F15: ">100%" }), cells: ["F15"] },
  ],
});

testRule(valueGe100, {
  valid: goodOnes,
  invalid: [
    { name: "≥100%", sheet: v({ F14: "≥100%" }), cells: ["F14"] },
    { name: "twice: one note for the table", sheet: v({ F14: "≥100%", F15: ">=100%" }), cells: ["F14"] },
    { name: "split ≥ 100 %", sheet: withCells(split, { G14: "≥" }), cells: ["H14"] },
  ],
});

testRule(valueUnitCategory, {
  valid: [
    ...goodOnes,
    { name: "qualitative cost is fine", sheet: v({ F16: "不超预算" }) },
    { name: "a time limit", sheet: v({ F15: "≤3个工作日" }) },
  ],
  invalid: [
    { name: "cost without currency", sheet: v({ F16: "≤28.40/株" }), cells: ["F16"] },
    { name: "satisfaction as a count", sheet: v({ F20: "≥90人" }), cells: ["F20"] },
    { name: "quality as a count", sheet: v({ F14: "≥3处" }), cells: ["F14"] },
    { name: "timeliness as a count", sheet: v({ F15: "≥3次" }), cells: ["F15"] },
    { name: "cost as a count", sheet: v({ F16: "≤3次" }), cells: ["F16"] },
  ],
});

testRule(valueExcelSerial, {
  valid: [...goodOnes, { name: "a real date text", sheet: v({ F15: "2021年12月31日前" }) }],
  invalid: [
    { name: "44561 as a number", sheet: v({ F15: 44561 }), cells: ["F15"] },
    { name: "44561 as text", sheet: v({ F15: "44561" }), cells: ["F15"] },
  ],
});

testRule(valueTooLong, {
  valid: goodOnes,
  invalid: [{ name: "61 characters", sheet: v({ F17: "有效提升".repeat(15) + "好" }), cells: ["F17"] }],
});

testRule(valueAsciiOperator, {
  valid: [
    ...goodOnes,
    { name: "＞ ＜ ＝ in ASCII are fine", sheet: v({ F20: ">90%", F16: "<0.3万元", F14: "=100%" }) },
  ],
  invalid: [
    { name: ">=", sheet: v({ F20: ">=90%" }), cells: ["F20"] },
    { name: "<= and ＞＝: one note", sheet: v({ F16: "<=0.3万元", F21: "＞＝90％" }), cells: ["F16"] },
    // Real values (宁夏同心 2023): >=17600株, >=100%.
    { name: ">=17600株", sheet: v({ F12: ">=17600株" }), cells: ["F12"] },
    { name: "words: 95%以上", sheet: v({ F20: "95%以上" }), cells: ["F20"] },
    { name: "words: 不低于95%", sheet: v({ F21: "不低于95%" }), cells: ["F21"] },
    { name: "look-alikes ≧ and ═", sheet: v({ F20: "≧90%", F14: "═100%" }), cells: ["F14"] },
    { name: "split form >=", sheet: withCells(split, { G12: ">=" }), cells: ["G12"] },
  ],
});

testRule(valueNote, {
  valid: goodOnes,
  invalid: [{ name: "100%(历史标准)", sheet: v({ F14: "=100%（历史标准）" }), cells: ["F14"] }],
});

testRule(valueSplitForm, {
  valid: goodOnes,
  invalid: [
    { name: "unknown operator", sheet: withCells(split, { G12: "大于" }), cells: ["G12"] },
    { name: "target not a number", sheet: withCells(split, { H14: "一百" }), cells: ["H14"] },
    { name: "unit missing", sheet: withCells(split, { I12: null }), cells: ["I12"] },
  ],
});

testRule(valueDirection, {
  valid: [
    ...goodOnes,
    // Real rows (乌海 2021): 反向 = 1 万元 on cost rows; ＝ goes with either direction.
    { name: "反向 with ＝", sheet: withCells(split, { F16: "反向", G16: "=" }) },
    { name: "正向指标 with ≥ (四川井研 2023)", sheet: withCells(split, { F12: "正向指标", G12: "≥" }) },
  ],
  invalid: [
    { name: "正向 with ≤", sheet: withCells(split, { F12: "正向", G12: "≤" }), cells: ["F12"] },
    { name: "反向 with ≥", sheet: withCells(split, { F16: "反向", G16: "≥" }), cells: ["F16"] },
  ],
});

testRule(valueReverseEqual, {
  valid: [...goodOnes, { name: "反向 with ≤", sheet: withCells(split, { F16: "反向", G16: "≤" }) }],
  invalid: [
    { name: "反向 = 1 万元 (乌海 2021)", sheet: withCells(split, { F16: "反向", G16: "=", H16: 1 }), cells: ["G16"] },
  ],
});

testRule(valueUnitWord, {
  valid: goodOnes,
  invalid: [
    { name: "≥100百分比", sheet: v({ F14: "≥100百分比" }), cells: ["F14"] },
    { name: "split unit 百分比", sheet: withCells(split, { I14: "百分比" }), cells: ["I14"] },
  ],
});

test("value/direction never offers a fix: only the author knows which side is wrong", () => {
  const t = readSheet(withCells(split, { F12: "正向", G12: "≤" })).tables[0];
  const [f] = runRules(t, [valueDirection]);
  expect(f.fix).toBeUndefined();
  expect(f.message.zh).toContain("反向");
  expect(f.message.zh).toContain("≥");
});

test("value/ge-100 fixes every ≥100% at once", () => {
  const t = readSheet(v({ F14: "≥100%", F15: "≥100%" })).tables[0];
  const [f] = runRules(t, [valueGe100]);
  expect(f.severity).toBe("info");
  expect(f.fix).toEqual([
    { sheet: dept.name, cell: "F14", value: "=100%" },
    { sheet: dept.name, cell: "F15", value: "=100%" },
  ]);
  expect(f.related).toEqual(["F15"]);
});

describe("fixes", () => {
  const fixesOf = (sheet: Parameters<typeof readSheet>[0]) =>
    runRules(readSheet(sheet).tables[0], VALUE_RULES).filter((f) => f.fix);
  test.each([
    ["≥100%", "F14", "=100%"],
    [">=90%", "F20", "≥90%"],
    ["=1OO%", "F14", "=100%"],
    ["≥９０％", "F20", "≥90%"],
    ["95%以上", "F20", "≥95%"],
    ["不低于95%", "F20", "≥95%"],
    ["控制在3万元以内", "F16", "≤3万元"],
    ["≧90%", "F20", "≥90%"],
    ["﹦100%", "F14", "＝100%"],
    ["≥95百分比", "F14", "≥95%"],
  ])("%s in %s becomes %s", (value, cell, fixed) => {
    const f = fixesOf(v({ [cell]: value }));
    expect(f).toHaveLength(1);
    expect(f[0].fix).toEqual([{ sheet: dept.name, cell, value: fixed }]);
  });
});

test("one faulty value raises one finding, not a pile", () => {
  const t = readSheet(v({ F14: "≥**%" })).tables[0];
  expect(runRules(t, VALUE_RULES).map((f) => f.rule)).toEqual(["value/placeholder"]);
});

testRule(valueExcelError, {
  valid: goodOnes,
  invalid: [
    { name: "#REF!", sheet: withCells(dept, { F14: { error: "#REF!" } }), cells: ["F14"] },
    {
      name: "#N/A and #VALUE!",
      sheet: withCells(dept, { F12: { error: "#N/A" }, F20: { error: "#VALUE!" } }),
      cells: ["F12", "F20"],
    },
  ],
});

// Real values quoted in issue 10 and the shared real tables' README.
testRule(valueZeroTarget, {
  valid: [
    ...goodOnes,
    { name: "a ceiling of 0 (安全事故 ≤0起)", sheet: v({ D12: "安全事故发生数", F12: "≤0起" }) },
    { name: "a count of 0 is not money", sheet: v({ F13: "=0处" }) },
  ],
  invalid: [
    // 乌海 2021: 出差单位成本 = 0 万元/人, 办公费总成本 = 0 万元.
    { name: "＝0万元", sheet: v({ F16: "＝0万元" }), cells: ["F16"] },
    { name: "split: = 0 万元/人", sheet: withCells(split, { G16: "=", H16: 0, I16: "万元/人" }), cells: ["H16"] },
  ],
});

testRule(valueCostMeasuresNothing, {
  valid: [
    ...goodOnes,
    { name: "a qualitative benefit is fine", sheet: v({ F17: "符合相关规定" }) },
    { name: "a cost in money", sheet: v({ F16: "≤28.40元/株" }) },
  ],
  invalid: [
    // 武汉青山 2020: 建设项目成本 | 参照政府采购成本控制.
    { name: "参照政府采购成本控制", sheet: v({ F16: "参照政府采购成本控制" }), cells: ["F16"] },
    { name: "符合相关规定", sheet: v({ F16: "符合相关规定" }), cells: ["F16"] },
    { name: "控制在预算内", sheet: v({ F16: "控制在预算内" }), cells: ["F16"] },
  ],
});

testRule(valuePercentNotRate, {
  valid: [
    ...goodOnes,
    { name: "a benefit rate", sheet: v({ D17: "教师培训覆盖率", F17: "≥95%" }) },
    { name: "a quality rate named as one (准确性)", sheet: v({ D14: "工资发放准确性", F14: "≥95%" }) },
  ],
  invalid: [
    // 四川井研马踏 2023: 维护社会稳定 ≥ 95 %, 保护生态环境卫生 ≥ 95 %.
    { name: "维护社会稳定 ≥95%", sheet: v({ D17: "维护社会稳定", F17: "≥95%" }), cells: ["F17"] },
    // 四川井研马踏 2023, second project: 保障村社区正常运转 ≥ 95 % as a quality indicator.
    {
      name: "保障村社区正常运转 ≥95% under 质量",
      sheet: v({ D14: "保障村社区正常运转", F14: "≥95%" }),
      cells: ["F14"],
    },
    { name: "保护生态环境卫生 ≥95%", sheet: v({ D19: "保护生态环境卫生", F19: "≥95%" }), cells: ["F19"] },
    {
      name: "two rows, two faults",
      sheet: v({ D17: "维护社会稳定", F17: "≥95%", D19: "保护生态环境卫生", F19: "≥95%" }),
      cells: ["F17", "F19"],
    },
  ],
});

describe("values as real tables write them (grammar through the rules)", () => {
  const rulesOn = (cells: Record<string, string | number | null>, sheet = dept) =>
    runRules(readSheet(withCells(sheet, cells)).tables[0], VALUE_RULES);
  const serious = (cells: Record<string, string | number | null>, sheet = dept) =>
    rulesOn(cells, sheet).filter((f) => f.severity !== "info");
  test.each([
    ["95%以上", "F20"],
    ["不低于95%", "F20"],
    ["≥100百分比", "F14"],
    ["2022.12.31前", "F15"],
    ["2022年12月底前", "F15"],
    ["≧95%", "F20"],
    ["＞＝90%", "F20"],
    ["1600元/亩", "F16"],
    ["100%", "F14"],
    ["1座", "F13"],
  ])("%s raises no error or warning", (value, cell) => {
    expect(serious({ [cell]: value })).toEqual([]);
  });
  test("split form: a date serial 44,561 in 目标值 and 计量单位 is one finding, not a missing unit", () => {
    const found = runRules(readSheet(withCells(split, { G15: "=", H15: 44561, I15: 44561 })).tables[0], VALUE_RULES);
    const byCell = found.filter((f) => f.severity !== "info" && ["H15", "I15", "G15"].includes(f.cell));
    expect(byCell.map((f) => f.rule)).toContain("value/excel-serial");
    expect(byCell.find((f) => f.rule === "value/excel-serial")!.message.zh).toContain("2021年12月31日前");
  });
  test("=44561 in the merged form is a date, not a missing unit", () => {
    const found = serious({ F15: "=44561" });
    expect(found.map((f) => f.rule)).toContain("value/excel-serial");
  });
  test("192% for a pass rate asks whether ≥92% was meant", () => {
    const [f] = rulesOn({ F14: "≥192%" }).filter((x) => x.rule === "value/rate-over-100");
    expect(f.message.zh).toContain("是否应为“≥92%”？");
  });
  test(">=85 on a satisfaction asks whether % was meant", () => {
    const [f] = rulesOn({ F20: ">=85" }).filter((x) => x.rule === "value/missing-unit");
    expect(f.message.zh).toContain("是否应为“>=85%”？");
  });
  test("≤28.40/株 asks whether 元 was meant", () => {
    const [f] = rulesOn({ F16: "≤28.40/株" }).filter((x) => x.rule === "value/unit-category");
    expect(f.message.zh).toContain("是否应为“≤28.40元/株”？");
  });
  test("a timeliness count says what a timeliness target looks like", () => {
    const [f] = rulesOn({ F15: "≥3次" }).filter((x) => x.rule === "value/unit-category");
    expect(f.message.zh).toContain("时效指标应填写完成时限（如“2022年12月31日前”）或比率（如“≥95%”）");
  });
  test("letters in numbers and notes read as a reviewer writes", () => {
    expect(rulesOn({ F14: "=1OO%" })[0].message.zh).toContain("数字中误用了字母（O/l）");
    expect(rulesOn({ F14: "=100%（历史标准）" })[0].message.zh).toMatch(/指标值“.*”中含有备注说明/);
  });
});

// 宁乡坝塘 2021: 指标内容 empty, 指标值 88100 (the value run into the 备注 100).
testRule(valueUnnamedRow, {
  valid: [...goodOnes, { name: "an empty 二级 row (no name, no value)", sheet: v({ D12: null, F12: null }) }],
  invalid: [
    { name: "88100 with no name", sheet: v({ D14: null, F14: 88100 }), cells: ["F14"] },
    { name: "two rows", sheet: v({ D14: null, F14: 88100, D15: null, F15: "≥95%" }), cells: ["F14", "F15"] },
  ],
});

test("value/unnamed-row says when the value cannot be read either", () => {
  const [f] = runRules(readSheet(v({ D14: null, F14: 88100 })).tables[0], [valueUnnamedRow]);
  expect(f.message.zh).toContain("第14行（质量指标）填了指标值“88100”，却没有三级指标名称，指标值也无法读取");
});
