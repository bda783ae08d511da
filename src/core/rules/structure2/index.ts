/** More structure rules: placeholders left in goals and names, and a budget year that does not fit. */
import type { Rule } from "../rule";
import { placeholderGoal } from "./placeholder-goal";
import { shortGoal } from "./short-goal";
import { placeholderName } from "./placeholder-name";
import { yearMismatch } from "./year-mismatch";

export const STRUCTURE2_RULES: Rule[] = [placeholderGoal, shortGoal, placeholderName, yearMismatch];
