/**
 * The built task pane in headless Chromium as WPS 表格 would load it: the fake WPS's `window.Application`
 * (test/browser/wps-stub.ts) is installed before the pane's page runs, so the pane takes its WPS host and must load
 * no Office.js. Click 检查, see the findings, click one, and check what the pane asked of "WPS" (marks, selection,
 * synchronous calls). Saves docs/pane-wps.png (README's WPS section).
 *
 * Serves dist/ when fresh, else a development build (test/browser/pane.ts). Every request that leaves the local
 * server is blocked and fails the test. Needs Chromium, as test/browser.test.ts does (same skip rules).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { checkSheet } from "../src/core/check";
import { buildTable } from "./builder/layout";
import { CHROMIUM, LAUNCH_ARGS, REQUIRED, ROOT, VIEWPORT, buildPane, freshDist } from "./browser/pane";
import { servePane, type PaneServer } from "./browser/serve";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { tableSheet } from "./support/edit";
import type { FakeWps } from "./support/fake-wps";

const NOT_FOUND =
  `WPS browser test skipped: Chromium not found (looked for ${CHROMIUM}); install it with ` +
  "`apt-get install chromium fonts-noto-cjk` (Debian) or set GOALTABLE_CHROMIUM to a Chromium binary";

const SHEET = tableSheet(buildTable(SAMPLE_2021).workbook);
const CHECK = checkSheet(SHEET);

type WpsWindow = Window & { __fakeWps: FakeWps; Office?: unknown };

if (!fs.existsSync(CHROMIUM)) {
  if (REQUIRED) {
    test("Chromium is installed (GOALTABLE_REQUIRE_BROWSER=1)", () => {
      throw new Error(NOT_FOUND.replace("test skipped", "test cannot run"));
    });
  } else {
    console.warn(NOT_FOUND);
    test.skip("the built pane in WPS (Chromium not found)", () => undefined);
  }
} else {
  describe("the built pane in WPS, with the fake WPS Application", () => {
    let tmp: string;
    let server: PaneServer;
    let browser: Browser;
    const blocked: string[] = [];

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-wps-"));
      const dist = freshDist();
      await buildPane(tmp, dist !== undefined);
      const paneDir = dist ?? tmp;
      // The pane's page with the WPS stand-in first in <head>, where WPS would already have put its Application.
      const html = fs
        .readFileSync(path.join(paneDir, "taskpane.html"), "utf8")
        .replace("<head>", '<head><script src="wps-stub.js"></script>');
      server = await servePane({
        paneDir,
        stubFile: path.join(tmp, "office-js", "office.js"),
        sheet: SHEET,
        extra: {
          "/taskpane-wps.html": { type: "text/html; charset=utf-8", body: html },
          "/wps-stub.js": {
            type: "text/javascript; charset=utf-8",
            body: fs.readFileSync(path.join(tmp, "wps-stub.js")),
          },
        },
      });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    async function openPane() {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        deviceScaleFactor: 2,
        reducedMotion: "reduce",
        locale: "zh-CN",
      });
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" && url.port === String(server.port)) return route.continue();
        blocked.push(url.href);
        return route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") pageErrors.push(m.text());
      });
      return { context, page, pageErrors };
    }

    it("fixes, undoes and accepts through WPS: the acceptance goes into the workbook's custom XML part", async () => {
      const { context, page, pageErrors } = await openPane();
      const fake = () =>
        page.evaluate(() => {
          const w = (window as unknown as WpsWindow).__fakeWps;
          const saved = w.toJSON();
          return {
            marked: w.conditionalFormats().map((cf) => cf.ranges.join(",")),
            parts: (saved.customXmlParts ?? []).map((p) => p.xml),
            c83: saved.sheets[0].cells.C83?.value,
          };
        });
      const idle = () => page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
      try {
        await page.goto(`${server.url}taskpane-wps.html`);
        await page.getByRole("button", { name: "检查", exact: true }).click();
        await page.getByRole("heading", { name: "检查结果" }).waitFor();
        await page.getByRole("button", { name: "修正 C83" }).click();
        await page.getByText("已修正 C83").first().waitFor();
        await idle();
        expect((await fake()).c83).toBe("服务对象满意度指标");
        await page.getByRole("button", { name: "撤销", exact: true }).click();
        await page.getByText("已撤销修正，恢复了 C83。").first().waitFor();
        expect((await fake()).c83).toBe("服务对象满意度指");

        await idle();
        await page.getByRole("button", { name: "接受 C77 的结果" }).click();
        await page.getByRole("textbox", { name: "接受理由（可选）" }).fill("本单位无生态效益指标");
        await page.getByRole("button", { name: "确认接受" }).click();
        await page
          .getByText(/已接受 C77 的结果/)
          .first()
          .waitFor();
        await idle();
        const after = await fake();
        expect(after.marked).toEqual(["C83:C85"]);
        expect(after.parts).toHaveLength(1);
        expect(after.parts[0]).toContain("urn:goaltable:acceptances:1");
        expect(after.parts[0]).toContain("本单位无生态效益指标");
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it("checks the sample through WPS's object model, marks and selects, without Office.js", async () => {
      const warning = CHECK.findings.find((f) => f.severity === "warning")!;
      const { context, page, pageErrors } = await openPane();
      try {
        await page.goto(`${server.url}taskpane-wps.html`);
        const callsBefore = await page.evaluate(() => (window as unknown as WpsWindow).__fakeWps.calls);
        await page.getByRole("button", { name: "检查", exact: true }).click();
        await page.getByRole("heading", { name: "检查结果" }).waitFor();
        await page.getByTitle(`转到 ${warning.cell}`).click();
        await page.waitForFunction(
          (cell) => (window as unknown as WpsWindow).__fakeWps.selection.address === cell,
          warning.cell
        );
        await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
        for (const f of CHECK.findings)
          expect(await page.getByTitle(`转到 ${f.cell}`).textContent()).toContain(f.message.zh);

        const wps = await page.evaluate(() => {
          const w = window as unknown as WpsWindow;
          return {
            office: typeof w.Office,
            calls: w.__fakeWps.calls,
            listeners: w.__fakeWps.listenerCount,
            marks: w.__fakeWps.conditionalFormats().map((cf) => [cf.ranges.join(","), cf.formula]),
            screen: w.__fakeWps.screenUpdating,
          };
        });
        expect(wps.office).toBe("undefined");
        expect(server.requests).not.toContain("/office-js/office.js");
        expect(callsBefore).toBe(0);
        expect(wps.calls).toBeGreaterThan(0);
        expect(wps.listeners).toBe(1); // watching the sheet for the user's edits
        expect(wps.marks.sort()).toEqual([
          ["C77", '=N("goaltable:info")=0'],
          ["C83:C85", '=N("goaltable:warning")=0'],
        ]);
        expect(wps.screen).toEqual([false, true]);

        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path: path.join(ROOT, "docs", "pane-wps.png") });
        expect(pageErrors).toEqual([]);
        expect(blocked).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
