/**
 * 项目支出绩效目标表 (2023年度), 残疾人精准康复, 六安市金安区残疾人联合会 (安徽), published by 金安区财政局.
 * Source: https://www.ja.gov.cn/public/6601951/24840870.html
 * Shared text: ../shared/domain/real-tables/anhui-luan-jinan-2023-disability-rehab-project.txt (cut off inside the
 * first 质量指标 row).
 *
 * Layout as published (the 安徽 project form, six columns): 项目资金(万元) merged over three rows with 年度资金总额: /
 * 其中:财政拨款 / 其他资金 beside it, 立项依据, 年度目标 (no 总体目标), the indicator header 一级指标 / 二级指标 /
 * 三级指标 / 指标值 with 指标值 merged over three columns, operator and unit inside the value (`≥18000人`). Typing:
 * 80 is a number; `0.00` is the number 0 shown through the format "0.00" (the mixed precision is as printed). The
 * info-disclosure header of the page is left out, and so is the cut 质量指标 row (`验收合格率 1`: its value is cut
 * mid-token, so neither the cell nor a fault can be laid out from it).
 */
import { PublishedSheet, fmt } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("项目支出绩效目标表");
s.merged("A1:F1", "项目支出绩效目标表");
s.merged("A2:F2", " (2023年度)");
s.merged("A3:C3", "项目责任人:邹光辉").merged("D3:F3", "单位(盖章):");
s.row("A4", "项目名称").merged("B4:F4", "残疾人精准康复");
s.row("A5", "主管部门及代码").merged("B5:C5", "[103]六安市金安区残疾人联合会");
s.row("D5", "实施单位").merged("E5:F5", "六安市金安区残疾人联合会");
s.row("A6", "项目来源").merged("B6:C6", "本级申报项目").row("D6", "项目期").merged("E6:F6", "3年");
s.merged("A7:A9", "项目资金\n(万元)");
s.merged("B7:C7", "年度资金总额:").merged("D7:F7", 80);
s.merged("B8:C8", "其中:财政拨款").merged("D8:F8", 80);
s.merged("B9:C9", "其他资金").merged("D9:F9", fmt(0, "0.00"));
s.row("A10", "立项依据").merged(
  "B10:F10",
  "依据《安徽省人民政府办公厅关于印发安徽省残疾人精准康复服务行动实施方案的通知》 皖政办秘〔2016〕190号, 坚持需求导向,精准服务。针对各类别残疾人的个性康复需求,突出残疾儿童和持证残疾人,扎实开展精准康复服务行动,做到需求评估精准、康复服务精准、资金使用精准、信息管理精准。"
);
s.row("A11", "年度\n目标").merged(
  "B11:F11",
  "聚焦残疾人康复需求,强化基本康复保障,实施精准康复服务,提升残疾人生存和发展能力。构建与经济社会发展相协调,与残疾人康复需求相适应的多元化康复服务体系、多层次康复保障制度。为经济困难的残疾人提供基本康复服务,适配辅助器具,提高受助残疾人生活自理能力和社会活动参与能力"
);
s.row("A12", "一级\n指标", "二级指标", "三级指标").merged("D12:F12", "指标值");
s.merged("A13:A15", "产出指标").merged("B13:B15", "数量指标");
s.row("C13", "签约康复人数").merged("D13:F13", "≥18000人");
s.row("C14", "涉及乡镇街数量").merged("D14:F14", "=22个");
s.row("C15", "发放辅助器具人数").merged("D15:F15", "≥4000人");

export const ANHUI_JINAN_2023_REHAB: RealTable = {
  id: "anhui-luan-jinan-2023-disability-rehab-project",
  file: "anhui-luan-jinan-2023-disability-rehab-project.txt",
  source: "https://www.ja.gov.cn/public/6601951/24840870.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: { value: 2023, cell: "A2" },
        name: { label: "A4", value: "B4" },
        goals: [{ label: "A11", value: "B11" }],
        money: [
          {
            block: "项目资金",
            total: { label: "B7", value: "D7" },
            parts: [
              { label: "B8", value: "D8" },
              { label: "B9", value: "D9" },
            ],
          },
        ],
        indicators: [
          { header: "A12", rows: 3, first: { name: "C13", value: "D13" }, last: { name: "C15", value: "D15" } },
        ],
      },
    ],
  },
  flag: [],
  leave: [
    { cells: ["D14"], what: "=22个" },
    { cells: ["D7", "D8", "D9"], what: "80 = 80 + 0.00" },
    { cells: ["D13"], what: "≥18000人（是否合理不由我们判断）/ plausibility is not ours to judge" },
  ],
  // Cut off inside the first 质量指标 row: 质量 … 满意度 indicators are not in the excerpt.
  cutWords: ["“效益指标”", "“满意度指标”", "“质量指标”", "“时效指标”", "“成本指标”"],
};
