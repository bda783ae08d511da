/** Structure rules: the parts a table must have, and placeholders or years that do not fit. */
import type { Rule } from "../rule";
import { missingTitle } from "./missing-title";
import { missingYear } from "./missing-year";
import { yearMismatch } from "./year-mismatch";
import { missingName } from "./missing-name";
import { placeholderName } from "./placeholder-name";
import { missingTasks } from "./missing-tasks";
import { missingTotalRow } from "./missing-total-row";
import { missingFunding } from "./missing-funding";
import { missingGoal } from "./missing-goal";
import { placeholderGoal } from "./placeholder-goal";
import { shortGoal } from "./short-goal";
import { missingIndicators } from "./missing-indicators";
import { toBeFilled } from "./to-be-filled";
import { goalNoMeasure } from "./goal-no-measure";
import { repeatedTask } from "./repeated-task";
import { goalCopied } from "./goal-copied";

export const STRUCTURE_RULES: Rule[] = [
  missingTitle,
  missingYear,
  yearMismatch,
  missingName,
  placeholderName,
  missingTasks,
  missingTotalRow,
  missingFunding,
  missingGoal,
  placeholderGoal,
  shortGoal,
  goalNoMeasure,
  goalCopied,
  repeatedTask,
  missingIndicators,
  toBeFilled,
];
