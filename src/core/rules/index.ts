/** Every rule, in catalogue order. */
import type { Rule } from "./rule";
import { missingTitle } from "./structure/missing-title";
import { missingYear } from "./structure/missing-year";
import { missingName } from "./structure/missing-name";
import { missingTasks } from "./structure/missing-tasks";
import { missingTotalRow } from "./structure/missing-total-row";
import { missingFunding } from "./structure/missing-funding";
import { missingGoal } from "./structure/missing-goal";
import { missingIndicators } from "./structure/missing-indicators";
import { VALUE_RULES } from "./value";
import { TAXONOMY_RULES } from "./taxonomy";
import { STRUCTURE2_RULES } from "./structure2";

export const ALL_RULES: readonly Rule[] = [
  missingTitle,
  missingYear,
  missingName,
  missingTasks,
  missingTotalRow,
  missingFunding,
  missingGoal,
  missingIndicators,
  ...STRUCTURE2_RULES,
  ...VALUE_RULES,
  ...TAXONOMY_RULES,
];
