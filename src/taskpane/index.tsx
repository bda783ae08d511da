/** Task pane entry: waits for Office.js, creates the Excel host, then renders the pane. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { ExcelHost } from "../excel/host";
import { createExcelHost } from "../excel/office-host";
import App from "./App";
import { languageFor, officeDisplayLanguage } from "./i18n";
import { officeUsesDarkTheme } from "./theme";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  let host: ExcelHost | undefined;
  let startError: unknown;
  if (info.host === Office.HostType.Excel) {
    try {
      host = createExcelHost();
    } catch (err) {
      startError = err;
    }
  }
  createRoot(container).render(
    <React.StrictMode>
      <App
        host={host}
        lang={languageFor(officeDisplayLanguage())}
        dark={officeUsesDarkTheme()}
        startError={startError}
      />
    </React.StrictMode>
  );
});
