/** Every rule, by category; the catalogue (docs/rules.md) lists them in this order. */
import type { Rule } from "./rule";
import { STRUCTURE_RULES } from "./structure";
import { AMOUNT_RULES } from "./amount";
import { VALUE_RULES } from "./value";
import { TAXONOMY_RULES } from "./taxonomy";

export const ALL_RULES: readonly Rule[] = [...AMOUNT_RULES, ...VALUE_RULES, ...TAXONOMY_RULES, ...STRUCTURE_RULES];

export { WORKBOOK_RULES } from "./workbook";
