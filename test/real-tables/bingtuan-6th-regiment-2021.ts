/**
 * 兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表 (2021), 第一师阿拉尔市六团 (新疆生产建设兵团), attached to the
 * 第一师阿拉尔市财政局 notice of 2021-05-17.
 * Source: http://www.nys.gov.cn/xwzx/tzgg/content_88212
 * Shared text: ../shared/domain/real-tables/bingtuan-1st-division-6th-regiment-2021-project.txt (cut off after the
 * third 数量指标 row).
 *
 * Layout as published: seven columns (the page renders every row as seven `|` cells). 资金情况 (万元) merged over
 * four rows, two sides: 项目资金总额 / 其中:财政资金 / 其他资金 and 年度资金申请总额 / 其中:当年财政拨款 / 上年结转资金
 * / 其他资金 (其中:财政资金 merged over two rows, as the 上年结转资金 row shows only the right side); 项目绩效目标
 * with 项目总目标 and 年度总体目标 as headers above their texts; spaced labels (`绩 效 指 标`, `产 出 指 标`,
 * `一级 指标`) as printed. Amounts are numbers; values are text as printed (`1座`, `3550平方米`). The notice prose
 * above the table is left out; the table itself prints no year.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("绩效目标申报表");
s.row("A1", "附件:");
s.merged("A2:G2", "兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表");
s.row("A3", "项目名称").merged("B3:G3", "第一师六团巩固脱贫攻坚与乡村振兴有效衔接特色产业基地气调保鲜库建设项目");
s.row("A4", "主管部门", "农业农村局", "实施单位").merged("D4:G4", "新疆生产建设兵团第一师阿拉尔市六团农业发展服务中心");
s.row("A5", "项目属性", "兵团推进乡村振兴补助资金", "项目期").merged("D5:G5", "1年");
s.merged("A6:A9", "资金情况 (万元)");
s.row("B6", "项目资金总额:", 1500, "年度资金申请总额").merged("E6:G6", 1500);
s.merged("B7:B8", "其中:财政资金").merged("C7:C8", 1500).row("D7", "其中:当年财政拨款").merged("E7:G7", 1500);
s.row("D8", "上年结转资金").merges("E8:G8");
s.row("B9", "其他资金", undefined, "其他资金").merges("E9:G9");
s.merged("A10:A11", "项目绩效目标").merged("B10:D10", "项目总目标").merged("E10:G10", "年度总体目标");
s.merged("B11:D11", "建设完成保鲜库1座,3550平方米;建设完成消防水池1座,419平方米。");
s.merged("E11:G11", "2021年完成保鲜库钢构主体安装、封顶;完成消防水池土建工程。");
s.merged("A12:A15", "绩 效 指 标");
s.row("B12", "一级 指标", "二级指标", "三级指标").merged("E12:G12", "年度指标值");
s.merged("B13:B15", "产 出 指 标").merged("C13:C15", "数量指标");
s.row("D13", "指标1:新建保鲜库数量").merged("E13:G13", "1座");
s.row("D14", "指标2:新建保鲜库面积").merged("E14:G14", "3550平方米");
s.row("D15", "指标3:新建消防水池数量").merged("E15:G15", "1座");

export const BINGTUAN_6TH_REGIMENT_2021: RealTable = {
  id: "bingtuan-1st-division-6th-regiment-2021-project",
  file: "bingtuan-1st-division-6th-regiment-2021-project.txt",
  source: "http://www.nys.gov.cn/xwzx/tzgg/content_88212",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: null,
        name: { label: "A3", value: "B3" },
        goals: [
          { label: "B10", value: "B11" },
          { label: "E10", value: "E11" },
        ],
        money: [
          // The whole project's side: its total is required; its 其中 rows repeat the annual side's sources and are
          // not required (the annual side is what the checks run on).
          { block: "项目资金", total: { label: "B6", value: "C6" }, parts: [] },
          {
            block: "年度资金",
            total: { label: "D6", value: "E6" },
            parts: [
              { label: "D7", value: "E7" },
              { label: "D8", value: "E8", blank: true },
              { label: "D9", value: "E9", blank: true },
            ],
          },
        ],
        indicators: [
          { header: "B12", rows: 3, first: { name: "D13", value: "E13" }, last: { name: "D15", value: "E15" } },
        ],
      },
    ],
  },
  flag: [
    {
      cells: ["D13", "D14", "D15"],
      what: "三级指标名称带“指标1:”前缀（每表提示一次）/ `指标1:` prefixes on 三级 names",
      advisory: true,
    },
  ],
  leave: [{ cells: ["E13", "E14", "E15"], what: "1座、3550平方米 没有计算符号 / no operator" }],
  // Cut off after the third 数量指标 row: 质量 … 满意度 indicators are not in the excerpt.
  cutWords: ["“效益指标”", "“满意度指标”", "“质量指标”", "“时效指标”", "“成本指标”"],
};
