/** Task pane entry: waits for Office.js, then renders the pane. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import { languageFor, officeDisplayLanguage } from "./i18n";
import { officeUsesDarkTheme } from "./theme";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <App
        lang={languageFor(officeDisplayLanguage())}
        dark={officeUsesDarkTheme()}
        inExcel={info.host === Office.HostType.Excel}
      />
    </React.StrictMode>
  );
});
