/** The amount rules, in catalogue order. */
import type { Rule } from "../rule";
import { taskSum } from "./task-sum";
import { totalMismatch } from "./total-mismatch";
import { projectSum } from "./project-sum";
import { sourceSum } from "./source-sum";
import { planSum } from "./plan-sum";
import { blockSum } from "./block-sum";
import { shareSum } from "./share-sum";
import { totalAsPart } from "./total-as-part";
import { incomeExpense } from "./income-expense";
import { weightSum } from "./weight-sum";
import { formulaRange } from "./formula-range";
import { constantTotal } from "./constant-total";
import { notANumber } from "./not-a-number";
import { amountUnitInCell } from "./unit-in-cell";
import { negative } from "./negative";
import { precision } from "./precision";
import { costOverBudget } from "./cost-over-budget";
import { unitCostTotal } from "./unit-cost-total";

export const AMOUNT_RULES: Rule[] = [
  taskSum,
  totalMismatch,
  projectSum,
  sourceSum,
  planSum,
  blockSum,
  totalAsPart,
  shareSum,
  incomeExpense,
  weightSum,
  formulaRange,
  constantTotal,
  notANumber,
  amountUnitInCell,
  negative,
  precision,
  costOverBudget,
  unitCostTotal,
];
