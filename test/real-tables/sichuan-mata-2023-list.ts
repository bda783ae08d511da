/**
 * 部门预算项目绩效目标申报表 (2023年度), 井研县马踏镇人民政府 (四川): a list, one row per indicator for every project.
 * Source: https://m.qbidia.com/jyx/zjgk/202412/baa621fd1ec74c86bf45aa16dfd0603d.shtml
 * Shared text: ../shared/domain/real-tables/sichuan-jingyan-mata-2023-project-list.txt (cut off in the second
 * project's rows).
 *
 * Layout as published, twelve columns (单位名称 / 项目名称 / 预算数 / 年度目标 / 一级指标 / 二级指标 / 三级指标 /
 * 指标性质 / 指标值 / 度量单位 / 权重 / 指标方向性; the rows carry one more, always empty, `|` cell, left out): title,
 * 金额单位:元, header; a department row (820-马踏镇部门 and its total); then the unit 820001-… merged down all its
 * project rows, and per project 项目名称 / 预算数 / 年度目标 merged down that project's indicator rows, in the order
 * printed (效益 before 产出). Typing: amounts in 元 are numbers shown through "#,##0.00" (Excel turns a typed
 * "8,827,620.53" into exactly that); 指标值 and 权重 are numbers. The last row is cut before its 指标方向性 cell,
 * which stays empty.
 */
import { PublishedSheet, fmt } from "./grid";
import type { RealTable } from "./types";

const YUAN = "#,##0.00";
const s = new PublishedSheet("部门预算项目绩效目标申报表");
s.merged("A1:L1", "部门预算项目绩效目标申报表(2023年度)");
s.merged("A2:L2", "金额单位:元");
s.row(
  "A3",
  "单位名称",
  "项目名称",
  "预算数",
  "年度目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标值",
  "度量单位",
  "权重",
  "指标方向性"
);
s.merged("A4:B4", "820-马踏镇部门").row("C4", fmt(8827620.53, YUAN));
s.merged("A5:A17", "820001-井研县马踏镇人民政府");
// 村组干部报酬: rows 5–12.
s.merged("B5:B12", "村组干部报酬").merged("C5:C12", fmt(3309840, YUAN)).merged("D5:D12", "按时发放村组干部报酬");
const P = "正向指标";
s.row("E5", "效益指标", "社会效益指标", "维护社会稳定", "≥", 95, "%", 10, P);
s.row("E6", "产出指标", "时效指标", "维持时效", "≥", 1, "年", 20, P);
s.row("E7", "产出指标", "质量指标", "按时发放", "≥", 1, "人/年", 10, P);
s.row("E8", "效益指标", "经济效益指标", "促进村集体经济发展", "≥", 95, "%", 10, P);
s.row("E9", "产出指标", "数量指标", "村组干部230人", "≥", 230, "个", 10, P);
s.row("E10", "效益指标", "生态效益指标", "保护生态环境卫生", "≥", 95, "%", 10, P);
s.row("E11", "效益指标", "可持续影响指标", "项目维持时效", "≥", 95, "%", 10, P);
s.row("E12", "满意度指标", "服务对象满意度指标", "人民群众满意度", "≥", 95, "%", 10, P);
// 基层组织活动经费: rows 13–17 (cut off).
s.merged("B13:B17", "基层组织活动经费").merged("C13:C17", fmt(660000, YUAN));
s.merged(
  "D13:D17",
  "包括必要的办公用品费、水电费、报刊费等村社区办公经费,基层党组织开展组织活动、党员干部教育培训,群团活动开展,组织活动场所维护等。"
);
s.row("E13", "满意度指标", "服务对象满意度指标", "辖区内群众满意度", "≥", 95, "%", 10, P);
s.row("E14", "效益指标", "经济效益指标", "促进农村集体经济发展", "≥", 95, "%", 10, P);
s.row("E15", "效益指标", "可持续影响指标", "经济、环境等方面可持续发展", "≥", 95, "%", 10, P);
s.row("E16", "产出指标", "质量指标", "保障村社区正常运转", "≥", 95, "%", 20, P);
s.row("E17", "产出指标", "数量指标", "行政村数量", "=", 11, "个", 10);

export const SICHUAN_MATA_2023_LIST: RealTable = {
  id: "sichuan-jingyan-mata-2023-project-list",
  file: "sichuan-jingyan-mata-2023-project-list.txt",
  source: "https://m.qbidia.com/jyx/zjgk/202412/baa621fd1ec74c86bf45aa16dfd0603d.shtml",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "project",
        year: { value: 2023, cell: "A1" },
        name: { label: "B3", value: "B5" },
        goals: [{ label: "D3", value: "D5" }],
        money: [{ block: "预算数", total: { label: "C3", value: "C5" }, parts: [] }],
        indicators: [
          { header: "E3", rows: 8, first: { name: "G5", value: "I5" }, last: { name: "G12", value: "I12" } },
        ],
      },
      {
        kind: "project",
        year: { value: 2023, cell: "A1" },
        name: { label: "B3", value: "B13" },
        goals: [{ label: "D3", value: "D13" }],
        money: [{ block: "预算数", total: { label: "C3", value: "C13" }, parts: [] }],
        indicators: [
          { header: "E3", rows: 5, first: { name: "G13", value: "I13" }, last: { name: "G17", value: "I17" } },
        ],
      },
    ],
  },
  flag: [
    {
      cells: ["K5", "K6", "K7", "K8", "K9", "K10", "K11", "K12", "C5"],
      what: "村组干部报酬的权重合计 90，不是 100 / weights add up to 90",
    },
    {
      cells: ["G9", "J9", "I9"],
      what: "三级“村组干部230人”含目标值，且单位“人”与度量单位“个”不一致 / name embeds its target, unit differs",
    },
    {
      cells: ["J7", "I7", "G7"],
      what: "质量指标“按时发放 ≥1 人/年”单位不合理 / a nonsense unit for a quality measure",
    },
    // README: "`≥95 %` on aims that are not rates (`维护社会稳定`, `保护生态环境卫生`) (advisory)"; the file's note
    // names 促进村集体经济发展, 项目维持时效 and 保障村社区正常运转 too. Every ≥95 % row whose name is an aim, not a
    // ratio, is that fault (the 满意度 rows are rates and are not).
    ...(
      [
        [5, "维护社会稳定"],
        [8, "促进村集体经济发展"],
        [10, "保护生态环境卫生"],
        [11, "项目维持时效"],
        [14, "促进农村集体经济发展"],
        [15, "经济、环境等方面可持续发展"],
        [16, "保障村社区正常运转"],
      ] as const
    ).map(([r, name]) => ({
      cells: [`I${r}`, `J${r}`, `G${r}`],
      what: `“${name} ≥95%”：名称不是比率 / a % target on an aim that is not a rate`,
      advisory: true,
    })),
  ],
  leave: [
    {
      cells: Array.from({ length: 13 }, (_, i) => [`E${5 + i}`, `F${5 + i}`]).flat(),
      what: "指标行顺序不限（效益在产出之前）/ rows in any order",
    },
    { cells: Array.from({ length: 12 }, (_, i) => `L${5 + i}`), what: "指标方向性“正向指标”" },
    { cells: ["C4", "C5", "C13"], what: "以元为单位的“8,827,620.53” / amounts in 元 with separators" },
  ],
  // The second project is cut off: its weights cannot be judged, nor what its missing rows would say.
  cutWords: ["权重"],
};
