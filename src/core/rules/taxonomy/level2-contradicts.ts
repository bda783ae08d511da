import type { Rule } from "../rule";
import { normLabel } from "../../text";
import { resolveLevel2, type Level2Key } from "../../taxonomy";
import type { Message } from "../../finding";

/** What a 三级 name says it measures, when that is plain from the name. */
function measures(
  name: string
): { kind: "satisfaction" | "spending-rate" | "rate"; zh: string; en: string } | undefined {
  if (/满意度|满意率/.test(name)) return { kind: "satisfaction", zh: "满意度", en: "a satisfaction level" };
  if (/(预算|资金)?(执行|支付|拨付|到位)率/.test(name))
    return { kind: "spending-rate", zh: "资金执行类比率", en: "a spending rate" };
  if (/(合格|达标|完成|验收|通过|覆盖|知晓|准确|及时)率$/.test(name)) return { kind: "rate", zh: "比率", en: "a rate" };
  return undefined;
}

/** Where each kind belongs, and the 二级 it must not stand under. */
const WRONG: Record<"satisfaction" | "spending-rate" | "rate", { not: Level2Key[]; belongs: Message }> = {
  satisfaction: {
    not: ["quantity", "quality", "timeliness", "cost", "economic", "social", "ecological", "sustainable"],
    belongs: { zh: "应归入“服务对象满意度指标”", en: "it belongs under 服务对象满意度指标" },
  },
  "spending-rate": {
    not: ["quantity", "cost", "economic-cost", "social-cost", "ecological-cost"],
    belongs: { zh: "应归入“时效指标”或“质量指标”", en: "it belongs under 时效指标 or 质量指标" },
  },
  rate: {
    not: ["quantity", "cost", "economic-cost", "social-cost", "ecological-cost"],
    belongs: { zh: "应归入“质量指标”或“时效指标”", en: "it belongs under 质量指标 or 时效指标" },
  },
};

export const level2Contradicts: Rule = {
  id: "taxonomy/level2-contradicts",
  severity: "info",
  category: "taxonomy",
  title: { zh: "三级指标与所属二级指标不符", en: "三级 name contradicts its 二级" },
  docs: {
    description: {
      zh: "三级指标名称表明的内容与所在的二级指标不符：满意度放在质量指标下、资金执行率或合格率放在数量或成本指标下。审核时会要求调整到正确的二级指标。",
      en: "What a 三级 name measures does not fit the 二级 it stands under: a satisfaction level under 质量指标, a spending or pass rate under 数量指标 or 成本指标. Reviewers ask for it to be moved.",
    },
    bad: "质量指标 | 群众满意度 | ≥95%",
    good: "服务对象满意度指标 | 群众满意度 | ≥95%",
  },
  check(table, report) {
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name || !row.level2) continue;
      const l2 = resolveLevel2(row.level2Name ?? row.level2.text);
      const m = measures(normLabel(row.name.text));
      if (!l2 || !m || !WRONG[m.kind].not.includes(l2.key)) continue;
      const b = WRONG[m.kind].belongs;
      report({
        cell: row.name.address,
        related: [row.level2.address],
        message: {
          zh: `“${row.name.text}”是${m.zh}，却放在“${l2.name}”下，${b.zh}。`,
          en: `'${row.name.text}' is ${m.en} but stands under ${l2.name}; ${b.en}.`,
        },
      });
    }
  },
};
