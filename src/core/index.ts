export * from "./address";
export * from "./snapshot";
export * from "./model";
export * from "./finding";
export * from "./check";
export { readSheet } from "./reader";
export { ALL_RULES } from "./rules";
export type { Rule, RuleCategory, RuleDocs, Report } from "./rules/rule";
