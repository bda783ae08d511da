/**
 * The WPS ribbon's command without a pane: 插入新年度模板 (wps/main.js calls `window.goaltable.insertTemplate()`).
 * Inserts next budget year's table on a new sheet, prefilled from the goal table on the active sheet (or blank), as
 * the Excel ribbon command does (src/commands). WPS's object model is synchronous, so the sheet is in place when
 * the call returns; a failure is shown in an alert (the ribbon has no message area of its own).
 */
import "../taskpane/polyfills";
import { wpsApplication } from "./api";
import { createWpsHost } from "./host";
import type { TemplateInsertResult } from "../excel/host";

export function insertTemplate(win: Window & typeof globalThis): Promise<TemplateInsertResult | undefined> {
  const app = wpsApplication(win);
  if (!app) return Promise.resolve(undefined);
  return createWpsHost(app)
    .insertTemplate({ prefill: true, keepValues: false })
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (typeof win.alert === "function") win.alert(`未能插入新年度模板：${message}`);
      return undefined;
    });
}

(window as unknown as { goaltable: unknown }).goaltable = { insertTemplate: () => insertTemplate(window) };
