/**
 * 部门整体绩效目标, 浮梁县林业局 (江西), 部门编码 316, most likely the 2026 budget (the page's tab list names
 * 2026 projects; the table prints no year), as exported by the 一体化 budget platform.
 * Source: https://fuliang.gov.cn/xzf/czxx/bmczyjs/t1081473.shtml
 * Shared text: ../shared/domain/real-tables/jiangxi-fuliang-forestry-2026-dept-overall.txt (cut off after the first
 * 质量指标 row).
 *
 * Layout as published, seven columns (the rows carry one more, always empty, `|` cell, left out): section rows
 * 部门整体绩效目标 / 基本信息 / 年度绩效目标; label–value pairs 部门编码: / 部门名称: / *联系人: on one row; `*`
 * marks on required labels as printed; the indicator header 一级指标 / 二级指标 / 三级指标 / 计算符号 / 目标值 /
 * 度量单位 / 指标值说明, 一级 and 二级 merged down their rows. No amounts anywhere. Typing: 目标值 are numbers (the
 * platform exports numbers); codes and the telephone number are text. The page's tab list is left out.
 */
import { PublishedSheet } from "./grid";
import type { RealTable } from "./types";

const s = new PublishedSheet("部门整体绩效目标");
s.merged("A1:G1", "部门整体绩效目标");
s.merged("A2:G2", "基本信息");
s.row("A3", "部门编码:", "316", "部门名称:", "浮梁县林业局", "*联系人:").merged("F3:G3", "王媛");
s.row("A4", "联系电话:").merged("B4:G4", "13879821572");
s.row("A5", "*部门职能职责概述").merged("B5:G5", "保证林业局职能实现,保障人员经费。");
s.merged("A6:G6", "年度绩效目标");
s.row("A7", "*年度绩效总目标").merged("B7:G7", "保证林业局职能实现,保障人员经费。");
s.row("A8", "一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明");
const OK = "该指标值数据合理";
s.merged("A9:A21", "产出指标").merged("B9:B20", "数量指标");
const counts: [string, number, string][] = [
  ["保障在职职工人数(人)", 116, "人"],
  ["保障退休职工人数(人)", 81, "人"],
  ["保障遗属人数(人)", 13, "人"],
  ["林木采伐监管(万立方米)", 6, "万立方米"],
  ["野生动植物保护、防火面积(万亩)", 320, "万亩"],
  ["湿地保有量(公顷)", 4900, "公顷"],
  ["林业产业(万亩)", 0.5, "万亩"],
  ["签订野生动物致害保险(单)", 1, "单"],
  ["向各类新闻媒体完成林业新闻信息投稿数(篇)", 30, "篇"],
  ["林业微信公众号完成新闻宣传(篇)", 50, "篇"],
  ["制作宣传横幅、公益宣传牌等(年)", 1, "年"],
  ["自然保护区负氧离子监测点(个)", 4, "个"],
];
counts.forEach(([name, value, unit], i) => s.row(`C${9 + i}`, name, "=", value, unit, OK));
s.row("B21", "质量指标", "工资发放准确性(%)", "≥", 95, "%", OK);

const NAMES = Array.from({ length: 13 }, (_, i) => `C${9 + i}`);

export const JIANGXI_FULIANG_2026_FORESTRY: RealTable = {
  id: "jiangxi-fuliang-forestry-2026-dept-overall",
  file: "jiangxi-fuliang-forestry-2026-dept-overall.txt",
  source: "https://fuliang.gov.cn/xzf/czxx/bmczyjs/t1081473.shtml",
  sheet: s.snapshot(),
  read: {
    tables: [
      {
        kind: "department",
        year: null,
        name: { label: "C3", value: "D3" },
        goals: [{ label: "A7", value: "B7" }],
        money: [],
        indicators: [
          { header: "A8", rows: 13, first: { name: "C9", value: "E9" }, last: { name: "C21", value: "E21" } },
        ],
      },
    ],
  },
  flag: [
    {
      cells: ["B7", "B5"],
      what: "*年度绩效总目标与*部门职能职责概述逐字相同 / the goal copies the duties text word for word",
    },
    { cells: ["F19", "E19", "C19"], what: "宣传横幅数量的单位为“年” / unit 年 for a count of banners" },
    {
      cells: NAMES,
      what: "三级指标名称带计量单位“(人)”等 / 三级 names repeat their unit in brackets",
      advisory: true,
    },
  ],
  leave: [
    { cells: Array.from({ length: 12 }, (_, i) => `D${9 + i}`), what: "数量指标用“=” / = on counts" },
    { cells: ["A5", "A7", "E3"], what: "必填标记“*” / the * marks" },
    {
      cells: Array.from({ length: 13 }, (_, i) => `G${9 + i}`),
      what: "指标值说明“该指标值数据合理”（至多提示）/ boilerplate (information at most)",
    },
  ],
  // No money block: nothing may be said about money.
  leaveWords: ["年度主要任务", "资金", "金额", "合计", "财政拨款"],
  // Cut off after the first 质量指标 row: 时效 … 满意度 indicators are not in the excerpt.
  cutWords: ["“效益指标”", "“满意度指标”", "“时效指标”", "“成本指标”"],
};
