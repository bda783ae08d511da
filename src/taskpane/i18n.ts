/**
 * The pane's strings: Simplified Chinese first, English when Office's display language is not Chinese.
 * Placeholders in braces ("{n}") are filled by `format`. The findings' own messages and the rules' titles come
 * from the rules (src/core/rules), not from here.
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
  intro: {
    zh: "打开绩效目标表所在的工作表，点击“检查”。发现的问题列在下方，并在表格中标出。",
    en: "Open the sheet that holds the goal table and select Check. Findings are listed below and marked on the sheet.",
  },
  notInExcel: { zh: "此窗格需要在 Excel 中打开。", en: "Open this pane in Excel." },

  // Toolbar
  checkButton: { zh: "检查", en: "Check" },
  clearMarks: { zh: "清除标记", en: "Clear marks" },
  autoRecheck: { zh: "自动重新检查", en: "Re-check automatically" },
  checking: { zh: "正在检查…", en: "Checking…" },
  fixing: { zh: "正在修正…", en: "Fixing…" },
  clearing: { zh: "正在清除标记…", en: "Clearing marks…" },
  accepting: { zh: "正在保存接受记录…", en: "Saving the acceptance…" },
  undoing: { zh: "正在撤销…", en: "Undoing…" },

  // Result header
  sheetLine: { zh: "工作表：{sheet}", en: "Sheet: {sheet}" },
  tableFound: { zh: "找到绩效目标表", en: "Goal table found" },
  tablesFound: { zh: "找到 {n} 张绩效目标表", en: "{n} goal tables found" },
  kindDepartment: { zh: "部门整体支出", en: "Department spending" },
  kindProject: { zh: "项目支出", en: "Project spending" },
  yearValue: { zh: "{year}年度", en: "{year}" },
  yearUnknown: { zh: "年度未识别", en: "year not found" },
  nameUnknown: { zh: "名称未识别", en: "name not found" },
  rangeValue: { zh: "区域 {range}", en: "range {range}" },
  severityError: { zh: "错误", en: "Errors" },
  severityWarning: { zh: "警告", en: "Warnings" },
  severityInfo: { zh: "提示", en: "Notes" },
  severityErrorOne: { zh: "错误", en: "Error" },
  severityWarningOne: { zh: "警告", en: "Warning" },
  severityInfoOne: { zh: "提示", en: "Note" },
  countsLabel: { zh: "问题数量", en: "Findings by severity" },
  noFindings: { zh: "没有发现问题。", en: "No findings." },

  // Finding list
  findings: { zh: "检查结果", en: "Findings" },
  categoryAmount: { zh: "金额", en: "Amounts" },
  categoryValue: { zh: "指标值", en: "Indicator values" },
  categoryTaxonomy: { zh: "指标体系", en: "Indicator taxonomy" },
  categoryStructure: { zh: "结构", en: "Structure" },
  goToCell: { zh: "转到 {cell}", en: "Go to {cell}" },
  fix: { zh: "修正", en: "Fix" },
  fixCell: { zh: "修正 {cell}", en: "Fix {cell}" },
  fixAll: { zh: "全部修正", en: "Fix all" },
  fixAllLine: { zh: "{rule}：{n} 处可一并修正", en: "{rule}: {n} findings can be fixed at once" },
  fixAllLabel: { zh: "全部修正：{rule}（{n} 处）", en: "Fix all: {rule} ({n})" },
  fixProtected: { zh: "工作表受保护，取消保护后才能修正。", en: "Unprotect the sheet to apply fixes." },

  // 接受 (accept a finding) and 撤销 (undo a fix)
  accept: { zh: "接受", en: "Accept" },
  acceptCell: { zh: "接受 {cell} 的结果", en: "Accept the finding at {cell}" },
  acceptReason: { zh: "接受理由（可选）", en: "Reason (optional)" },
  acceptReasonHint: { zh: "如：一次性项目，按实际填写", en: "e.g. one-off project, filled in as actual" },
  acceptConfirm: { zh: "确认接受", en: "Accept" },
  cancel: { zh: "取消", en: "Cancel" },
  blockingNote: {
    zh: "预算管理一体化系统会拦截此错误，不能接受，须修改。",
    en: "The budget platform refuses this error: it cannot be accepted, only corrected.",
  },
  foldedNote: { zh: "同一单元格还有：{rules}", en: "Also at this cell: {rules}" },
  acceptedSection: { zh: "已接受 ({n})", en: "Accepted ({n})" },
  acceptedReason: { zh: "理由：{reason}", en: "Reason: {reason}" },
  acceptedNoReason: { zh: "未填写理由", en: "No reason given" },
  restore: { zh: "恢复", en: "Restore" },
  restoreCell: { zh: "恢复 {cell} 的结果", en: "Restore the finding at {cell}" },
  fixHistory: { zh: "本次修正（可撤销）", en: "Fixes made while the pane is open (can be undone)" },
  undo: { zh: "撤销", en: "Undo" },
  undoCells: { zh: "撤销对 {cells} 的修正", en: "Undo the fix of {cells}" },

  // Notices
  fixed: { zh: "已修正 {cells}", en: "Fixed {cells}" },
  fixedMany: { zh: "已修正 {n} 处：{cells}", en: "Fixed {n} cells: {cells}" },
  undone: { zh: "已撤销修正，恢复了 {cells}。", en: "Undone: {cells} restored." },
  undoneNothing: { zh: "没有恢复任何单元格。", en: "No cell was restored." },
  changedSince: {
    zh: "{cells} 在修正后又被修改过，保留现状，未恢复。",
    en: "{cells} changed after the fix and were left as they are.",
  },
  accepted: {
    zh: "已接受 {cell} 的结果，接受记录保存在工作簿中；该单元格内容改变后失效。",
    en: "Accepted the finding at {cell}. The acceptance is saved in the workbook and lapses when the cell changes.",
  },
  restoredNotice: { zh: "已恢复 {cell} 的结果。", en: "The finding at {cell} is open again." },
  cleared: {
    zh: "已清除表格中的标记；问题仍列在下方。再次点击“检查”会重新标记。",
    en: "The marks were removed from the sheet; the findings are still listed below. Check again to mark them.",
  },
  protectedSheet: {
    zh: "工作表受保护，无法在表格中标记；问题仍列在下方。",
    en: "The sheet is protected, so its cells cannot be marked; the findings are still listed below.",
  },
  featureTitle: { zh: "您的 Excel 版本较旧", en: "This version of Excel is too old for some features" },
  featureCore: {
    zh: "您的 Excel 版本不支持本加载项所需的功能，需要 ExcelApi {v} 或更高版本。",
    en: "This version of Excel lacks features the add-in needs: it requires ExcelApi {v} or later.",
  },
  featureConditionalFormats: {
    zh: "您的 Excel 版本不支持在表格中标记问题，需要 ExcelApi {v} 或更高版本；问题仍列在窗格中。",
    en: "This version of Excel cannot mark findings on the sheet: that needs ExcelApi {v} or later. The findings are still listed in the pane.",
  },
  featureOnChanged: {
    zh: "您的 Excel 版本不支持自动重新检查，需要 ExcelApi {v} 或更高版本；修改表格后请再次点击“检查”。",
    en: "This version of Excel cannot re-check automatically: that needs ExcelApi {v} or later. Select Check again after editing.",
  },
  featureMergedAreas: {
    zh: "您的 Excel 版本不支持读取合并单元格，需要 ExcelApi {v} 或更高版本；检查结果可能不完整。",
    en: "This version of Excel cannot read merged cells: that needs ExcelApi {v} or later. The results may be incomplete.",
  },

  // Empty state
  emptyTitle: { zh: "当前工作表中没有绩效目标表", en: "No goal table on this sheet" },
  emptyExpect: {
    zh: "本窗格检查部门（单位）整体支出绩效目标表和项目支出绩效目标表。表格应有以“…绩效目标表”结尾的标题，以及“年度主要任务”和“绩效指标”等表头。请打开表格所在的工作表，再点击“检查”。",
    en: "This pane checks department and project performance goal tables (绩效目标表). The sheet should have a title ending in “…绩效目标表” and headers such as 年度主要任务 (annual tasks) and 绩效指标 (indicators). Open the sheet with the table and select Check.",
  },
  emptyReason: { zh: "未识别的原因：", en: "Why: " },

  // Errors
  errorStart: { zh: "无法连接 Excel", en: "Could not connect to Excel" },
  errorRead: { zh: "无法读取工作表", en: "Could not read the sheet" },
  errorCheck: { zh: "检查时出错", en: "The check failed" },
  errorHighlight: { zh: "无法在表格中标记问题", en: "Could not mark the findings on the sheet" },
  errorSelect: { zh: "无法选中单元格", en: "Could not select the cell" },
  errorFix: { zh: "无法修正", en: "Could not apply the fix" },
  errorClear: { zh: "无法清除标记", en: "Could not clear the marks" },
  errorWatch: { zh: "无法自动重新检查", en: "Automatic re-checking is not available" },
  errorAccept: { zh: "无法保存接受记录", en: "Could not save the acceptance" },
  errorAcceptances: {
    zh: "无法读取工作簿中的接受记录，已接受的结果暂按未接受列出",
    en: "Could not read the acceptances stored in the workbook: accepted findings are listed as open",
  },
  errorUndo: { zh: "无法撤销", en: "Could not undo" },
  errorCellEdit: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后重试。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  errorRangeTooLarge: {
    zh: "工作表的已用区域太大，Excel 无法一次读出。这通常是表格以外远处残留的单元格或格式所致：按 Ctrl+End 找到已用区域的末尾，删除多余的行和列后再检查。",
    en: "The sheet's used range is too large for Excel to hand over at once. This is usually a stray cell or format far from the table: press Ctrl+End to find the end of the used range, delete the extra rows and columns, and check again.",
  },
  errorUnknown: { zh: "未知错误。", en: "Unknown error." },
  crashTitle: { zh: "窗格出错", en: "The pane ran into a problem" },
  crashBody: {
    zh: "请点击“重新加载”。如果问题仍然存在，请关闭并重新打开窗格。",
    en: "Select Reload. If the problem persists, close the pane and open it again.",
  },
  reload: { zh: "重新加载", en: "Reload" },
  dismiss: { zh: "关闭", en: "Dismiss" },

  // 新年度模板 (src/taskpane/components/TemplateSection.tsx)
  templateSection: { zh: "插入新年度模板", en: "Insert next year's template" },
  templateIntro: {
    zh: "在新的工作表中插入下一预算年度的绩效目标表，现有工作表不会被改动。",
    en: "Adds the goal table for the next budget year on a new sheet. Existing sheets are not changed.",
  },
  templateYear: { zh: "预算年度", en: "Budget year" },
  templateYearInvalid: { zh: "请输入 1990 至 2100 之间的年份。", en: "Enter a year from 1990 to 2100." },
  templateKind: { zh: "表格类型", en: "Table type" },
  templateKindDepartment: { zh: "部门整体", en: "Department" },
  templateKindProject: { zh: "项目", en: "Project" },
  templateForm: { zh: "指标值", en: "Indicator values" },
  templateFormMerged: { zh: "合并指标值", en: "In one column" },
  templateFormSplit: { zh: "分栏", en: "Split into columns" },
  templatePrefill: { zh: "沿用当前表格内容", en: "Carry over the current table" },
  templatePrefillHint: {
    zh: "以当前工作表中的绩效目标表为底稿：保留名称、任务、目标和指标，金额留空。",
    en: "Starts from the goal table on the active sheet: names, tasks, goals and indicators are kept; amounts are left empty.",
  },
  templateKeepValues: { zh: "保留指标值", en: "Keep indicator values" },
  templateInsert: { zh: "插入新年度模板", en: "Insert template" },
  templateInserting: { zh: "正在插入模板…", en: "Inserting the template…" },
  templateInserted: { zh: "已插入工作表“{sheet}”", en: "Inserted the sheet “{sheet}”" },
  templatePrefilledFrom: {
    zh: "以工作表“{sheet}”中的表格为底稿。",
    en: "Prefilled from the table on the sheet “{sheet}”.",
  },
  templateNoTable: {
    zh: "当前工作表中没有绩效目标表，已插入空白模板。",
    en: "The active sheet holds no goal table, so a blank template was inserted.",
  },
  templateSkipped: {
    zh: "您的 Excel 版本不支持以下功能，模板中未包含：{features}。",
    en: "This version of Excel could not add: {features}.",
  },
  templateSkippedDataValidation: {
    zh: "下拉列表（需要 ExcelApi 1.8）",
    en: "dropdown lists (needs ExcelApi 1.8)",
  },
  templateSkippedPageLayout: { zh: "打印设置（需要 ExcelApi 1.9）", en: "print settings (needs ExcelApi 1.9)" },
  errorTemplate: { zh: "无法插入模板", en: "Could not insert the template" },
} as const satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS;

/** The string for `key` in `lang`, with "{name}" placeholders replaced from `params`. */
export function format(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

/** A translator bound to one language. */
export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => format(lang, key, params);
}

/** A list of cell addresses for a message: "D6、D7" / "D6, D7", cut after `max` with "等" / "…". */
export function cellList(lang: Lang, cells: readonly string[], max = 6): string {
  const shown = cells.slice(0, max).join(lang === "zh" ? "、" : ", ");
  if (cells.length <= max) return shown;
  return lang === "zh" ? `${shown} 等` : `${shown}, …`;
}
