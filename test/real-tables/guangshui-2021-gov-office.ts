/**
 * 部门整体支出绩效目标申报表 (填报日期 2021-01-28), 广水市人民政府办公室 (湖北), 附件 2.
 * Source: https://pdf.chddh.cn/archives/m536dx2vr743xlkg7098.html
 * Shared text: ../shared/domain/real-tables/guangshui-2021-gov-office-dept-overall.txt (PDF text; cut off inside
 * 部门职能概述, so the indicator part is missing).
 *
 * Layout as published, rebuilt from the PDF text on the 湖北 form, seven columns: 部门(单位)名称 / 填报人 / 联系电话
 * on one row; 部门总体资金情况 (单位:万元) merged down the label column, with 总体资金情况 / 当年金额 / 占比 /
 * 近两年收支金额 (two `年` columns, blank as printed) as the header, 收入构成 (财政拨款 / 其他资金 / 合计) and 支出构成
 * (基本支出 / 项目支出 / 合计) merged over their rows; then 部门职能概述. The PDF split numbers (`968.191 8`,
 * `7242318`): the cells hold 968.1918 and 724.2318 as numbers. The shares are numbers shown through percent formats
 * (1 as "0%", 0.748 as "0.0%"), as a spreadsheet computing them holds them; the 财政拨款 share and the 其他资金 row
 * are empty as printed. The form prints no budget year (only 填报日期), so the year is not checked.
 */
import { PublishedSheet, fmt } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("部门整体支出绩效目标申报表");
s.row("A1", "附件 2:");
s.merged("A2:G2", "部门整体支出绩效目标申报表");
s.merged("A3:G3", "填报日期:2021 年 1 月 28 日");
s.row("A4", "部门(单位) 名称")
  .merged("B4:C4", "广水市人民政府办公室")
  .row("D4", "填报人", "南春锋", "联系电话", "6296906");
s.merged("A5:A12", "部门总体\n资金情况\n单位:万元");
s.merged("B5:C6", "总体资金情况")
  .merged("D5:D6", "当年\n金额")
  .merged("E5:E6", "占比")
  .merged("F5:G5", "近两年收支金额");
s.row("F6", "年", "年");
s.merged("B7:B9", "收入构成").row("C7", "财政拨款", 968.1918);
s.row("C8", "其他资金");
s.row("C9", "合计", 968.1918, fmt(1, "0%"));
s.merged("B10:B12", "支出构成").row("C10", "基本支出", 724.2318, fmt(0.748, "0.0%"));
s.row("C11", "项目支出", 243.96, fmt(0.252, "0.0%"));
s.row("C12", "合计", 968.1918, fmt(1, "0%"));
s.row("A13", "部门职能概述").merged(
  "B13:G13",
  "(一)负责全市人民防空工作。 (二)围绕市政府的重点工作和市政府领导同志的指示,组织专题调查研究,及时反映情况,提出建议。 (三)负责起草《政府工作报告》和市政府领导同志的讲话。围绕市政府的中心工作和全市社会发展、经济运行中的重大问题、热点难点问题,开展调查研究,为市政府决策提供参谋服务。 (四)负责全市金融与地方发展的协调工作,指导地方性金融业、保险业、证券业等行业的自律性管理。 (五)督促检查市政府各部门和各镇、办事处、工业基地贯彻落实上级政府和市政府文件、市政府会议决定事项及市政府领导重要批示的执行情况,及时向市政府领导报告,提出建议。 (六)组织办理涉及市政府工作范围内的人大建议和政协提案工作。 (七)负责市国防动员综合协调、督办和指导工作。 (八)负责市政府值班工作。 (九)协助市政府领导同志组织起草或审核以市政府、市政府办公室名义发布的公文。 (十)负责市政府会议的准备和组织协调工作,协助市政府领导同志组织实施会议决定事项。 (十一)研究、审核市政府各部门和各镇、办事处、工业基地请示市政府的事项,提出审核处理意见,报市政府领导同志审批。 (十二)统筹安排市政府领导同志的公务活动。负责市政府重大活动的组织"
);

export const GUANGSHUI_2021_GOV_OFFICE: RealTable = {
  id: "guangshui-2021-gov-office-dept-overall",
  file: "guangshui-2021-gov-office-dept-overall.txt",
  source: "https://pdf.chddh.cn/archives/m536dx2vr743xlkg7098.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "department",
        year: "unchecked",
        name: { label: "A4", value: "B4" },
        goals: [],
        money: [
          {
            block: "收入构成",
            total: { label: "C9", value: "D9" },
            parts: [
              { label: "C7", value: "D7" },
              { label: "C8", value: "D8", blank: true },
            ],
          },
          {
            block: "支出构成",
            total: { label: "C12", value: "D12" },
            parts: [
              { label: "C10", value: "D10" },
              { label: "C11", value: "D11" },
            ],
          },
        ],
        indicators: [],
      },
    ],
  },
  // README: flag "any 合计 or 占比 that does not add up". As published they all add up (968.1918 = 724.2318 +
  // 243.96; 74.8 % + 25.2 % = 100 %; 收入合计 = 支出合计), so nothing is to be flagged here.
  flag: [],
  leave: [
    {
      cells: ["D7", "D9", "E9", "D10", "E10", "D11", "E11", "D12", "E12"],
      what: "合计与占比都相符 / every 合计 and 占比 adds up",
    },
  ],
  edited: {
    B13: "the PDF page footer “— 1 —” and the row label 部门职能概述, which the extraction put mid-paragraph, are taken out",
  },
  leaveWords: ["年度主要任务"],
  // Cut off inside 部门职能概述: the goal and the indicators are not in the excerpt.
  cutWords: ["绩效指标表头", "“产出指标”", "“效益指标”", "“满意度指标”", "“年度目标”", "“年度总体目标”"],
};
