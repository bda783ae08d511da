/**
 * The task pane's pure helpers: language choice, strings, theme, the check summary, how findings are grouped and
 * sorted, which fixes may be applied in bulk, and how Excel's errors read.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { checkSheet, type SheetCheck } from "../src/core/check";
import type { Finding, Severity } from "../src/core/finding";
import type { GoalTable } from "../src/core/model";
import { ALL_RULES } from "../src/core/rules";
import { describeError } from "../src/taskpane/errors";
import { bySeverityThenPosition, categoryOf, groupFindings, ruleTitle } from "../src/taskpane/findings";
import { BULK_FIX_RULES, bulkFixes, isBulkSafe, snapshotCell } from "../src/taskpane/fixes";
import { STRINGS, cellList, format, languageFor } from "../src/taskpane/i18n";
import { summarizeCheck } from "../src/taskpane/summary";
import { isDarkColor, paneTheme } from "../src/taskpane/theme";
import { sameSnapshot } from "../src/taskpane/useChecker";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { tableSheet, withCells } from "./support/edit";

describe("languageFor", () => {
  it("uses Chinese for zh-* and when the language is unknown, English otherwise", () => {
    expect(languageFor("zh-CN")).toBe("zh");
    expect(languageFor("zh-TW")).toBe("zh");
    expect(languageFor(undefined)).toBe("zh");
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("de-DE")).toBe("en");
  });
});

describe("strings", () => {
  it("has both languages for every key and fills placeholders", () => {
    for (const entry of Object.values(STRINGS)) {
      expect(entry.zh.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
    }
    expect(format("zh", "tablesFound", { n: 2 })).toBe("找到 2 张绩效目标表");
    expect(format("en", "tablesFound", { n: 2 })).toBe("2 goal tables found");
  });
});

describe("isDarkColor", () => {
  it("tells dark Office backgrounds from light ones", () => {
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#000")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#f3f2f1")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
    expect(isDarkColor("not a colour")).toBe(false);
  });
});

describe("summarizeCheck", () => {
  const cell = (address: string, text: string) => ({
    address,
    row: 0,
    col: 0,
    value: text,
    formula: null,
    format: "General",
    text,
  });

  it("lists the tables and counts findings by severity", () => {
    const table: GoalTable = {
      kind: "project",
      sheet: "2021",
      range: "A1:H40",
      year: { value: 2021, cell: "A2" },
      unit: "万元",
      name: { label: cell("A4", "项目名称"), value: cell("B4", "道路养护") },
      goals: [],
    };
    const finding = (severity: "error" | "warning" | "info") => ({
      rule: "x",
      severity,
      sheet: "2021",
      cell: "B4",
      related: [],
      message: { zh: "", en: "" },
    });
    const check: SheetCheck = {
      sheet: "2021",
      tables: [table],
      findings: [finding("error"), finding("error"), finding("info")],
    };
    expect(summarizeCheck(check)).toEqual({
      sheet: "2021",
      tables: [{ kind: "project", year: 2021, name: "道路养护", range: "A1:H40" }],
      counts: { error: 2, warning: 0, info: 1 },
      notATable: undefined,
    });
  });

  it("passes on the reason when the sheet holds no table", () => {
    const reason = { zh: "没有找到标题", en: "no title found" };
    const summary = summarizeCheck({ sheet: "说明", tables: [], findings: [], notATable: { reason } });
    expect(summary.tables).toEqual([]);
    expect(summary.notATable).toEqual(reason);
  });
});

describe("cellList", () => {
  it("joins cells in the language's way and cuts long lists", () => {
    expect(cellList("zh", ["D6", "D7"])).toBe("D6、D7");
    expect(cellList("en", ["D6", "D7"])).toBe("D6, D7");
    expect(cellList("zh", ["A1", "A2", "A3"], 2)).toBe("A1、A2 等");
    expect(cellList("en", ["A1", "A2", "A3"], 2)).toBe("A1, A2, …");
  });
});

describe("paneTheme", () => {
  it("follows Office's light or dark theme and adds the Chinese UI fonts", () => {
    expect(paneTheme(false).colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
    expect(paneTheme(true).colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
    expect(paneTheme(true).fontFamilyBase).toContain("Microsoft YaHei UI");
  });
});

const finding = (rule: string, severity: Severity, cell: string, fix?: Finding["fix"]): Finding => ({
  rule,
  severity,
  sheet: "S",
  cell,
  related: [],
  message: { zh: `${rule} ${cell}`, en: `${rule} ${cell}` },
  ...(fix ? { fix } : {}),
});

describe("grouping findings", () => {
  it("maps every rule to its category, and unknown ids by prefix or to 结构", () => {
    for (const rule of ALL_RULES) expect(categoryOf(rule.id)).toBe(rule.category);
    expect(categoryOf("structure/no-goal-table")).toBe("structure");
    expect(categoryOf("value/something-new")).toBe("value");
    expect(categoryOf("reader/odd")).toBe("structure");
    expect(ruleTitle("value/fullwidth", "zh")).toBe("全角数字或符号");
    expect(ruleTitle("structure/no-goal-table", "zh")).toBeUndefined();
  });

  it("sorts by severity, then row, then column", () => {
    const sorted = bySeverityThenPosition([
      finding("value/empty", "info", "A2"),
      finding("value/empty", "error", "C10"),
      finding("value/empty", "warning", "B1"),
      finding("value/empty", "error", "B10"),
      finding("value/empty", "error", "Z3"),
    ]);
    expect(sorted.map((f) => `${f.severity} ${f.cell}`)).toEqual([
      "error Z3",
      "error B10",
      "error C10",
      "warning B1",
      "info A2",
    ]);
  });

  it("puts sections in the order 金额, 指标值, 指标体系, 结构 and leaves out empty ones", () => {
    const groups = groupFindings([
      finding("structure/no-goal-table", "error", "A1"),
      finding("value/fullwidth", "warning", "F30"),
      finding("amount/task-sum", "error", "D7"),
    ]);
    expect(groups.map((g) => g.category)).toEqual(["amount", "value", "structure"]);
  });
});

describe("bulk fixes", () => {
  const built = buildTable(SAMPLE_2021);
  const sheet = tableSheet(built.workbook);
  const t = built.placed.tasks;

  it("offers only the safe rules", () => {
    expect(BULK_FIX_RULES).toEqual([
      "value/ascii-operator",
      "value/fullwidth",
      "value/ge-100",
      "taxonomy/unknown-level2",
      "amount/not-a-number",
    ]);
    const edit = (cell: string) => [{ sheet: "S", cell, value: "≥1" }];
    expect(isBulkSafe(finding("value/ascii-operator", "info", "F1", edit("F1")), undefined)).toBe(true);
    expect(isBulkSafe(finding("value/ascii-operator", "info", "F1"), undefined)).toBe(false);
    expect(isBulkSafe(finding("amount/task-sum", "error", "D7", edit("D7")), undefined)).toBe(false);
    const formula = [{ sheet: "S", cell: "D6", formula: "=SUM(D7:D17)" }];
    expect(isBulkSafe(finding("value/fullwidth", "warning", "D6", formula), undefined)).toBe(false);
    const otherSheet = [{ sheet: "T", cell: "F1", value: "1" }];
    expect(isBulkSafe(finding("value/fullwidth", "warning", "F1", otherSheet), undefined)).toBe(false);
  });

  it("takes amounts typed as text, not guessed ones, and only when two or more are left", () => {
    const snapshot = withCells(sheet, { [t[1].total]: "60", [t[2].fiscal]: " 35 ", [t[3].other]: "O.00" });
    expect(snapshotCell(snapshot, t[1].total)?.value).toBe("60");
    const findings = checkSheet(snapshot).findings;
    const bulk = bulkFixes(findings, snapshot);
    expect(bulk.map((b) => b.rule)).toEqual(["amount/not-a-number"]);
    expect(bulk[0].edits.map((e) => [e.cell, e.value])).toEqual([
      [t[1].total, 60],
      [t[2].fiscal, 35],
    ]);
    const single = withCells(sheet, { [t[1].total]: "60", [t[3].other]: "O.00" });
    expect(bulkFixes(checkSheet(single).findings, single)).toEqual([]);
  });

  it("leaves out findings whose edits collide on a cell", () => {
    const a = finding("value/fullwidth", "warning", "F1", [{ sheet: "S", cell: "F1", value: "1" }]);
    const b = finding("value/fullwidth", "warning", "F1", [{ sheet: "S", cell: "F1", value: "2" }]);
    const c = finding("value/fullwidth", "warning", "F2", [{ sheet: "S", cell: "F2", value: "3" }]);
    const d = finding("value/fullwidth", "warning", "F3", [{ sheet: "S", cell: "F3", value: "4" }]);
    expect(bulkFixes([a, b, c, d], undefined)[0].findings).toEqual([c, d]);
  });
});

describe("describeError", () => {
  it("adds Office's error code, and gives advice for cell edit mode", () => {
    const err = Object.assign(new Error("The request failed."), { code: "GeneralException" });
    expect(describeError(err, "zh")).toBe("The request failed. (GeneralException)");
    const editing = Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" });
    expect(describeError(editing, "en")).toBe(format("en", "errorCellEdit"));
    expect(describeError("plain text", "zh")).toBe("plain text");
    expect(describeError(undefined, "zh")).toBe("未知错误。");
  });

  it("says what to do when the used range is too large to read (a stray cell far away)", () => {
    for (const code of ["ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]) {
      const err = Object.assign(new Error("The response payload size has exceeded the limit."), { code });
      expect(describeError(err, "zh")).toContain("Ctrl+End");
      expect(describeError(err, "en")).toBe(format("en", "errorRangeTooLarge"));
    }
  });
});

describe("sameSnapshot", () => {
  it("tells a changed sheet from an unchanged one", () => {
    const sheet = tableSheet(buildTable(SAMPLE_2021).workbook);
    expect(sameSnapshot(sheet, withCells(sheet, {}))).toBe(true);
    expect(sameSnapshot(sheet, withCells(sheet, { D7: 1 }))).toBe(false);
    expect(sameSnapshot(sheet, { ...sheet, protected: true })).toBe(false);
  });
});
