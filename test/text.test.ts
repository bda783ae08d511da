/** Label folding: the fast path for text that needs no folding must agree with full folding on every character. */
import { foldLabel, normLabel, valueText } from "../src/core/text";

test("normLabel agrees with foldLabel on every BMP character and on typical labels", () => {
  const bad: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (normLabel(`x${ch}y`) !== foldLabel(`x${ch}y`)) bad.push(c.toString(16));
  }
  expect(bad).toEqual([]);
  for (const s of ["合  计", "部门（单位）名称：", "年度\n总体\n目标", "Ａ１", "“两代表一委员”工作室维护数量", "≥2次"])
    expect(normLabel(s)).toBe(foldLabel(s));
  expect(normLabel("部门（单位）名称：")).toBe("部门(单位)名称");
  expect(normLabel("合  计")).toBe("合计");
});

test("valueText reads every cell type", () => {
  expect([null, " a ", 1.5, NaN, true, { error: "#REF!" }].map(valueText)).toEqual([
    "",
    "a",
    "1.5",
    "",
    "TRUE",
    "#REF!",
  ]);
});
