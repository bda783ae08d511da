/**
 * The user-facing rule catalogue (docs/rules.md), rendered from the rules' own metadata so it is never written
 * twice. `npm run docs:rules` writes it; a test fails when the file is stale.
 */
import type { Severity } from "../finding";
import type { RuleMeta, RuleCategory } from "./rule";

const CATEGORY: Record<RuleCategory, string> = {
  amount: "金额 Amounts",
  value: "指标值 Indicator values",
  taxonomy: "指标体系 Indicator taxonomy",
  structure: "结构 Structure",
};

const SEVERITY: Record<Severity, string> = {
  error: "错误 error",
  warning: "警告 warning",
  info: "提示 info",
};

const BLOCKING = "，**拦截 blocking**";

const ORDER: RuleCategory[] = ["amount", "value", "taxonomy", "structure"];

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderCatalogue(rules: readonly RuleMeta[]): string {
  const out: string[] = [];
  out.push("# 规则目录 Rule catalogue", "");
  out.push("<!-- Generated from the rules' metadata by `npm run docs:rules`. Do not edit by hand. -->", "");
  out.push(
    "每条规则有编号、级别和说明。**错误**：肯定有误或会被预算管理一体化系统拦截（强制性）；**警告**：审核人员会提出疑问（提示性）；**提示**：建议。",
    "",
    "Each rule has an id, a severity and a description. **error**: certainly wrong, or blocked by the ministry's platform; **warning**: a reviewer would query it; **info**: advice.",
    ""
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of rules) counts[r.severity]++;
  out.push(`${rules.length} rules: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info.`, "");
  const blocking = rules.filter((r) => r.blocking).length;
  out.push(
    `标为**拦截**的 ${blocking} 条规则是预算管理一体化系统会拒收的错误：其结果不能在任务窗格中“接受”。其余结果可附理由接受，接受记录保存在工作簿中，单元格内容改变后失效。`,
    "",
    `The ${blocking} rules marked **blocking** are faults the budget platform refuses: their findings cannot be accepted in the task pane. Any other finding can be accepted with a reason, kept in the workbook until the cell's content changes.`,
    ""
  );
  out.push("## 金额比较 Money comparison", "");
  out.push(
    "金额以十进制精确计算：Excel 中的数字先按 Excel 自身的15位有效数字规整（故 `1899.1899999999998` 即 1899.19），再逐分比较，不设容差，因为相差几分钱的合计正是审核中常见的真实错误。",
    "",
    "Amounts are compared in exact decimal arithmetic: a number from Excel is first rounded to Excel's own 15 significant digits (so `1899.1899999999998` is 1899.19), then compared exactly, with no tolerance, because a 合计 off by a few cents is a real fault reviewers see.",
    ""
  );
  out.push("| id | 级别 severity | 规则 rule |", "| --- | --- | --- |");
  for (const cat of ORDER)
    for (const r of rules.filter((x) => x.category === cat))
      out.push(
        `| [\`${r.id}\`](#${anchor(r.id)}) | ${SEVERITY[r.severity]}${r.blocking ? BLOCKING : ""} | ${cell(r.title.zh)} — ${cell(r.title.en)} |`
      );
  out.push("");
  for (const cat of ORDER) {
    const group = rules.filter((x) => x.category === cat);
    if (group.length === 0) continue;
    out.push(`## ${CATEGORY[cat]}`, "");
    for (const r of group) {
      out.push(`### ${r.id}`, "");
      out.push(
        `**${r.title.zh}** — ${r.title.en}  `,
        `级别 Severity: **${SEVERITY[r.severity]}**${r.blocking ? BLOCKING : ""}`,
        ""
      );
      out.push(r.docs.description.zh, "", r.docs.description.en, "");
      if (r.docs.bad !== undefined || r.docs.good !== undefined) {
        out.push(
          "| 错误示例 bad | 正确示例 good |",
          "| --- | --- |",
          `| \`${cell(r.docs.bad ?? "")}\` | \`${cell(r.docs.good ?? "")}\` |`,
          ""
        );
      }
    }
  }
  return out.join("\n");
}

/** GitHub's heading anchor for a rule id: "value/rate-over-100" → "valuerate-over-100". */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9\- ]/g, "");
}
