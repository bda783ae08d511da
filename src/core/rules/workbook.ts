/**
 * Rules over a whole workbook rather than one table: they need to see every sheet. checkWorkbook runs them after
 * the table rules. Their metadata is in the catalogue like any rule's.
 */
import type { SheetCheck } from "../check";
import type { Finding, Message } from "../finding";
import type { GoalTable } from "../model";
import type { RuleMeta } from "./rule";

export interface WorkbookRule extends RuleMeta {
  /** May replace findings of the sheets (when it explains them better) and returns its own. */
  check(sheets: SheetCheck[]): Finding[];
}

function finding(rule: RuleMeta, sheet: string, cell: string, message: Message, related: string[] = []): Finding {
  return { rule: rule.id, severity: rule.severity, sheet, cell, related, message };
}

export const noGoalTable: WorkbookRule = {
  id: "structure/no-goal-table",
  severity: "error",
  category: "structure",
  title: { zh: "工作簿中没有绩效目标表", en: "No goal table in the workbook" },
  docs: {
    description: {
      zh: "工作簿的每张工作表都不是绩效目标表：没有“…绩效目标表”标题，也没有“年度主要任务”“资金情况”或“一级指标/二级指标/三级指标”表头。逐表说明原因。",
      en: "No sheet of the workbook is a goal table: none has a '…绩效目标表' title or a task, funding or indicator header. The reason is given for each sheet.",
    },
    bad: "(a workbook holding a shopping list)",
    good: "(a workbook with a 部门（单位）整体支出绩效目标表 sheet)",
  },
  check(sheets) {
    if (sheets.some((s) => s.tables.length > 0)) return [];
    const first = sheets[0]?.sheet ?? "";
    if (sheets.length === 0)
      return [
        finding(this, first, "A1", {
          zh: "工作簿中没有工作表，找不到绩效目标表。",
          en: "The workbook has no sheets, so no goal table was found.",
        }),
      ];
    return [
      finding(this, first, "A1", {
        zh: "工作簿中找不到绩效目标表：" + sheets.map((s) => `“${s.sheet}”${s.notATable?.reason.zh ?? ""}`).join("；"),
        en:
          "No goal table in this workbook: " +
          sheets.map((s) => `'${s.sheet}' ${s.notATable?.reason.en ?? ""}`).join("; "),
      }),
    ];
  },
};

/** Findings that only say "this part is missing": on a table split over two sheets they are wrong. */
const MISSING_HEAD = new Set([
  "structure/missing-title",
  "structure/missing-year",
  "structure/missing-name",
  "structure/missing-tasks",
  "structure/missing-total-row",
  "structure/missing-funding",
  "structure/missing-goal",
]);

/** A table with only its indicator block: no title, name, tasks, funding or goal. */
function isIndicatorsOnly(t: GoalTable): boolean {
  return !!t.indicators && !t.title && !t.name && !t.tasks && !t.funding?.total && t.goals.length === 0;
}

export const splitTable: WorkbookRule = {
  id: "structure/split-table",
  severity: "warning",
  category: "structure",
  title: { zh: "表格分在两张工作表上", en: "Table split over two sheets" },
  docs: {
    description: {
      zh: "绩效指标接在下一张工作表上，上一张工作表只有表头、任务和目标。检查时两部分合起来看（不再报“缺少绩效指标”“缺少标题”等），但上报时整张表应在同一工作表中。",
      en: "The indicators continue on the next sheet, while the sheet before holds the heading, tasks and goal. The check reads the two parts together (no 'missing indicators' or 'missing title'), but a submission should keep the table on one sheet.",
    },
    bad: "Sheet1: title, tasks, goal | Sheet2: 一级指标 | 二级指标 | …",
    good: "one sheet with the whole table",
  },
  check(sheets) {
    const out: Finding[] = [];
    for (let i = 0; i + 1 < sheets.length; i++) {
      const head = sheets[i].tables[sheets[i].tables.length - 1];
      const next = sheets[i + 1];
      const tail = next.tables[0];
      if (!head || !tail || head.indicators || !isIndicatorsOnly(tail)) continue;
      sheets[i].findings = sheets[i].findings.filter(
        (f) => !(f.rule === "structure/missing-indicators" && f.sheet === head.sheet)
      );
      next.findings = next.findings.filter((f) => !MISSING_HEAD.has(f.rule));
      out.push(
        finding(this, tail.sheet, tail.indicators!.header.address, {
          zh: `绩效指标接续在工作表“${head.sheet}”的表格之后，已合并检查；上报时请将整张表放在同一工作表中。`,
          en: `The indicators continue the table on sheet '${head.sheet}' and were checked with it; keep the whole table on one sheet for submission.`,
        })
      );
    }
    return out;
  },
};

export const WORKBOOK_RULES: readonly WorkbookRule[] = [noGoalTable, splitTable];
