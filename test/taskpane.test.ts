/** The task pane's pure helpers: language choice, strings, theme detection, and the check summary. */
import type { SheetCheck } from "../src/core/check";
import type { GoalTable } from "../src/core/model";
import { STRINGS, format, languageFor } from "../src/taskpane/i18n";
import { summarizeCheck } from "../src/taskpane/summary";
import { isDarkColor } from "../src/taskpane/theme";

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
