/**
 * Task pane entry: picks the host the page runs in, then renders the pane.
 *
 * - Inside WPS 表格 (a WPS 加载项's task pane: `window.Application`, or `window.wps.Application`), the WPS host
 *   (src/wps) over WPS's own object model. taskpane.html does not load Office.js there, and nothing here waits for it.
 * - Otherwise Office.js: once Office is ready, the Excel host when the page runs in Excel, none elsewhere (the pane
 *   then says to open it in Excel).
 */
import "./polyfills";
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/finding";
import type { ExcelHost } from "../excel/host";
import { createExcelHost } from "../excel/office-host";
import { wpsApplication } from "../wps/api";
import { createWpsHost } from "../wps/host";
import App from "./App";
import { languageFor, officeDisplayLanguage } from "./i18n";
import { officeUsesDarkTheme } from "./theme";

function render(host: ExcelHost | undefined, lang: Lang, dark: boolean, startError?: unknown): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <App host={host} lang={lang} dark={dark} startError={startError} />
    </React.StrictMode>
  );
}

/** Creates a host, or gives the error to show instead. */
function start(create: () => ExcelHost): { host?: ExcelHost; startError?: unknown } {
  try {
    return { host: create() };
  } catch (err) {
    return { startError: err };
  }
}

const wps = wpsApplication(window);
if (wps) {
  // WPS's pane is a Chromium page that says nothing of WPS's UI language: Chinese unless the browser has no
  // Chinese among its languages at all.
  const { host, startError } = start(() => createWpsHost(wps));
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  const lang = languages.some((l) => languageFor(l) === "zh") ? "zh" : "en";
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  render(host, lang, dark, startError);
} else {
  Office.onReady((info) => {
    const { host, startError } =
      info.host === Office.HostType.Excel ? start(() => createExcelHost()) : { host: undefined, startError: undefined };
    render(host, languageFor(officeDisplayLanguage()), officeUsesDarkTheme(), startError);
  });
}
