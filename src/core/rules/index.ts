import type { Rule } from "./rule";

export const ALL_RULES: readonly Rule[] = [];
