/** The taxonomy rules: 一级/二级 labels against the indicator taxonomy, and the 三级 names. */
import { buildTable, type Layout } from "../builder/layout";
import type { DepartmentSpec, IndicatorSpec, ProjectSpec, TableSpec } from "../builder/spec";
import { SAMPLE_2021 } from "../fixtures/sample-2021-urho";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "../fixtures/small";
import { tableSheet, withCells, withoutRows } from "../support/edit";
import { testRule } from "../support/rule-tester";
import { readSheet } from "../../src/core/reader";
import { checkSheet, runRules } from "../../src/core/check";
import { templateRow } from "../../src/core/rules/taxonomy/template-row";
import { level2Contradicts } from "../../src/core/rules/taxonomy/level2-contradicts";
import { nameUnit } from "../../src/core/rules/taxonomy/name-unit";
import type { Rule } from "../../src/core/rules/rule";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { STRUCTURE_RULES } from "../../src/core/rules/structure";
import { TAXONOMY_RULES } from "../../src/core/rules/taxonomy";
import { unknownLevel1 } from "../../src/core/rules/taxonomy/unknown-level1";
import { unknownLevel2 } from "../../src/core/rules/taxonomy/unknown-level2";
import { wrongParent } from "../../src/core/rules/taxonomy/wrong-parent";
import { missingOutput } from "../../src/core/rules/taxonomy/missing-output";
import { missingBenefit } from "../../src/core/rules/taxonomy/missing-benefit";
import { emptyLevel2 } from "../../src/core/rules/taxonomy/empty-level2";
import { unfinishedRow } from "../../src/core/rules/taxonomy/unfinished-row";
import { duplicateName } from "../../src/core/rules/taxonomy/duplicate-name";
import { nameTooLong } from "../../src/core/rules/taxonomy/name-too-long";
import { nameMarker, nameMarkers } from "../../src/core/rules/taxonomy/name-marker";
import { embeddedTarget, nameEmbedsTarget } from "../../src/core/rules/taxonomy/name-embeds-target";
import {
  certainName,
  findLevel1,
  findLevel2,
  isChildOf,
  isKnownLevel1,
  isKnownLevel2,
  isTruncatedLabel,
  parentOf,
  resolveLevel1,
  resolveLevel2,
  suggestName,
  taxonomyKey,
} from "../../src/core/taxonomy";

const sheetOf = (spec: TableSpec, layout: Partial<Layout> = {}, name?: string) =>
  tableSheet(buildTable(spec, layout, name).workbook);

/** The spec with its indicator rows replaced. */
function withIndicators<T extends DepartmentSpec | ProjectSpec>(spec: T, indicators: IndicatorSpec[]): T {
  return { ...spec, indicators };
}

/** The spec with some indicator rows changed (by index). */
function editIndicators<T extends DepartmentSpec | ProjectSpec>(
  spec: T,
  edits: Record<number, Partial<IndicatorSpec>>
): T {
  return withIndicators(
    spec,
    spec.indicators.map((r, i) => ({ ...r, ...(edits[i] ?? {}) }))
  );
}

function findings(sheet: SheetSnapshot, rules: readonly Rule[]) {
  return readSheet(sheet).tables.flatMap((t) => runRules(t, rules));
}

// SMALL_DEPARTMENT, default layout: indicator header B11; 一级 B12 (产出, rows 12–16), B17 (效益, 17–19), B20 (满意度,
// 20–21); 二级 C12 数量 (12–13), C14 质量, C15 时效, C16 成本, C17 社会效益, C18 生态效益 (no 三级), C19 可持续影响,
// C20 服务对象满意度 (20–21); 三级 names D12–D21 (D18 empty); values F.
const dept = sheetOf(SMALL_DEPARTMENT);
const deptRepeated = sheetOf(SMALL_DEPARTMENT, { levelLabels: "repeated" });
const deptFirst = sheetOf(SMALL_DEPARTMENT, { levelLabels: "first" });
const deptBroken = sheetOf(SMALL_DEPARTMENT, { brokenLevel2: true });
const deptBrokenRepeated = sheetOf(SMALL_DEPARTMENT, { brokenLevel2: true, levelLabels: "repeated" });
const deptSplit = sheetOf(SMALL_DEPARTMENT, { indicatorForm: "split", remarkColumn: true });
// SMALL_PROJECT, default layout: indicator header B12, 一级 B13 (产出, 13–16), B17 (效益), B18 (满意度); names D13–D18.
const proj = sheetOf(SMALL_PROJECT);
const projRepeated = sheetOf(SMALL_PROJECT, { levelLabels: "repeated", brokenLevel2: true });
// The real 2021 table: 一级 B20 产出 (20–69), B70 效益 (70–82), B83 满意度; 二级 C77 生态效益指标 (no 三级),
// C83 服务对象满意度指 (83–85).
const sample = sheetOf(SAMPLE_2021);
const sampleRepeated = sheetOf(SAMPLE_2021, { levelLabels: "repeated" });
const sampleBroken = sheetOf(SAMPLE_2021, { brokenLevel2: true });

/** SMALL_DEPARTMENT without its empty 生态效益指标 row. */
const DEPT_FULL = withIndicators(
  SMALL_DEPARTMENT,
  SMALL_DEPARTMENT.indicators.filter((r) => r.name !== undefined)
);
/** 成本指标 as a 一级 of its own (2021+ templates), beside 成本指标 under 产出指标 in another table. */
const COST_LEVEL1 = withIndicators(SMALL_DEPARTMENT, [
  ...SMALL_DEPARTMENT.indicators.filter((r) => r.level2 !== "成本指标" && r.name !== undefined),
  { level1: "成本指标", level2: "经济成本指标", name: "人均培训成本", value: "≤0.3万元" },
  { level1: "成本指标", level2: "社会成本指标", name: "对教学秩序的影响", value: "无" },
  { level1: "成本指标", level2: "成本指标", name: "校舍维修成本", value: "≤45万元" },
]);
/** The synonyms real tables use for 二级 names. */
const SYNONYMS = withIndicators(SMALL_DEPARTMENT, [
  { level1: "产出指标", level2: "数量", name: "培训班次", value: "≥5次" },
  { level1: "产出指标", level2: "质 量 指 标", name: "培训合格率", value: "=100%" },
  { level1: "产出", level2: "时效指标", name: "培训按时完成率", value: "≥95%" },
  { level1: "效益指标", level2: "经济效益", name: "节约经费", value: "≥2万元" },
  { level1: "效益指标", level2: "环境效益指标", name: "校园绿化", value: "持续改善" },
  { level1: "效益指标", level2: "社会效益\n指标", name: "教师业务能力", value: "有效提升" },
  { level1: "效益 指标", level2: "可持续发展影响指标", name: "办学条件", value: "持续改善" },
  { level1: "满意度指标", level2: "社会公众或服务对象满意度指标", name: "教师满意度", value: "≥90%" },
  { level1: "满意度", level2: "群众满意度", name: "家长满意度", value: "≥90%" },
]);

describe("taxonomy helpers", () => {
  test("suggestName proposes the canonical name of a near miss", () => {
    expect(suggestName("产出指", 1)).toBe("产出指标");
    expect(suggestName("服务对象满意度指", 2)).toBe("服务对象满意度指标");
    expect(suggestName("效果指标", 1)).toBe("效益指标");
    expect(suggestName("数理指标", 2)).toBe("数量指标");
    expect(suggestName("基础设施", 2)).toBeUndefined();
    expect(suggestName("", 1)).toBeUndefined();
  });

  test("certainName: only a truncation of one name, or a synonym cut to 指", () => {
    expect(certainName("产出指", 1)).toBe("产出指标");
    expect(certainName("满意", 1)).toBe("满意度指标");
    expect(certainName("服务对象满意度指", 2)).toBe("服务对象满意度指标");
    expect(certainName("服务对象\n满意度指", 2)).toBe("服务对象满意度指标");
    expect(certainName("质量指", 2)).toBe("质量指标");
    expect(certainName("环境效益指", 2)).toBe("环境效益指标");
    expect(certainName("产 出", 1)).toBe("产出指标");
    // 社会 starts both 社会效益指标 and 社会成本指标; 数理指标 is a misspelling, not a truncation.
    expect(certainName("社会", 2)).toBeUndefined();
    expect(certainName("数理指标", 2)).toBeUndefined();
    expect(certainName("效果指标", 1)).toBeUndefined();
  });

  test("truncated labels are not known, whatever findLevel2 says", () => {
    expect(isTruncatedLabel("服务对象满意度指")).toBe(true);
    expect(isTruncatedLabel("服务对象满意度指标")).toBe(false);
    expect(isTruncatedLabel("服务对象满意度")).toBe(false);
    expect(findLevel2("服务对象满意度指")?.key).toBe("satisfaction");
    expect(isKnownLevel2("服务对象满意度指")).toBe(false);
    for (const n of [
      "环境效益指标",
      "社会公众或服务对象满意度指标",
      "群众满意度",
      "经济效益",
      "社会效\n益指标",
      "可持续影响",
    ])
      expect(isKnownLevel2(n)).toBe(true);
    for (const n of ["产出指标", "产出", "效 益 指 标", "满意度指标", "成本指标"]) expect(isKnownLevel1(n)).toBe(true);
    expect(isKnownLevel1("产出指")).toBe(false);
  });

  test("resolve through certain corrections, and parents", () => {
    expect(resolveLevel1("产出指")?.key).toBe("output");
    expect(resolveLevel1("效果指标")).toBeUndefined();
    expect(resolveLevel2("质量指")?.key).toBe("quality");
    expect(resolveLevel2("环境效益指标")?.key).toBe("ecological");
    expect(parentOf("cost")?.key).toBe("output");
    expect(parentOf("economic-cost")?.key).toBe("cost");
    expect(isChildOf("cost", "output")).toBe(true);
    expect(isChildOf("cost", "cost")).toBe(true);
    expect(isChildOf("quality", "benefit")).toBe(false);
    expect(isChildOf("satisfaction", "benefit")).toBe(true);
    expect(isChildOf("satisfaction", "output")).toBe(false);
  });

  test("the existing exports still work", () => {
    expect(taxonomyKey("产出 指标")).toBe("产出");
    expect(findLevel1("成本指标")?.key).toBe("cost");
    expect(findLevel2("社会公众或服务对象满意度指标")?.key).toBe("satisfaction");
  });

  test("embeddedTarget finds operator+number, number+% and number+unit at the end", () => {
    expect(embeddedTarget("水质达标率100%")).toEqual({ target: "100%", cleaned: "水质达标率" });
    expect(embeddedTarget("培训人数≥50人")).toEqual({ target: "≥50人", cleaned: "培训人数" });
    expect(embeddedTarget("培训人数（≥50人）")).toEqual({ target: "≥50人", cleaned: "培训人数" });
    expect(embeddedTarget("合格率达到95%")).toEqual({ target: "95%", cleaned: "合格率" });
    expect(embeddedTarget("培训教师50人")).toEqual({ target: "50人", cleaned: "培训教师" });
    expect(embeddedTarget("资金到位率100%，按时支付")).toEqual({ target: "100%" });
    for (const n of [
      "举行“庆祝中国共产党成立100周年大会”工作成本",
      "开展教育联合教研次数",
      "开展培训第3期",
      "2021年度培训完成率",
      "完成时间2021年",
      "排名前10%的学校比例",
      "5G基站数量",
    ])
      expect(embeddedTarget(n)).toBeUndefined();
  });

  test("nameMarkers finds hints and marks, and cleans the certain ones", () => {
    expect(nameMarkers("指标1：培训人数").fixed).toBe("培训人数");
    expect(nameMarkers("指标 2: 培训人数").fixed).toBe("培训人数");
    expect(nameMarkers("★培训人数").fixed).toBe("培训人数");
    expect(nameMarkers("培训人数*").fixed).toBe("培训人数");
    expect(nameMarkers("※指标2:完成率★").fixed).toBe("完成率");
    expect(nameMarkers("培训人数(≥**个)")).toMatchObject({ found: [{ zh: "模板提示“(≥**个)”" }] });
    expect(nameMarkers("培训人数(≥**个)").fixed).toBeUndefined();
    expect(nameMarkers("指标1：……").fixed).toBeUndefined();
    expect(nameMarkers("培训*人数").fixed).toBeUndefined();
    expect(nameMarkers("完成××项目数量").found).toHaveLength(1);
    expect(nameMarkers("信息化设备（专网设备）替换成本").found).toEqual([]);
  });
});

testRule(unknownLevel1, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "labels repeated on every row", sheet: deptRepeated },
    { name: "labels on the first row only", sheet: deptFirst },
    { name: "split value columns", sheet: deptSplit },
    { name: "2021 sample", sheet: sample },
    { name: "成本指标 as a 一级", sheet: sheetOf(COST_LEVEL1) },
    { name: "一级 without 指标 or with spaces", sheet: sheetOf(SYNONYMS) },
    { name: "一级 with line breaks", sheet: withCells(dept, { B12: "产出\n指标", B17: "效 益 指 标" }) },
  ],
  invalid: [
    { name: "truncated 产出指 (merged: one cell)", sheet: withCells(dept, { B12: "产出指" }), cells: ["B12"] },
    {
      name: "truncated 产出指 repeated on every row",
      sheet: sheetOf(
        editIndicators(SMALL_DEPARTMENT, {
          0: { level1: "产出指" },
          1: { level1: "产出指" },
          2: { level1: "产出指" },
          3: { level1: "产出指" },
          4: { level1: "产出指" },
        }),
        { levelLabels: "repeated" }
      ),
      cells: ["B12", "B13", "B14", "B15", "B16"],
    },
    { name: "misspelt 效果指标", sheet: withCells(dept, { B17: "效果指标" }), cells: ["B17"] },
    { name: "a 二级 name in the 一级 column", sheet: withCells(proj, { B13: "数量指标" }), cells: ["B13"] },
    { name: "in the sample", sheet: withCells(sample, { B83: "满意指标" }), cells: ["B83"] },
  ],
});

describe("taxonomy/unknown-level1 messages and fixes", () => {
  test("a truncated name gets the canonical name as a fix", () => {
    const [f] = findings(withCells(dept, { B12: "产出指" }), [unknownLevel1]);
    expect(f.message.zh).toContain("产出指标");
    expect(f.message.en).toContain("产出指标");
    expect(f.fix).toEqual([{ sheet: dept.name, cell: "B12", value: "产出指标" }]);
  });
  test("a misspelling is suggested but not fixed", () => {
    const [f] = findings(withCells(dept, { B17: "效果指标" }), [unknownLevel1]);
    expect(f.message.zh).toContain("是否应为“效益指标”");
    expect(f.message.en).toContain("Did you mean 效益指标?");
    expect(f.fix).toBeUndefined();
  });
  test("a 二级 name in the 一级 column says where it belongs", () => {
    const [f] = findings(withCells(proj, { B13: "数量指标" }), [unknownLevel1]);
    expect(f.message.zh).toContain("二级指标");
    expect(f.message.zh).toContain("产出指标");
    expect(f.fix).toBeUndefined();
  });
});

testRule(unknownLevel2, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "labels repeated on every row", sheet: deptRepeated },
    { name: "names broken over lines or without 指标", sheet: deptBroken },
    { name: "broken names repeated on every row", sheet: deptBrokenRepeated },
    { name: "project, repeated and broken", sheet: projRepeated },
    { name: "synonyms", sheet: sheetOf(SYNONYMS) },
    { name: "成本指标 as a 一级 with 经济/社会成本指标", sheet: sheetOf(COST_LEVEL1) },
    { name: "the sample with its 二级 written out", sheet: withCells(sample, { C83: "服务对象满意度指标" }) },
  ],
  invalid: [
    { name: "2021 sample: 服务对象满意度指", sheet: sample, cells: ["C83"] },
    { name: "2021 sample, labels repeated: one per cell", sheet: sampleRepeated, cells: ["C83", "C84", "C85"] },
    { name: "2021 sample, broken over lines", sheet: sampleBroken, cells: ["C83"] },
    { name: "truncated 质量指", sheet: withCells(dept, { C14: "质量指" }), cells: ["C14"] },
    { name: "misspelt 数理指标 (merged over two rows)", sheet: withCells(dept, { C12: "数理指标" }), cells: ["C12"] },
    { name: "a 一级 name in the 二级 column", sheet: withCells(proj, { C17: "效益指标" }), cells: ["C17"] },
    { name: "made-up name", sheet: withCells(dept, { C19: "长效机制指标" }), cells: ["C19"] },
  ],
});

describe("taxonomy/unknown-level2 messages and fixes", () => {
  test("the sample's 服务对象满意度指: a warning with the full name as fix", () => {
    const [f] = findings(sample, [unknownLevel2]);
    expect(f.severity).toBe("warning");
    expect(f.message.zh).toContain("服务对象满意度指标");
    expect(f.message.en).toContain("服务对象满意度指标");
    expect(f.fix).toEqual([{ sheet: "2021年部门整体绩效目标", cell: "C83", value: "服务对象满意度指标" }]);
  });
  test("every repeated cell gets its own fix", () => {
    expect(findings(sampleRepeated, [unknownLevel2]).map((f) => f.fix?.[0])).toEqual(
      ["C83", "C84", "C85"].map((cell) => ({ sheet: "2021年部门整体绩效目标", cell, value: "服务对象满意度指标" }))
    );
  });
  test("a misspelling is suggested, not fixed", () => {
    const [f] = findings(withCells(dept, { C12: "数理指标" }), [unknownLevel2]);
    expect(f.message.zh).toContain("是否应为“数量指标”");
    expect(f.fix).toBeUndefined();
  });
  test("truncated 质量指 is fixed to 质量指标", () => {
    expect(findings(withCells(dept, { C14: "质量指" }), [unknownLevel2])[0].fix?.[0].value).toBe("质量指标");
  });
});

testRule(wrongParent, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "labels repeated on every row", sheet: deptRepeated },
    { name: "names broken over lines or without 指标", sheet: deptBrokenRepeated },
    { name: "成本指标 as a 一级 of its own", sheet: sheetOf(COST_LEVEL1) },
    { name: "synonyms", sheet: sheetOf(SYNONYMS) },
    {
      name: "满意度 under 效益指标 (2015 template)",
      sheet: withCells(dept, { B20: "效益指标", C20: "社会公众或服务对象满意度指标" }),
    },
    { name: "unknown 一级: left to unknown-level1", sheet: withCells(dept, { B17: "效果指标", C17: "质量指标" }) },
  ],
  invalid: [
    { name: "质量指标 under 效益指标", sheet: withCells(dept, { C17: "质量指标" }), cells: ["C17"] },
    { name: "社会效益指标 under 产出指标", sheet: withCells(proj, { C14: "社会效益指标" }), cells: ["C14"] },
    {
      name: "repeated labels: each cell",
      sheet: sheetOf(editIndicators(SMALL_DEPARTMENT, { 8: { level2: "质量指标" }, 9: { level2: "质量指标" } }), {
        levelLabels: "repeated",
      }),
      cells: ["C20", "C21"],
    },
    { name: "成本指标 under 满意度指标", sheet: withCells(dept, { C20: "成本指标" }), cells: ["C20"] },
    { name: "truncated 质量指 under 效益指标", sheet: withCells(dept, { C19: "质量指" }), cells: ["C19"] },
  ],
});

describe("taxonomy/wrong-parent messages", () => {
  test("names the right 一级 and points at the wrong one", () => {
    const [f] = findings(withCells(dept, { C17: "质量指标" }), [wrongParent]);
    expect(f.related).toEqual(["B17"]);
    expect(f.message.zh).toBe("二级指标“质量指标”属于一级指标“产出指标”，不应放在“效益指标”下；请移到“产出指标”下。");
    expect(f.message.en).toContain("belongs under 产出指标");
  });
});

const noOutputNames = withCells(dept, {
  D12: null,
  D13: null,
  D14: null,
  D15: null,
  D16: null,
  F12: null,
  F13: null,
  F14: null,
  F15: null,
  F16: null,
});
const noBenefitNames = withCells(dept, { D17: null, D19: null, F17: null, F19: null });

testRule(missingOutput, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "labels repeated on every row", sheet: deptRepeated },
    { name: "truncated 产出指 still counts", sheet: withCells(dept, { B12: "产出指" }) },
    {
      name: "no 三级 at all: left to missing-indicators",
      sheet: withCells(dept, Object.fromEntries([12, 13, 14, 15, 16, 17, 19, 20, 21].map((r) => [`D${r}`, null]))),
    },
  ],
  invalid: [
    { name: "产出指标 with no 三级", sheet: noOutputNames, cells: ["B12"] },
    { name: "产出指标 rows removed", sheet: withoutRows(dept, [12, 13, 14, 15, 16]), cells: ["B11"] },
    {
      name: "only 成本指标 as a 一级",
      sheet: sheetOf(
        withIndicators(
          SMALL_PROJECT,
          SMALL_PROJECT.indicators
            .filter((r) => r.level1 !== "产出指标")
            .concat([{ level1: "成本指标", level2: "经济成本指标", name: "每公里养护成本", value: "≤0.75万元" }])
        )
      ),
      cells: ["B12"],
    },
    {
      name: "repeated labels: the first 产出指标 cell",
      sheet: withCells(deptRepeated, { D12: null, D13: null, D14: null, D15: null, D16: null }),
      cells: ["B12"],
    },
  ],
});

testRule(missingBenefit, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "labels on the first row only", sheet: deptFirst },
    { name: "names broken over lines", sheet: deptBroken },
  ],
  invalid: [
    { name: "效益指标 with no 三级", sheet: noBenefitNames, cells: ["B17"] },
    { name: "效益指标 rows removed", sheet: withoutRows(dept, [17, 18, 19]), cells: ["B11"] },
    { name: "project: 效益指标 row removed", sheet: withoutRows(proj, [17]), cells: ["B12"] },
  ],
});

testRule(emptyLevel2, {
  valid: [
    { name: "department without empty 二级", sheet: sheetOf(DEPT_FULL) },
    { name: "repeated labels", sheet: sheetOf(DEPT_FULL, { levelLabels: "repeated" }) },
    { name: "first-row labels", sheet: sheetOf(DEPT_FULL, { levelLabels: "first" }) },
    { name: "broken names", sheet: sheetOf(DEPT_FULL, { brokenLevel2: true, levelLabels: "repeated" }) },
    { name: "project", sheet: proj },
    { name: "sample with 生态效益 filled in", sheet: withCells(sample, { D77: "绿化面积", F77: "≥100平方米" }) },
  ],
  invalid: [
    { name: "department: 生态效益指标", sheet: dept, cells: ["C18"] },
    { name: "repeated labels", sheet: deptRepeated, cells: ["C18"] },
    { name: "2021 sample: 生态效益指标", sheet: sample, cells: ["C77"] },
    // 成本 left empty stays a note; 质量/数量/时效 left empty are unfinished-row's (below).
    { name: "a 成本 whose 三级 were cleared", sheet: withCells(dept, { D16: null, F16: null }), cells: ["C16", "C18"] },
    {
      name: "a blank table: no unfinished rows",
      sheet: withCells(dept, {
        D12: null,
        F12: null,
        D13: null,
        F13: null,
        D14: null,
        F14: null,
        D15: null,
        F15: null,
        D16: null,
        F16: null,
        D17: null,
        F17: null,
        D19: null,
        F19: null,
        D20: null,
        F20: null,
        D21: null,
        F21: null,
      }),
      cells: ["C12", "C14", "C15", "C16", "C17", "C18", "C19", "C20"],
    },
  ],
});

// 重庆荣昌 2022: an all-empty row inside the merged 产出指标, and a 时效指标 row with no 三级 and no value.
testRule(unfinishedRow, {
  valid: [
    { name: "2021 sample (生态效益指标 empty: a note)", sheet: sample },
    { name: "sample, first-row labels", sheet: sheetOf(SAMPLE_2021, { levelLabels: "first" }) },
    { name: "sample, repeated labels", sheet: sampleRepeated },
    { name: "department (生态效益 empty)", sheet: dept },
    { name: "project", sheet: proj },
    { name: "成本 left empty", sheet: withCells(dept, { D16: null, F16: null }) },
    { name: "a value without a name is unnamed-row's", sheet: withCells(dept, { D15: null }) },
    // Next year's table made from this one, amounts not typed in yet: to-be-filled says so once.
    {
      name: "时效 empty in a table still to be filled",
      sheet: withCells(dept, {
        D15: null,
        F15: null,
        ...Object.fromEntries(["D", "E", "F"].flatMap((c) => [6, 7, 8, 9].map((r) => [`${c}${r}`, null]))),
      }),
    },
    // Room a template leaves for one more indicator under a merged 二级 (our own template does it).
    { name: "a spare row under a filled, merged 数量指标", sheet: withCells(dept, { D13: null, F13: null }) },
  ],
  invalid: [
    { name: "时效 left empty", sheet: withCells(dept, { D15: null, F15: null }), cells: ["C15"] },
    {
      name: "时效 left empty, repeated labels",
      sheet: withCells(deptRepeated, { D15: null, F15: null }),
      cells: ["C15"],
    },
    {
      name: "数量 (two rows) left empty",
      sheet: withCells(dept, { D12: null, F12: null, D13: null, F13: null }),
      cells: ["C12"],
    },
    {
      name: "a blank row inside the merged 产出指标",
      sheet: withCells(dept, { C14: null, D14: null, E14: null, F14: null, G14: null }),
      cells: ["C14"],
    },
  ],
});

describe("taxonomy/unfinished-row: one fault, one finding", () => {
  test("an empty 时效 is a warning and not also an empty-level2 note", () => {
    const found = findings(withCells(dept, { D15: null, F15: null }), TAXONOMY_RULES).filter((f) => f.cell === "C15");
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["taxonomy/unfinished-row", "warning"]]);
    expect(found[0].message.zh).toBe("指标行未填写完整：第15行“时效指标”没有三级指标和指标值，请补填，或删除这一行。");
  });
  test("a blank row says its row and 一级", () => {
    const [f] = findings(withCells(dept, { C14: null, D14: null, E14: null, F14: null, G14: null }), [unfinishedRow]);
    expect(f.message.zh).toBe(
      "指标行未填写完整：第14行（产出指标）整行空白，请填写二级、三级指标和指标值，或删除这一行。"
    );
  });
});

describe("taxonomy/empty-level2 messages", () => {
  test("info only, and says it may stay", () => {
    const [f] = findings(sample, [emptyLevel2]);
    expect(f.severity).toBe("info");
    expect(f.message.zh).toBe("二级指标“生态效益指标”下没有三级指标。可以留空，也可以删除这一行。");
  });
});

testRule(templateRow, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "a real name with no value is value/empty's", sheet: withCells(dept, { F12: null }) },
    { name: "指标1: before a real name is name-marker's", sheet: withCells(dept, { D12: "指标1:培训班次" }) },
  ],
  invalid: [
    { name: "指标2: with an empty value", sheet: withCells(dept, { D13: "指标2:", F13: null }), cells: ["D13"] },
    // 宁乡坝塘 2021: a 二级 cell left as "…" under 成本指标, nothing else on the row.
    { name: "a 二级 left as …", sheet: withCells(dept, { C18: "…" }), cells: ["C18"] },
    {
      name: "指标2:, …… and … left: one finding",
      sheet: withCells(dept, { D13: "指标2:", F13: null, D17: "……", F17: null, D19: "…", F19: "≥**%" }),
      cells: ["D13"],
    },
  ],
});

test("template rows: one finding for the table, naming the rows as reviewers count them", () => {
  const sheet = withCells(dept, { D13: "指标2:", F13: null, D17: "……", F17: null, D19: "……", F19: null });
  const result = checkSheet(sheet);
  const serious = result.findings.filter((f) => f.severity !== "info");
  expect(serious.map((f) => f.rule)).toEqual(["taxonomy/template-row"]);
  expect(serious[0].message.zh).toContain("模板预留行未使用，请删除");
  expect(serious[0].message.zh).toContain("第13行、第17行、第19行");
  expect(serious[0].folded).toEqual(expect.arrayContaining(["value/empty", "taxonomy/duplicate-name"]));
});

test("duplicate-name counts rows as reviewers do, with the cell beside", () => {
  const [f] = runRules(readSheet(withCells(dept, { D13: "培训班次" })).tables[0], [duplicateName]);
  expect(f.message.zh).toContain("与第12行三级指标重名（D12）");
});

testRule(duplicateName, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "similar but different", sheet: withCells(dept, { D13: "培训班次数" }) },
  ],
  invalid: [
    { name: "a name repeated", sheet: withCells(dept, { D13: "培训班次" }), cells: ["D13"] },
    {
      name: "repeated with spaces and full-width",
      sheet: withCells(dept, { D17: "培训 合格率", D19: "培训合格率" }),
      cells: ["D17", "D19"],
    },
    { name: "three times", sheet: withCells(dept, { D19: "教师满意度", D21: "教师满意度" }), cells: ["D20", "D21"] },
  ],
});

describe("taxonomy/duplicate-name related cells", () => {
  test("the second points at the first", () => {
    const f = findings(withCells(dept, { D19: "教师满意度", D21: "教师满意度" }), [duplicateName]);
    expect(f.map((x) => x.related)).toEqual([["D19"], ["D19"]]);
  });
});

testRule(nameTooLong, {
  valid: [
    { name: "department", sheet: dept },
    { name: "2021 sample", sheet: sample },
    { name: "exactly 100 characters", sheet: withCells(dept, { D12: "培".repeat(100) }) },
  ],
  invalid: [
    { name: "101 characters", sheet: withCells(dept, { D12: "培".repeat(101) }), cells: ["D12"] },
    { name: "project", sheet: withCells(proj, { D14: "养护验收合格率".repeat(20) }), cells: ["D14"] },
  ],
});

testRule(nameMarker, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "brackets without placeholders", sheet: withCells(dept, { D12: "培训班次（含线上）" }) },
    // Real names (宁夏同心 2023): ★ / ★★★ core-indicator marks are accepted practice.
    { name: "★ marks at the ends", sheet: withCells(dept, { D13: "★维修校舍数量", D20: "★★★教师满意度" }) },
  ],
  invalid: [
    {
      name: "hints, prefixes and marks",
      sheet: withCells(dept, {
        D12: "指标1：培训班次",
        D14: "培训合格率（≥**%）",
        D15: "……",
        D16: "人均*培训成本",
        D17: "教师业务能力(≥**个)",
      }),
      cells: ["D14", "D15", "D16", "D17", "D12"],
    },
    // Real names (兵团一师六团 2021): 指标1:, 指标2: … on every 三级 name — once per table.
    {
      name: "指标1:/指标2: prefixes: one finding",
      sheet: withCells(dept, { D12: "指标1:培训班次", D13: "指标2:维修校舍数量", D14: "指标1:培训合格率" }),
      cells: ["D12"],
    },
  ],
});

describe("taxonomy/name-marker fixes", () => {
  test("certain removals are fixes, hints are not", () => {
    const f = findings(withCells(dept, { D12: "指标1：培训班次", D14: "培训合格率（≥**%）", D20: "※教师满意度※" }), [
      nameMarker,
    ]);
    expect(f.map((x) => x.fix?.[0]?.value)).toEqual([undefined, "培训班次"]);
    expect(f[1].message.zh).toBe("三级指标名称“指标1：培训班次”带有编号前缀，应改为“培训班次”。");
    expect(f[0].message.zh).toContain("名称仍为模板占位内容");
    expect(f[0].message.zh).toContain("模板提示“（≥**%）”");
  });
  test("prefixes on many names: one fix for all", () => {
    const [f, ...rest] = findings(withCells(dept, { D12: "指标1:培训班次", D13: "指标2:维修校舍数量" }), [nameMarker]);
    expect(rest).toEqual([]);
    expect(f.fix!.map((x) => x.value)).toEqual(["培训班次", "维修校舍数量"]);
    expect(f.related).toEqual(["D13"]);
  });
});

test("name-embeds-target: a unit in the name that differs from the value's (四川井研 2023: 村组干部230人, ≥230个)", () => {
  const [f] = findings(withCells(dept, { D12: "村组干部230人", F12: "≥230个" }), [nameEmbedsTarget]);
  expect(f.message.zh).toContain("名称中的单位“人”与计量单位“个”不一致");
  const [same] = findings(withCells(dept, { D12: "村组干部230人", F12: "≥230人" }), [nameEmbedsTarget]);
  expect(same.message.zh).not.toContain("不一致");
});

testRule(nameEmbedsTarget, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample (100周年, 教研次数)", sheet: sample },
    { name: "an ordinal and a year", sheet: withCells(dept, { D12: "开展培训第3期", D13: "2022年度校舍维修数量" }) },
  ],
  invalid: [
    {
      name: "targets in names",
      sheet: withCells(dept, {
        D14: "培训达标率100%",
        D12: "培训人数≥50人",
        D13: "维修校舍（≥3处）",
        D20: "教师满意度90%以上",
      }),
      cells: ["D12", "D13", "D14", "D20"],
    },
    { name: "number and unit at the end", sheet: withCells(proj, { D13: "养护道路里程120公里" }), cells: ["D13"] },
  ],
});

describe("taxonomy/name-embeds-target messages", () => {
  test("names the target, the value and the name without the target", () => {
    const [f] = findings(withCells(dept, { D14: "培训达标率100%", F14: "≥98%" }), [nameEmbedsTarget]);
    expect(f.related).toEqual(["F14"]);
    expect(f.message.zh).toBe(
      "三级指标名称“培训达标率100%”中含有目标值“100%”；目标值只应填在指标值一栏（现为“≥98%”）。名称可改为“培训达标率”。"
    );
    expect(f.message.en).toContain('could read "培训达标率"');
  });
});

describe("the 2021 sample against every rule of this issue", () => {
  const all = [...TAXONOMY_RULES, ...STRUCTURE_RULES];
  const summary = (s: SheetSnapshot) => findings(s, all).map((f) => [f.rule, f.severity, f.cell]);
  test("exactly: 服务对象满意度指 (warning) and the empty 生态效益指标 (info)", () => {
    expect(summary(sample)).toEqual([
      ["taxonomy/unknown-level2", "warning", "C83"],
      ["taxonomy/empty-level2", "info", "C77"],
    ]);
  });
  test.each([
    ["repeated", { levelLabels: "repeated" }],
    ["first", { levelLabels: "first" }],
    ["broken", { brokenLevel2: true }],
    ["split", { indicatorForm: "split", remarkColumn: true }],
    ["no label column, spaced", { labelColumn: false, spacedLabels: true, brackets: "half", blankRows: 1 }],
  ] as [string, Partial<Layout>][])("no error in layout %s", (_n, layout) => {
    const f = findings(sheetOf(SAMPLE_2021, layout), all);
    expect(f.filter((x) => x.severity === "error")).toEqual([]);
    expect(f.filter((x) => x.rule === "taxonomy/unknown-level2").length).toBeGreaterThan(0);
  });
  test("the small tables raise nothing but the empty 生态效益指标", () => {
    expect(findings(proj, all)).toEqual([]);
    expect(summary(dept)).toEqual([["taxonomy/empty-level2", "info", "C18"]]);
  });
});

testRule(level2Contradicts, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "a pass rate under 质量", sheet: withCells(dept, { D14: "验收合格率" }) },
  ],
  invalid: [
    { name: "满意度 under 质量", sheet: withCells(dept, { D14: "群众满意度" }), cells: ["D14"] },
    { name: "a spending rate under 数量", sheet: withCells(dept, { D12: "预算执行率", F12: "≥95%" }), cells: ["D12"] },
    {
      name: "a completion rate under 成本",
      sheet: withCells(dept, { D16: "项目完成率", F16: "=100%" }),
      cells: ["D16"],
    },
  ],
});

testRule(nameUnit, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "2021 sample", sheet: sample },
    { name: "brackets that are not a unit", sheet: withCells(dept, { D12: "培训班次（含线上）" }) },
  ],
  invalid: [
    // 江西浮梁 2026: 保障在职职工人数(人), 湿地保有量(公顷) — once per table.
    {
      name: "保障在职职工人数(人) and 湿地保有量(公顷): one finding",
      sheet: withCells(dept, { D12: "保障在职职工人数(人)", D13: "湿地保有量(公顷)" }),
      cells: ["D12"],
    },
  ],
});
