/**
 * 项目支出绩效自评表 (2022年度), 委托业务项目, 池州市贵池区棠溪镇人民政府 (安徽): a SELF-EVALUATION, not a goal table.
 * Source: http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2
 * Shared text: ../shared/domain/real-tables/anhui-guichi-tangxi-2022-project-self-eval.txt (text of a Word
 * attachment; cut off in the 满意度 row).
 *
 * Layout as published on the 安徽 自评表 form, nine columns (the indicator header: 绩效指标 label column, 一级指标 /
 * 二级指标 / 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施): 项目资金(万元) merged over
 * four rows with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 columns; 年度总体目标 with 预期目标 and
 * 实际完成情况 side by side; score notes in the 一级 labels (`产出指标(50分)`); an empty 经济效益指标 row. Amounts,
 * 实际完成值 and scores are numbers; the values are text as printed (`≥50个`, `≥100百分比`). The document-property
 * noise before `附件:` is left out, and so is the cut 三级 name of the 满意度 row (`公众满`).
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("项目支出绩效自评表");
s.row("A1", "附件:");
s.merged("A2:I2", "项目支出绩效自评表");
s.merged("A3:I3", "(2022年度)");
s.row("A4", "项目名称").merged("B4:I4", "委托业务项目");
s.row("A5", "主管部门").merged("B5:D5", "219-池州市贵池区棠溪镇人民政府");
s.row("E5", "实施单位").merged("F5:I5", "219001-池州市贵池区棠溪镇人民政府");
s.merged("A6:A10", "项目资金\n(万元)");
s.merges("B6:C6").row("D6", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
s.merged("B7:C7", "年度资金总额:").row("D7", 0, 0, 0, 10, 0, 0);
s.merged("B8:C8", "其中:本年财政拨款").row("D8", 90, 89.974, 89.974);
s.merged("B9:C9", "上年结转资金");
s.merged("B10:C10", "其他资金");
s.merged("A11:A12", "年度总体目标").merged("B11:E11", "预期目标").merged("F11:I11", "实际完成情况");
s.merged(
  "B12:E12",
  "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;30万元用于基建工程项目设计、规划、测绘。"
);
s.merged(
  "F12:I12",
  "本项目共完成预算资金89.97万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;29.99万元用于基建工程项目设计、规划、测绘。"
);
s.merged("A13:A24", "绩效指标");
s.row("B13", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
const DONE = "达成预期指标";
s.merged("B14:B19", "产出指标(50分)");
s.row("C14", "数量指标", "基建工程委托业务项目数量", "≥50个", 50, 8, 8);
s.merged("C15:C16", "质量指标").row("D15", "委托业务报告合格率", "≥100百分比", 100, 8, 8);
s.row("D16", "经费支出合规性", "严格执行相关制度规定", DONE, 8, 8);
s.row("C17", "时效指标", "提交报告及时性", "在项目计划完成时间内完成", DONE, 8, 8);
s.merged("C18:C19", "成本指标").row("D18", "项目总成本", "≤90万元", 90, 8, 8);
s.row("D19", "单项业务成本", "符合相关规定", DONE, 10, 10);
s.merged("B20:B23", "效益指标(30分)");
s.row("C20", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", DONE, 10, 10);
s.row("C21", "生态效益指标", "对控制基建项目成本影响程度", "效果明显", DONE, 10, 10);
s.row("C22", "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", DONE, 10, 10);
s.row("C23", "经济效益指标");
s.row("B24", "满意度指标(10分)", "满意度指标");

export const ANHUI_GUICHI_2022_SELF_EVAL: RealTable = {
  id: "anhui-guichi-tangxi-2022-project-self-eval",
  file: "anhui-guichi-tangxi-2022-project-self-eval.txt",
  source: "http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2",
  sheet: s.snapshot(),
  read: {
    notATable: {
      because: "a 项目支出绩效自评表 (self-evaluation: 实际完成值 / 得分 columns), not a goal table",
      reasonMustContain: "自评",
    },
  },
  flag: [{ cells: [], what: "是自评表，不是绩效目标表 / a self-evaluation, not a goal table", notATable: "自评" }],
  leave: [],
};
