/**
 * The ribbon callbacks of the goaltable WPS 加载项 (ribbon.xml). WPS loads index.html (this file and the
 * wps-commands bundle) in a hidden page and calls these functions by name. They are plain, non-async functions, as
 * WPS expects: it does not wait for a promise.
 *
 * 检查表格 opens the task pane (taskpane.html, the same pane as in Excel), docked on the right; one pane per
 * window, kept in PluginStorage. 插入新年度模板 inserts next budget year's table on a new sheet (wps-commands.ts).
 */
/* eslint-disable no-unused-vars -- called by WPS through ribbon.xml */
var GOALTABLE_PANE_KEY = "goaltable_taskpane_id";
var CTP_DOCK_RIGHT = 2; // msoCTPDockPositionRight

function OnAddinLoad(ribbonUI) {
  var app = window.Application;
  if (app && typeof app.ribbonUI !== "object") app.ribbonUI = ribbonUI;
  return true;
}

function paneUrl() {
  var here = String(document.location.href).replace(/[?#].*$/, "");
  return here.replace(/\/[^/]*$/, "/") + "taskpane.html";
}

function OnCheckTable(control) {
  var app = window.Application;
  var id = app.PluginStorage.getItem(GOALTABLE_PANE_KEY);
  var pane = id ? app.GetTaskPane(id) : null;
  if (!pane) {
    pane = app.CreateTaskPane(paneUrl());
    app.PluginStorage.setItem(GOALTABLE_PANE_KEY, pane.ID);
    pane.DockPosition =
      app.Enum && app.Enum.msoCTPDockPositionRight ? app.Enum.msoCTPDockPositionRight : CTP_DOCK_RIGHT;
  }
  pane.Visible = true;
  return true;
}

function OnInsertTemplate(control) {
  window.goaltable.insertTemplate();
  return true;
}

function GetImage(control) {
  return "images/icon-32.png";
}
