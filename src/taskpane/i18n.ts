/**
 * The pane's strings: Simplified Chinese first, English when Office's display language is not Chinese.
 * Placeholders in braces ("{n}") are filled by `format`.
 */
import type { Lang, Message } from "../core/finding";

export type { Lang };

/** "zh" when the display language starts with "zh" (zh-CN, zh-TW, ...) or is unknown; otherwise "en". */
export function languageFor(displayLanguage: string | undefined | null): Lang {
  if (!displayLanguage) return "zh";
  return displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Office's display language, or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}

export const STRINGS = {
  title: { zh: "绩效目标表检查", en: "Goal Table Checker" },
  preview: {
    zh: "预览版窗格：目前只显示检查摘要，完整的问题列表将在后续版本中提供。",
    en: "Preview pane: it shows a summary only; the full list of findings comes in a later version.",
  },
  checkButton: { zh: "检查当前工作表", en: "Check active sheet" },
  running: { zh: "正在读取并检查工作表…", en: "Reading and checking the sheet…" },
  notInExcel: {
    zh: "此窗格需要在 Excel 中打开。",
    en: "Open this pane in Excel.",
  },
  sheet: { zh: "工作表", en: "Sheet" },
  tableFound: { zh: "找到绩效目标表", en: "Goal table found" },
  tablesFound: { zh: "找到 {n} 张绩效目标表", en: "{n} goal tables found" },
  kind: { zh: "类型", en: "Kind" },
  kindDepartment: { zh: "部门整体", en: "Department (overall)" },
  kindProject: { zh: "项目", en: "Project" },
  year: { zh: "年度", en: "Year" },
  name: { zh: "名称", en: "Name" },
  range: { zh: "范围", en: "Range" },
  unknown: { zh: "未识别", en: "not found" },
  findings: { zh: "检查结果", en: "Findings" },
  noFindings: { zh: "没有发现问题。", en: "No findings." },
  severityError: { zh: "错误", en: "Errors" },
  severityWarning: { zh: "警告", en: "Warnings" },
  severityInfo: { zh: "提示", en: "Notes" },
  notATable: { zh: "当前工作表不是绩效目标表", en: "The active sheet is not a goal table" },
  excelError: { zh: "读取工作表时 Excel 报错", en: "Excel reported an error while reading the sheet" },
  checkError: { zh: "检查时出错", en: "The check failed" },
  noMerges: {
    zh: "此版本的 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），检查结果可能不完整。",
    en: "This version of Excel cannot read merged cells (needs ExcelApi 1.13); results may be incomplete.",
  },
} as const satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS;

/** The string for `key` in `lang`, with "{name}" placeholders replaced from `params`. */
export function format(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
