/** New-year templates of both goal tables, as plain data (see types.ts); no Office or exceljs API here. */
export * from "./types";
export {
  makeTemplate,
  templateSheetName,
  DEPARTMENT_TITLE,
  PROJECT_TITLE,
  EMPTY_ROWS_PER_LEVEL2,
  EMPTY_TASK_ROWS,
  OPERATORS,
  DIRECTIONS,
  NATURES,
} from "./layout";
export { templateToSnapshot } from "./snapshot";
export { planNewYear, pickPrefill, type NewYearPlan, type NewYearRequest } from "./new-year";
export { isBlankTable } from "../fill-state";
export { contentFrom, groupIndicators, convertValue, standardGroups } from "./prefill";
export type { TemplateContent, CarriedValue, CarriedIndicator } from "./prefill";
