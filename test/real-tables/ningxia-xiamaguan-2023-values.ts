/**
 * 下马关镇设施农业黄金蜜(葡萄)种植项目绩效目标设定的公示 (2023), 同心县下马关镇 (宁夏): published as prose, not a
 * grid, so it is not laid out as a sheet; its values are value-grammar cases (for the value rules' tests).
 * Source: https://www.tongxin.gov.cn/zwgk/zfxxgkml/zdxm/zdxm_54945/202309/t20230919_4273316.html
 * Shared text: ../shared/domain/real-tables/ningxia-tongxin-xiamaguan-2023-grape-project-prose.txt (complete).
 *
 * Each case: the value as printed, its 二级 and 三级 (★ marks and the template hint `(≥**株)` kept as printed), and
 * what a reviewer does (README): flag (error/warning) or leave (information at most).
 */
import type { ValueCase } from "./types";

export const NINGXIA_XIAMAGUAN_2023_SOURCE =
  "https://www.tongxin.gov.cn/zwgk/zfxxgkml/zdxm/zdxm_54945/202309/t20230919_4273316.html";
export const NINGXIA_XIAMAGUAN_2023_FILE = "ningxia-tongxin-xiamaguan-2023-grape-project-prose.txt";

export const NINGXIA_XIAMAGUAN_2023_VALUES: ValueCase[] = [
  {
    value: ">=17600株",
    level2: "数量指标",
    name: "★补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量",
    hint: "(≥**株)",
    expectation: "leave",
    what: "ASCII >= with a count: accepted (information at most)",
  },
  {
    value: ">=85",
    level2: "数量指标",
    name: "种植作物成活率",
    hint: "(≥**%)",
    expectation: "flag",
    what: "a rate with no % (缺少“%”)",
  },
  {
    value: ">=100%",
    level2: "时效指标",
    name: "完成及时率",
    hint: "(≥**%)",
    expectation: "leave",
    what: "≥100% written >=: accepted (information at most)",
  },
  {
    value: "≤28.40/株",
    level2: "成本指标",
    name: "作物种植补助标准,黄金蜜(葡萄)补助成本",
    hint: "(≤**元/株)",
    expectation: "flag",
    what: "a money rate without 元 (应为“元/株”)",
  },
  {
    value: "≥80万元",
    level2: "经济效益指标",
    name: "脱贫地区特色产业产值",
    hint: "(≥**万元)",
    expectation: "leave",
    what: "a plain amount target",
  },
  {
    value: "≥80万元",
    level2: "经济效益指标",
    name: "促使脱贫户、监测户增加收入",
    hint: "(≥**万元)",
    expectation: "leave",
    what: "a plain amount target",
  },
  {
    value: "≥10户",
    level2: "社会效益指标",
    name: "★★★受益脱贫户、监测户人口数",
    hint: "(≥**户)",
    expectation: "leave",
    what: "a count; the ★ marks in the name are accepted",
  },
  {
    value: "生态修复功能提高",
    level2: "生态效益指标",
    name: "生态效益指标",
    expectation: "leave",
    what: "a qualitative value",
  },
  {
    value: "持续发展",
    level2: "可持续影响指标",
    name: "可持续影响指标",
    expectation: "leave",
    what: "a qualitative value",
  },
  {
    value: "≥95%",
    level2: "服务对象满意度指标",
    name: "受益脱贫户满意度",
    hint: "(≥**%)",
    expectation: "leave",
    what: "a satisfaction rate",
  },
];
