import type { Rule } from "../rule";
import { valueRows, related, isPlaceholder } from "./rows";

/** Units that measure a length of time. */
const TIME_UNITS = new Set(["年", "个月", "月", "天", "日", "周", "季度", "小时"]);

/**
 * A 三级 name that counts things made, bought or put in place: it starts with a verb of making (制作 宣传横幅,
 * 印制 手册, 购置 设备, 安装 监控, 栽植 苗木). Verbs that also take a duration (发放 补贴 12个月, 采购 服务 1年,
 * 开展 巡查 365天) are left out.
 */
const MAKES_THINGS = /^(?:制作|印制|印发|购置|配备|配置|安装|栽植|种植|新建|修建|建成|设置|更换)/;

/** Any word of time in the name: then a time unit may well be meant (服务期, 工期, 年限, 天数, 运行月数). */
const TIME_WORD = /[年月日天周季时期]/;

/** The name without a trailing unit in brackets ("制作宣传横幅等(年)" → "制作宣传横幅等"). */
function bareName(name: string): string {
  return name.replace(/[(（][^()（）]{1,6}[)）]$/, "");
}

export const valueTimeUnitCount: Rule = {
  id: "value/time-unit-count",
  severity: "warning",
  category: "value",
  title: { zh: "数量指标的单位是时间", en: "A count measured in time" },
  docs: {
    description: {
      zh: "数量指标的三级指标是制作、购置、安装、栽植的物品（如“制作宣传横幅、公益宣传牌等”），计量单位却是“年”“月”“天”等时间单位，无法衡量做了多少。请改为物品的单位（条、块、个、套、株）。名称中含有时间字样（服务期、工期、年限、天数）或动词也可表示持续时间（发放、采购、开展）时不提示。",
      en: "A 数量 (quantity) indicator counts things made, bought, installed or planted (制作宣传横幅、公益宣传牌等), but its unit is a length of time (年, 月, 天), which says nothing about how many. Use the unit of the things (条, 块, 个, 套, 株). Not reported when the name has a word of time (服务期, 工期, 年限, 天数) or starts with a verb that can take a duration (发放, 采购, 开展).",
    },
    bad: "数量指标 | 制作宣传横幅、公益宣传牌等 | = | 1 | 年",
    good: "数量指标 | 制作宣传横幅、公益宣传牌等 | ≥ | 20 | 条",
  },
  check(table, report) {
    for (const v of valueRows(table)) {
      const p = v.parsed;
      if (isPlaceholder(v) || p.kind !== "quantitative" || v.level2?.key !== "quantity") continue;
      const unit = (p.unit ?? "").trim();
      if (!TIME_UNITS.has(unit)) continue;
      const name = bareName(v.name);
      if (!MAKES_THINGS.test(name) || TIME_WORD.test(name)) continue;
      report({
        cell: v.cell.address,
        related: related(v),
        message: {
          zh: `数量指标“${name}”的计量单位是时间“${unit}”，无法衡量数量；请改为物品本身的单位（如“条”“块”“个”）。`,
          en: `The quantity indicator ${name} is measured in ${unit}, a length of time, which says nothing about how many; use the unit of the things counted (条, 块, 个).`,
        },
      });
    }
  },
};
