/**
 * 绩效目标表(一般公共预算资金), 残疾人事业发展补助资金(一般公共预算), 宝鸡市陈仓区 (陕西), 2023 (attachment 1 of
 * the fund-allocation notice).
 * Source: http://www.chencang.gov.cn/col8173/col8180/col16406/202303/t20230316_130496.html
 * Shared text: ../shared/domain/real-tables/shaanxi-baoji-chencang-2023-disability-fund-project.txt (cut off inside
 * 年度总体目标).
 *
 * Layout as published (a transfer-payment goal table, six columns by the `|` cells of the title row): 资金金额 merged
 * over three rows, the labels 年度资金总额 / 其中:中央补助 / 地方资金 beside it, each amount merged over the rest of
 * its row. 年度资金总额 and 地方资金 are empty as published; 50.29 is a number. The notice above the table (page
 * prose, not a cell) is left out; the table itself prints no year. The goal text is laid out as far as it goes.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("绩效目标表(一般公共预算资金)");
s.merged("A1:F1", "绩效目标表(一般公共预算资金)");
s.row("A2", "项目名称").merged("B2:F2", "残疾人事业发展补助资金(一般公共预算)");
s.row("A3", "区级主管部门").merged("B3:F3", "区残联");
s.merged("A4:A6", "资金金额");
s.row("B4", "年度资金总额").merges("C4:F4");
s.row("B5", "其中:中央补助").merged("C5:F5", 50.29);
s.row("B6", "地方资金").merges("C6:F6");
s.row("A7", "年度总体目标").merged("B7:F7", "1.为农村困难残疾人进行实");

export const SHAANXI_CHENCANG_2023_DISABILITY: RealTable = {
  id: "shaanxi-baoji-chencang-2023-disability-fund-project",
  file: "shaanxi-baoji-chencang-2023-disability-fund-project.txt",
  source: "http://www.chencang.gov.cn/col8173/col8180/col16406/202303/t20230316_130496.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: null,
        name: { label: "A2", value: "B2" },
        goals: [{ label: "A7", value: "B7" }],
        money: [
          {
            block: "资金金额",
            total: { label: "B4", value: "C4", blank: true },
            parts: [
              { label: "B5", value: "C5" },
              { label: "B6", value: "C6", blank: true },
            ],
          },
        ],
        indicators: [],
      },
    ],
  },
  flag: [{ cells: ["C4", "B4"], what: "年度资金总额为空，而中央补助 50.29 / the annual total is empty" }],
  leave: [{ cells: ["B5"], what: "“其中:中央补助”是标签，不是金额 / a label, never an amount" }],
  // Cut off inside 年度总体目标: the indicators (and the rest of the goal) are not in the excerpt.
  cutWords: ["绩效指标表头"],
};
