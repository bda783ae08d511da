/**
 * 部门整体支出绩效目标表 (2019年度), 中共宁德市委党史和地方志研究室 (福建), attachment
 * "部门整体支出绩效目标表(60.8).xls".
 * Source: http://ndfzw.com/ggl/2019-12-31/7211.html
 * Shared text: ../shared/domain/real-tables/fujian-ningde-history-office-2019-dept-overall.txt (cut off inside the
 * 成本指标 row).
 *
 * Layout as published, five columns: a label column (年度预算安排(万元), 年度总体目标, 年度履职目标, each label
 * broken one character per line as printed) beside the blocks; 年度预算安排 with 资金总额 / 项目支出 / 基本支出; the
 * 年度履职目标 block with its header 部门职能 / 年度目标任务 / 支出项目名称 / 预算金额(万元) and three rows; a blank
 * row; then the indicator header 一级指标 / 二级指标 / 三级指标 / 指标解释 / 目标值 from column A. The four goals are
 * one cell with line breaks. Typing: amounts are numbers; 目标值 `1` is the number 1 (a spreadsheet showing "1"
 * holds 1 in a General cell); the other values (`100%`, `≥60%`, `100%(历史标准)`) are text as the budget system's
 * .xls holds them. The year line is `2019年度)` as extracted (the opening bracket is lost on the page); the
 * 部门预算编码 is text. The cut 成本指标 row (`基本支出`, value cut) and the page's meta markup are left out.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("部门整体支出绩效目标表");
s.merged("A1:E1", "部门整体支出绩效目标表");
s.merged("A2:E2", "2019年度)");
s.row("A3", "部门(单位)名称").merged("B3:C3", "中共宁德市委党史和地方志研究室").row("D3", "部门预算编码", "901001033");
s.merged("A4:A6", "年度\n预算\n安排\n(万元)");
s.row("B4", "资金总额").merged("C4:E4", 171.41);
s.row("B5", "项目支出").merged("C5:E5", 60.8);
s.row("B6", "基本支出").merged("C6:E6", 110.61);
s.row("A7", "年度\n总体\n目标").merged(
  "B7:E7",
  "目标1:确保本室各人员工资及福利的发放;\n目标2:对合作社区、退休人员及遗孀、困难群众进行一定程度的补助;\n目标3:确保本室日常办公所需经费正常运行;\n目标4:保障志鉴地情相关工作开展所需资金,确保完成2019年度任务。"
);
s.merged("A8:A11", "年度\n履职\n目标");
s.row("B8", "部门职能", "年度目标任务", "支出项目名称", "预算金额(万元)");
s.row(
  "B9",
  "组织、指导、编纂、督促和检查地方志、年鉴、地情工作",
  "保障志鉴地情相关工作开展所需资金,确保完成2019年度任务",
  "地情、市志编纂与年鉴出版经费",
  49.8
);
s.row("B10", "确保本室各人员工资及福利的发放", "按时发放2019年人员福利", "地情、市志编纂与年鉴出版经费", 11);
s.row("B11", "确保日常工作正常运行", "按时发放2019年人员工资待遇", "基本支出", 171.41);
// Row 12: blank as published.
s.row("A13", "一级指标", "二级指标", "三级指标", "指标解释", "目标值");
s.merged("A14:A19", "产出指标").merged("B14:B16", "数量指标");
s.row("C14", "志鉴地情相关工作开展所需资金的供应时效", "100%(历史标准)", "100%");
s.row("C15", "确保日常工作正常运行", "100%", "100%");
s.row("C16", "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "60%", "≥60%");
s.merged("B17:B18", "质量指标");
s.row("C17", "调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率", "90%(计划标准)", 1);
s.row("C18", "各类书籍审稿率", "100%(计划标准)", 1);
s.row("B19", "时效指标", "项目完成时间", "2019年12月(计划标准)", "100%");

export const FUJIAN_NINGDE_2019_HISTORY_OFFICE: RealTable = {
  id: "fujian-ningde-history-office-2019-dept-overall",
  file: "fujian-ningde-history-office-2019-dept-overall.txt",
  source: "http://ndfzw.com/ggl/2019-12-31/7211.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "department",
        year: { value: 2019, cell: "A2" },
        name: { label: "A3", value: "B3" },
        goals: [{ label: "A7", value: "B7" }],
        money: [
          {
            block: "年度预算安排",
            total: { label: "B4", value: "C4" },
            parts: [
              { label: "B5", value: "C5" },
              { label: "B6", value: "C6" },
            ],
          },
          {
            block: "年度履职目标",
            parts: [
              { label: "D9", value: "E9" },
              { label: "D10", value: "E10" },
              { label: "D11", value: "E11" },
            ],
          },
        ],
        indicators: [
          { header: "A13", rows: 6, first: { name: "C14", value: "E14" }, last: { name: "C19", value: "E19" } },
        ],
      },
    ],
  },
  flag: [
    {
      cells: ["E11", "E9", "E10"],
      what: "履职目标金额 49.8 + 11 + 171.41：基本支出行重复了总额 171.41（应为 110.61）/ a row repeats the total",
    },
    {
      cells: ["E17", "D17"],
      what: "覆盖率目标值为“1”（无单位，比率写在指标解释“90%(计划标准)”）/ a rate given as 1",
    },
    {
      // Same fault as E17, on the next row; the README names the kind ("目标值 `1` for a coverage rate").
      cells: ["E18", "D18"],
      what: "审稿率目标值为“1”（无单位，比率写在指标解释“100%(计划标准)”）/ a rate given as 1",
    },
  ],
  leave: [
    { cells: ["C4", "C5", "C6"], what: "资金总额 171.41 = 60.8 + 110.61" },
    { cells: ["D14", "D15", "D16", "D19"], what: "指标解释列的“100%(历史标准)”等 / values in the 指标解释 column" },
  ],
  leaveWords: ["年度主要任务"],
  // Cut off inside the 成本指标 row: 效益 / 满意度 indicators are not in the excerpt.
  cutWords: ["“效益指标”", "“满意度指标”", "“成本指标”"],
};
