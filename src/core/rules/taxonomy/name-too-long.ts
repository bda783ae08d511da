import type { Rule } from "../rule";

/** The budget platform stores a 三级 name in at most 100 characters. */
export const MAX_NAME_LENGTH = 100;

export const nameTooLong: Rule = {
  id: "taxonomy/name-too-long",
  severity: "error",
  blocking: true, // the platform stores at most 100 characters
  category: "taxonomy",
  title: { zh: "三级指标名称过长", en: "三级 indicator name too long" },
  docs: {
    description: {
      zh: `三级指标名称最多${MAX_NAME_LENGTH}个字符，超长的名称无法导入预算系统。名称应简明地说明衡量什么，说明性文字可放在备注中。`,
      en: `A 三级 indicator name has at most ${MAX_NAME_LENGTH} characters; a longer one cannot be imported into the budget system. Say briefly what is measured and put explanations in a remark.`,
    },
    bad: "(a 三级 name of 120 characters)",
    good: "培训按时完成率",
  },
  check(table, report) {
    for (const row of table.indicators?.rows ?? []) {
      if (!row.name) continue;
      const length = [...row.name.text].length;
      if (length <= MAX_NAME_LENGTH) continue;
      report({
        cell: row.name.address,
        message: {
          zh: `三级指标名称有${length}个字符，超过${MAX_NAME_LENGTH}个字符的上限；请缩短到${MAX_NAME_LENGTH}个字符以内。`,
          en: `The 三级 indicator name has ${length} characters, over the limit of ${MAX_NAME_LENGTH}; shorten it to ${MAX_NAME_LENGTH} characters or fewer.`,
        },
      });
    }
  },
};
