/**
 * The 插入新年度模板 section's state: its defaults (from the last check), and the insertion through the ExcelHost
 * with its progress, result and error.
 */
import * as React from "react";
import type { SheetCheck } from "../core/check";
import type { IndicatorForm, TableKind } from "../core/model";
import type { ExcelHost, TemplateInsertResult, TemplateRequest } from "../excel/host";

/** The budget years the template accepts (makeTemplate refuses others). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export interface TemplateChoices {
  /** null while the year field holds no valid number. */
  year: number | null;
  kind: TableKind;
  form: IndicatorForm;
  prefill: boolean;
  keepValues: boolean;
}

/**
 * The section's defaults: from the last check's first table (its year + 1, kind and indicator form, prefill on);
 * without one, next calendar year, a department table, merged values. Prefill is on unless the last check found no
 * table on the sheet.
 */
export function templateDefaults(result: SheetCheck | undefined, now: Date = new Date()): TemplateChoices {
  const table = result?.tables[0];
  return {
    year: table?.year ? table.year.value + 1 : now.getFullYear() + 1,
    kind: table?.kind ?? "department",
    form: table?.indicators?.form ?? "merged",
    prefill: result === undefined || table !== undefined,
    keepValues: false,
  };
}

export function validYear(year: number | null): year is number {
  return year !== null && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The request the choices make: values are kept only when the template is prefilled. */
export function templateRequest(choices: TemplateChoices & { year: number }): TemplateRequest {
  return {
    kind: choices.kind,
    year: choices.year,
    form: choices.form,
    prefill: choices.prefill,
    keepValues: choices.prefill && choices.keepValues,
  };
}

export interface TemplateState {
  inserting: boolean;
  /** The last insertion's result, until the next insertion or dismiss. */
  inserted?: TemplateInsertResult;
  /** The last insertion's error, as thrown. */
  error?: unknown;
  /** True when `error` is set (an error may be any value, even undefined). */
  failed: boolean;
}

export interface TemplateInserter {
  state: TemplateState;
  insert(request: TemplateRequest): Promise<void>;
  dismiss(): void;
}

export function useTemplate(host: ExcelHost | undefined): TemplateInserter {
  const [state, setState] = React.useState<TemplateState>({ inserting: false, failed: false });
  const mounted = React.useRef(true);
  const running = React.useRef(false);

  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const insert = React.useCallback(
    async (request: TemplateRequest) => {
      if (!host || running.current) return;
      running.current = true;
      setState({ inserting: true, failed: false });
      try {
        const inserted = await host.insertTemplate(request);
        if (mounted.current) setState({ inserting: false, inserted, failed: false });
      } catch (error) {
        if (mounted.current) setState({ inserting: false, error, failed: true });
      } finally {
        running.current = false;
      }
    },
    [host]
  );

  const dismiss = React.useCallback(() => {
    if (mounted.current) setState((s) => ({ inserting: s.inserting, failed: false }));
  }, []);

  return { state, insert, dismiss };
}
