/**
 * A stand-in for WPS in a plain browser page: installs `window.Application` (the fake WPS's, test/support/fake-wps)
 * before the task pane's page decides which host it runs in, so the built pane takes its WPS host and loads no
 * Office.js. `window.__fakeWps` lets the test inspect the workbook and the call count.
 *
 * The workbook is read synchronously (the pane's host is made as soon as its bundle runs): `window.__STUB_SHEET__`,
 * else `./stub-sheet.json` by a synchronous request. Self-contained: no Node or jest module.
 */
import { FakeWps } from "../support/fake-wps";

interface StubWindow {
  Application?: unknown;
  __fakeWps?: FakeWps;
  __STUB_SHEET__?: unknown;
}

function workbook(win: StubWindow): unknown {
  if (win.__STUB_SHEET__ !== undefined) return win.__STUB_SHEET__;
  const xhr = new XMLHttpRequest();
  xhr.open("GET", "./stub-sheet.json", false);
  xhr.send();
  return xhr.status === 200 ? JSON.parse(xhr.responseText) : { sheets: [] };
}

const win = window as unknown as StubWindow;
const wps = FakeWps.fromJSON(workbook(win));
win.Application = wps.Application;
win.__fakeWps = wps;
