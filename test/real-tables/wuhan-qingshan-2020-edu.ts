/**
 * 项目支出绩效目标表 (2020年度), 教育系统基础设施建设和设备购置, 武汉市青山区教育局 (湖北), 项目支出绩效目标表3.
 * Source: http://www.qingshan.gov.cn/qzfbm/zfgzbm/jyj/czxx/zjxx/202001/t20200120_1016313.shtml
 * Shared text: ../shared/domain/real-tables/wuhan-qingshan-2020-edu-project.txt (complete).
 *
 * Layout as published (one cell per line of the page): seven columns, set by the indicator header 一级指标 /
 * 二级指标(长期) / 三级指标(长期) / 指标值(长期) / 二级指标(年度) / 三级指标(年度) / 指标值(年度); 一级 repeated on
 * every row; the long-term 三级 and 指标值 cells empty on every row. 项目资金 merged over three rows, two sides
 * (资金总额 … / 当年资金总额: …), 上级 wording absent here; the amounts are text with the unit in the cell
 * (`10000万元`) as printed; 其他资金 / 当年其他资金 empty. 总体目标 merged over two rows with 中期目标 / 年度目标 as
 * headers above their texts. The year line is `2020年度)` as extracted (the opening bracket is lost on the page).
 * Values are text as printed (`2`, `100%`, `≥90%`): the page is an HTML rendering of a text form. Site chrome and
 * the 附件 line are left out.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("项目支出绩效目标表");
s.merged("A1:G1", "项目支出绩效目标表");
s.merged("A2:G2", "2020年度)");
s.row("A3", "项目名称").merged("B3:G3", "教育系统基础设施建设和设备购置");
s.row("A4", "主管部门\n及编码").merged("B4:G4", "[015001]武汉市青山区教育局");
s.row("A5", "实施单位").merged("B5:G5", "武汉市青山区教育局");
s.row("A6", "项目属性").merged("B6:C6", "基础建设、修缮类").row("D6", "项目起止时间").merged("E6:G6", "202001-202012");
s.merged("A7:A9", "项目资金");
s.row("B7", "资金总额", "10000万元", "当年资金总额:").merged("E7:G7", "10000万元");
s.row("B8", "其中:财政拨款", "10000万元", "其中:当年财政拨款").merged("E8:G8", "10000万元");
s.row("B9", "其他资金", undefined, "当年其他资金").merges("E9:G9");
s.merged("A10:A11", "总体目标").merged("B10:D10", "中期目标").merged("E10:G10", "年度目标");
s.merged("B11:D11", "优化教育布局,推进教育领域综合改革全面提升育人质量实现基础教育持续发展");
s.merged("E11:G11", "按工作计划完成教育局重点项目建设经费预算安排");
s.merged("A12:G12", "绩效项目指标表");
s.row(
  "A13",
  "一级指标",
  "二级指标(长期)",
  "三级指标(长期)",
  "指标值(长期)",
  "二级指标(年度)",
  "三级指标(年度)",
  "指标值(年度)"
);
s.row("A14", "产出指标", "数量指标", undefined, undefined, "数量指标", "重点建设工程安排数量", "2");
s.row("A15", "产出指标", "质量指标", undefined, undefined, "质量指标", "重点建设工程验收合格率", "100%");
s.row("A16", "产出指标", "成本指标", undefined, undefined, "成本指标", "建设项目成本", "参照政府采购成本控制");
s.row("A17", "产出指标", "时效指标", undefined, undefined, "时效指标", "重点建设工程按期完成率", "100%");
s.row("A18", "效益指标", "可持续影响指标", undefined, undefined, "可持续影响指标", "基础教育巩固提高情况", "巩固提高");
s.row("A19", "效益指标", "社会效益指标", undefined, undefined, "社会效益指标", "基础教育学校办学条件", "持续改善");
s.row(
  "A20",
  "满意度指标",
  "服务对象满意度指标",
  undefined,
  undefined,
  "服务对象满意度指标",
  "学生、家长、社会满意度",
  "≥90%"
);

export const WUHAN_QINGSHAN_2020_EDU: RealTable = {
  id: "wuhan-qingshan-2020-edu-project",
  file: "wuhan-qingshan-2020-edu-project.txt",
  source: "http://www.qingshan.gov.cn/qzfbm/zfgzbm/jyj/czxx/zjxx/202001/t20200120_1016313.shtml",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: { value: 2020, cell: "A2" },
        name: { label: "A3", value: "B3" },
        goals: [
          { label: "B10", value: "B11" },
          { label: "E10", value: "E11" },
        ],
        money: [
          // The whole project's side (资金总额): its total is required; its 其中 rows repeat the 当年 side's sources and
          // are not required (the 当年 side is what the checks run on).
          { block: "项目资金", total: { label: "B7", value: "C7" }, parts: [] },
          {
            block: "当年资金",
            total: { label: "D7", value: "E7" },
            parts: [
              { label: "D8", value: "E8" },
              { label: "D9", value: "E9", blank: true },
            ],
          },
        ],
        indicators: [
          { header: "A13", rows: 7, first: { name: "F14", value: "G14" }, last: { name: "F20", value: "G20" } },
        ],
      },
    ],
  },
  flag: [
    { cells: ["G14"], what: "指标值“2”没有计量单位 / a value with no unit" },
    {
      cells: ["G16"],
      what: "成本指标“参照政府采购成本控制”没有可衡量的值 / a cost indicator that measures nothing",
      advisory: true,
    },
  ],
  leave: [
    { cells: ["G15", "G17"], what: "100% 没有计算符号 / 100% without an operator" },
    {
      cells: ["C7", "E7", "C8", "E8"],
      what: "金额带单位“10000万元”（可提示把万元移到表头）/ amounts with the unit in the cell (advisory)",
    },
  ],
  // README also lists "rates under 数量 and under 成本 (advisory)"; no cell of the published table holds a rate
  // under 数量 or 成本 (数量: 重点建设工程安排数量 2; 成本: 参照政府采购成本控制), so that flag cannot be placed.
};
