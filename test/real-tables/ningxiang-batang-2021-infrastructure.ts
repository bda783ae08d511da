/**
 * 项目绩效目标表 (2021年度), 镇域内基础设施建设, 宁乡市坝塘镇人民政府 (湖南).
 * Source: https://renrendoc.com/paper/307484460.html
 * Shared text: ../shared/domain/real-tables/ningxiang-batang-2021-infrastructure-project.txt (cell boundaries lost,
 * cut off in the last row of the 年度绩效指标 block).
 *
 * Layout as published, rebuilt from the flattened text in five columns (the indicator header: 一级指标 / 二级指标 /
 * 指标内容 / 指标值 / 备注): the year inside the title; 资金总额及构成 merged over four rows, its amounts written
 * inside text cells as printed (`10606.7522万元`, `财政拨款:6923.3552万元(其中:上级财政资金:…;本级财政:0万元)`,
 * `二、自有资金:0万元`, `三、其他:3683.3970万元`); 立项情况 and 项目实施进度计划 blocks; 长期目标 / 年度目标 as
 * headers above their texts; a 长期绩效指标 block and a 年度绩效指标 block, each with its own header row. The 指标内容
 * cells are empty and the 指标值 cells hold `88100`, `68100`, `20100` (the value and, it seems, a 备注 of 100 run
 * together): typed as the numbers a spreadsheet would hold. The `…` row under 成本指标 is kept. The 满意度 row
 * has no 一级 label in the source (the text runs from 可持续影响指标 straight into 社会公众或服务对象满意度指标), so
 * its 一级 cell is empty. Labels cut by the extraction (`联系电`, `目起止时间`) are kept as extracted. The cut last
 * row of the 年度 block (`社会公众或服务对象满意度指`) is left out, and so is the site chrome.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("项目绩效目标表");
s.merged("A1:E1", "项目绩效目标表(2021年度)");
s.merged("A2:E2", "填报单位(盖章):宁乡市坝塘镇人民政府");
s.row("A3", "项目名称").merged("B3:E3", "镇域内基础设施建设");
s.row("A4", "项目属性").merged("B4:E4", "新增项目□延续项目√");
s.row("A5", "主管部门", "坝塘镇", "主管部门编码").merges("D5:E5");
s.row("A6", "项目单位", "坝塘镇", "项目负责人").merged("D6:E6", "蒋建华");
s.row("A7", "联系电", undefined, "目起止时间").merged("D7:E7", "2021年度");
s.merged("A8:A11", "资金总额及构成");
s.row("B8", "总额").merged("C8:E8", "10606.7522万元");
s.merged("B9:E9", "财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)");
s.merged("B10:E10", "二、自有资金:0万元");
s.merged("B11:E11", "三、其他:3683.3970万元");
s.row("A12", "项目概况").merged("B12:E12", "镇域内水利、道路、机关、学校及乡村振兴等基础设施建设项目");
s.merged("A13:A15", "立项情况");
s.row("B13", "项目立项的依据").merged("C13:E13", "机关、学校、乡村振兴按发改立项");
s.row("B14", "项目申报的可行性").merged("C14:E14", "已申报项目可行性评估");
s.row("B15", "项目申报的必要性").merged("C15:E15", "为改善镇域内基础设施、振兴乡村");
s.merged("A16:A18", "项目实施进度计划");
s.row("B16", "项目实施内容", "开始时间", "完成时间");
s.row("B17", "1总体概念规划", 2016, 2020);
s.row("B18", "2、核心区规划", 2021, 2021);
s.merged("A19:A20", "项目绩效目标").merged("B19:C19", "长期目标").merged("D19:E19", "年度目标");
s.merged("B20:C20", "改善镇域内基础设施,振兴乡村经济");
s.merged("D20:E20", "全面完成集镇立面改造、机关、学校、乡村振兴等项目,搞好提质改造");

/** One indicator block (长期 or 年度) from row `top`; `full` = with the 满意度 row (the 年度 one is cut before it). */
function block(top: number, title: string, full: boolean): void {
  s.merged(`A${top}:E${top}`, title);
  s.row(`A${top + 1}`, "一级指标", "二级指标", "指标内容", "指标值", "备注");
  const r = top + 2;
  s.merged(`A${r}:A${r + 4}`, "产出指标");
  s.row(`B${r}`, "数量指标", undefined, 88100);
  s.row(`B${r + 1}`, "质量指标", undefined, 88100);
  s.row(`B${r + 2}`, "时效指标", undefined, 88100);
  s.row(`B${r + 3}`, "成本指标", undefined, 88100);
  s.row(`B${r + 4}`, "…");
  s.merged(`A${r + 5}:A${r + 8}`, "效益指标");
  s.row(`B${r + 5}`, "经济效益指标", undefined, 88100);
  s.row(`B${r + 6}`, "社会效益指标", undefined, 68100);
  s.row(`B${r + 7}`, "生态效益指标", undefined, 20100);
  s.row(`B${r + 8}`, "可持续影响指标", undefined, 20100);
  if (full) s.row(`B${r + 9}`, "社会公众或服务对象满意度指标", undefined, 88100);
}
block(21, "长期绩效指标", true); // rows 21–32
block(33, "年度绩效指标", false); // rows 33–43

const LONG_VALUES = ["D23", "D24", "D25", "D26", "D28", "D29", "D30", "D31", "D32"];
const ANNUAL_VALUES = ["D35", "D36", "D37", "D38", "D40", "D41", "D42", "D43"];

export const NINGXIANG_BATANG_2021_INFRASTRUCTURE: RealTable = {
  id: "ningxiang-batang-2021-infrastructure-project",
  file: "ningxiang-batang-2021-infrastructure-project.txt",
  source: "https://renrendoc.com/paper/307484460.html",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: { value: 2021, cell: "A1" },
        name: { label: "A3", value: "B3" },
        goals: [
          { label: "B19", value: "B20" },
          { label: "D19", value: "D20" },
        ],
        money: [
          {
            block: "资金总额及构成",
            total: { label: "B8", value: "C8" },
            parts: [
              { label: "B9", value: "B9" },
              { label: "B10", value: "B10" },
              { label: "B11", value: "B11" },
            ],
          },
        ],
        indicators: [
          { header: "A22", rows: 9, first: { level2: "B23", value: "D23" }, last: { level2: "B32", value: "D32" } },
          { header: "A34", rows: 8, first: { level2: "B35", value: "D35" }, last: { level2: "B43", value: "D43" } },
        ],
      },
    ],
  },
  flag: [
    ...[...LONG_VALUES, ...ANNUAL_VALUES].map((cell) => ({
      cells: [cell],
      what: "指标值无法读取（88100：数值与备注连在一起）/ the value cannot be read",
    })),
    // The `…` row under 成本指标 in each block, with an empty value: issue 10 counts it as a fault ("Template rows
    // left in the table (`指标2:`, `……`, `…` with an empty value): one finding, “模板预留行未使用，请删除”"). The
    // shared README does not list it for this table; one fault for the table, found at either row.
    { cells: ["B39", "B27"], what: "模板预留行“…”未删除 / a template row left in the table" },
  ],
  leave: [{ cells: ["B32"], what: "二级“社会公众或服务对象满意度指标”（可接受的写法）/ an accepted 二级 variant" }],
  // The 年度 block is cut before its 满意度 row.
  cutWords: ["“满意度指标”"],
};
