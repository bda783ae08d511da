/** The 指标值 grammar on the forms rules.md lists, and on the faults seen in real submissions. */
import { parseValue } from "../src/core/value/grammar";

test.each([
  ["≥2次", { kind: "quantitative", operator: "≥", number: "2", unit: "次" }],
  [">=85%", { kind: "quantitative", operator: "≥", number: "85", unit: "%" }],
  ["＝100％", { kind: "quantitative", operator: "=", number: "100", unit: "%" }],
  ["≤1.5万元", { kind: "quantitative", operator: "≤", number: "1.5", unit: "万元" }],
  ["≥0.5万人次", { kind: "quantitative", operator: "≥", number: "0.5", unit: "万人次" }],
  ["1600元/亩", { kind: "quantitative", number: "1600", unit: "元/亩" }],
  ["＜ 3 天", { kind: "quantitative", operator: "<", number: "3", unit: "天" }],
  ["2021年12月31日前", { kind: "date", date: { year: 2021, month: 12, day: 31 } }],
  ["12月底前", { kind: "date", date: { month: 12 } }],
  ["提升", { kind: "qualitative" }],
  ["有效落实", { kind: "qualitative" }],
])("%s parses", (text, expected) => {
  const p = parseValue(text);
  expect(p).toMatchObject(expected);
  expect(p.problems.filter((x) => x.code !== "fullwidth")).toEqual([]);
});

test.each([
  ["≥**%", "placeholder"],
  ["……", "placeholder"],
  ["指标2:", "placeholder"],
  ["≥=100%", "two-operators"],
  ["≥90%≤100%", "two-operators"],
  ["≥", "operator-without-number"],
  ["1OO%", "lookalike-digit"],
  ["２次", "fullwidth"],
  ["-3人", "negative"],
  ["2021-12-31", "forbidden-char"],
  ["100%(历史标准)", "note"],
])("%s has the problem %s", (text, code) => {
  expect(parseValue(text).problems.map((p) => p.code)).toContain(code);
});

test("empty and blank values are empty, not an exception", () => {
  expect(parseValue("").kind).toBe("empty");
  expect(parseValue("   ").kind).toBe("empty");
  expect(parseValue(null).kind).toBe("empty");
});
