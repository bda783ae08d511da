/**
 * 再生资源回收市场管理经费项目绩效目标表 (2021年), 乌海市供销合作社联合社 (内蒙古).
 * Source: http://gxs.wuhai.gov.cn/whsgxshzslhs/1096934/sjtj/1341823/index.html
 * Shared text: ../shared/domain/real-tables/wuhai-2021-recycling-market-project.txt (cut off after the 成本指标 rows).
 *
 * Layout as published: one column per field, 一级/二级 repeated on every indicator row. The extraction drops empty
 * cells, so the row "出差人次 正向 = 24 人/次 4" fits two readings; this layout follows the README and the file's
 * note: 指标性质 is empty, 指标方向 holds 正向/反向, the sign (=) sits in its own column between 指标方向 and 目标值
 * (the 指标方向 header merged over both), then 目标值 / 计量单位 / 分值 / 备注. Typing: amounts, targets and 分值
 * are numbers (a spreadsheet holds them so); the dates shown as "44,561" are the number 44561 with the format
 * "#,##0" (Excel turns a typed "44,561" into exactly that).
 * The cut-off last line ("效", the start of 效益指标) is left out: it is not a cell of the table but of the cut.
 */
import { PublishedSheet, fmt } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("绩效目标表");
s.merged("A1:J1", "再生资源回收市场管理经费项目绩效目标表");
s.merged("A2:J2", "(2021年)");
s.row("A3", "项目名称").merged("B3:J3", "再生资源回收市场管理经费");
s.row("A4", "项目类别").merged("B4:J4", "(31)部门预算项目");
s.row("A5", "归口科室").merged("B5:J5", "(08)经济贸易科");
s.row("A6", "主管部门").merged("B6:J6", "(433)乌海市供销合作社联合社(部门)");
s.row("A7", "实施单位").merged("B7:J7", "(433001)乌海市供销合作社联合社");
s.merged("A8:A11", "投入目标\n(万元)");
s.merged("B8:D8", "资金来源").merged("E8:J8", "年初安排金额(万元)");
s.merged("B9:D9", "资金总额").merged("E9:J9", 3);
s.merged("B10:D10", "其中: 财政拨款数").merged("E10:J10", 3);
s.merged("B11:D11", "其他资金").merged("E11:J11", 0);
s.row("A12", "年度目标").merged(
  "B12:J12",
  "围绕国家关于建设节约型社会和发展循环经济的要求,在充分规范整合和利用现有再生资源回收渠道的基础上,合理布局,规范建设。达成以下目标: 目标1:聘用人员1人,出差8人 目标2:聘用人员在岗率100% 目标3:2021年12月31日前完成 目标4:年度预算总金额3万元 目标5:促进资源循环和高效利用,改善城乡生态环境。"
);
s.merged("A13:J13", "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)");
s.row("A14", "一级指标", "二级指标", "三级指标", "指标性质").merged("E14:F14", "指标方向");
s.row("G14", "目标值", "计量单位", "分值", "备注");
const DATE = fmt(44561, "#,##0");
s.row("A15", "产出指标", "数量指标", "出差人数", undefined, "正向", "=", 8, undefined, 4);
s.row("A16", "产出指标", "数量指标", "出差人次", undefined, "正向", "=", 24, "人/次", 4);
s.row("A17", "产出指标", "质量指标", "工作任务完成率", undefined, "正向", "=", 100, "%", 4);
s.row("A18", "产出指标", "时效指标", "项目财政资金到位时间", undefined, "正向", "=", DATE, DATE, 10);
s.row("A19", "产出指标", "时效指标", "财政资金到位及时支付率", undefined, "正向", "=", 100, "%", 4);
s.row("A20", "产出指标", "时效指标", "工作计划按时完成时间", undefined, "正向", "=", DATE, DATE, 4);
s.row("A21", "产出指标", "成本指标", "出差单位成本", undefined, "反向", "=", 0, "万元/人", 4);
s.row("A22", "产出指标", "成本指标", "出差总成本", undefined, "反向", "=", 1, "万元", 4);
s.row("A23", "产出指标", "成本指标", "劳务人员总成本", undefined, "反向", "=", 2, "万元", 4);
s.row("A24", "产出指标", "成本指标", "办公费总成本", undefined, "反向", "=", 0, "万元", 4);
s.row("A25", "产出指标", "成本指标", "年度预算总成本", undefined, "反向", "=", 3, "万元", 4);

export const WUHAI_2021_RECYCLING: RealTable = {
  id: "wuhai-2021-recycling-market-project",
  file: "wuhai-2021-recycling-market-project.txt",
  source: "http://gxs.wuhai.gov.cn/whsgxshzslhs/1096934/sjtj/1341823/index.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: { value: 2021, cell: "A2" },
        name: { label: "A3", value: "B3" },
        goals: [{ label: "A12", value: "B12" }],
        money: [
          {
            block: "投入目标 资金来源",
            total: { label: "B9", value: "E9" },
            parts: [
              { label: "B10", value: "E10" },
              { label: "B11", value: "E11" },
            ],
          },
        ],
        indicators: [
          {
            header: "A14",
            rows: 11,
            first: { name: "C15", value: "G15" },
            last: { name: "C25", value: "G25" },
          },
        ],
      },
    ],
  },
  flag: [
    { cells: ["G18", "H18"], what: "日期成了Excel序列号 44,561（2021-12-31）/ date shown as an Excel serial" },
    { cells: ["G20", "H20"], what: "日期成了Excel序列号 44,561（2021-12-31）/ date shown as an Excel serial" },
    { cells: ["G15", "H15"], what: "出差人数 = 8 没有计量单位 / count without a unit" },
    { cells: ["G21"], what: "目标值为 0 万元/人（隐藏小数或没有目标）/ a target of 0" },
    { cells: ["G24"], what: "目标值为 0 万元（隐藏小数或没有目标）/ a target of 0" },
  ],
  cutWords: ["“效益指标”", "“满意度指标”"],
  leave: [
    {
      cells: ["E21", "F21", "E22", "F22", "G22", "E23", "F23", "G23", "E24", "F24", "E25", "F25", "G25"],
      what: "成本指标 反向 = 1 万元：不应说“应为正向” / 反向 with = on cost rows",
    },
    { cells: ["E9", "E10", "E11"], what: "资金总额 3 = 3 + 0" },
    { cells: ["H16"], what: "计量单位 人/次" },
  ],
};
