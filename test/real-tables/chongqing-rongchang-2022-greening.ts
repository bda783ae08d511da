/**
 * 项目绩效目标表 (2022年度), 古昌镇大青冈村乡村振兴绿化美化项目, 重庆市荣昌区林业局 (附件2-1).
 * Source: http://www.rongchang.gov.cn/bm/qlyj/zwgk_70831/fdzdgknr_70834/ysjs/ysgk/202209/t20220907_11085882.html
 * Shared text: ../shared/domain/real-tables/chongqing-rongchang-forestry-2022-greening-project.txt (cut off at the
 * 时效指标 row).
 *
 * Layout as published: seven columns (the indicator header row has seven `|` cells: 绩效指标 label column, then
 * 一级 / 二级 / 三级 / 计量单位 / 指标性质 / 指标值), 资金情况(万元) merged over five rows with the numbered sources
 * `其中:1.中央资金` … `4.其他资金`, the unit column BEFORE the operator column. The empty source cells, the
 * all-empty indicator row and the empty cells of the 时效指标 row are empty as published. Amounts and targets are
 * numbers (153.5184, 3500, 15000, 85); the telephone number is text. The list of the bureau's other projects above
 * the table (page links) is left out.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("项目绩效目标表");
s.row("A1", "附件2-1");
s.merged("A2:G2", "项目绩效目标表");
s.merged("A3:G3", "(2022年度)");
s.row("A4", "申报单位")
  .merged("B4:C4", "区林业局")
  .row("D4", "项目(专项)名称")
  .merged("E4:G4", "古昌镇大青冈村乡村振兴绿化美化项目");
s.row("A5", "具体实施单位").merged("B5:C5", "区林业局").row("D5", "项目属性").merged("E5:G5", "延续");
s.row("A6", "项目负责人").merged("B6:C6", "胡正君").row("D6", "联系电话").merged("E6:G6", "19922989736");
s.merged("A7:A11", "资金情况(万元)");
s.merged("B7:C7", "年度资金总额:").merged("D7:G7", 153.5184);
s.merged("B8:C8", "其中:1.中央资金").merges("D8:G8");
s.merged("B9:C9", "2.市级资金").merged("D9:G9", 153.5184);
s.merged("B10:C10", "3.区级资金").merges("D10:G10");
s.merged("B11:C11", "4.其他资金").merges("D11:G11");
s.row("A12", "项目概况及立项依据").merged("B12:G12", "在古昌镇大青杠村事实乡村公路绿化;对周边沿线村民发放李子苗");
s.row("A13", "项目总体目标").merged("B13:G13", "对古昌镇大青杠村约3500米公路沿线进行绿化美化。");
s.row("A14", "项目年度目标").merged(
  "B14:G14",
  "在古昌镇大青杠村约3500米公路沿线,通过地面清表,苗木采购和栽植,区域造景、管护等措施,进行绿化和美化,同时向周边沿线村民发放李子苗。"
);
s.merged("A15:A20", "绩效指标");
s.row("B15", "一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值");
s.merged("B16:B20", "产出指标");
s.merged("C16:C17", "数量指标").row("D16", "绿化美化公路", "米", "=", 3500);
s.row("D17", "购买发放李子苗", "株", "=", 15000);
s.row("C18", "质量指标", "树木成活率", "%", "≥", 85);
// Row 19: all empty as published. Row 20: 时效指标 with empty 三级, unit, operator and value.
s.row("C20", "时效指标");

export const CHONGQING_RONGCHANG_2022_GREENING: RealTable = {
  id: "chongqing-rongchang-forestry-2022-greening-project",
  file: "chongqing-rongchang-forestry-2022-greening-project.txt",
  source: "http://www.rongchang.gov.cn/bm/qlyj/zwgk_70831/fdzdgknr_70834/ysjs/ysgk/202209/t20220907_11085882.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: { value: 2022, cell: "A3" },
        name: { label: "D4", value: "E4" },
        goals: [
          { label: "A13", value: "B13" },
          { label: "A14", value: "B14" },
        ],
        money: [
          {
            block: "资金情况",
            total: { label: "B7", value: "D7" },
            parts: [
              { label: "B8", value: "D8", blank: true },
              { label: "B9", value: "D9" },
              { label: "B10", value: "D10", blank: true },
              { label: "B11", value: "D11", blank: true },
            ],
          },
        ],
        indicators: [
          { header: "B15", rows: 3, first: { name: "D16", value: "G16" }, last: { name: "D18", value: "G18" } },
        ],
      },
    ],
  },
  flag: [
    { cells: ["C19", "D19", "E19", "F19", "G19"], what: "整行空白的指标行（未完成）/ an all-empty indicator row" },
    {
      cells: ["C20", "D20", "E20", "F20", "G20"],
      what: "时效指标行三级指标和指标值为空 / 时效 row with no name or value",
    },
  ],
  leave: [
    { cells: ["D7", "D9"], what: "153.5184 万元（4位小数即整元）/ 4 decimals in 万元 are whole 元" },
    {
      cells: ["G16", "G17", "G18"],
      what: "3500、15000、85：单位和符号在各自的列 / bare numbers, unit and operator in their columns",
    },
    { cells: ["D8", "D10", "D11"], what: "空的资金来源 / empty source cells" },
  ],
  // Cut off at the 时效指标 row: 成本 / 效益 / 满意度 indicators are not in the excerpt.
  cutWords: ["“效益指标”", "“满意度指标”", "“成本指标”"],
};
