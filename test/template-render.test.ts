/**
 * The written template as LibreOffice prints it: converted to PDF, it has pages, they are A4 landscape, the table is
 * one page wide and its Chinese text is there. Skipped (with a note) when LibreOffice is not installed, unless
 * GOALTABLE_REQUIRE_LIBREOFFICE=1 (CI), where a missing LibreOffice fails.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { convertToPdf, findOffice, findOnPath, INSTALL_HINT, writeBlankTemplates } from "../scripts/render-template";

const run = promisify(execFile);
const office = findOffice();
const poppler = findOnPath("pdftotext") !== undefined && findOnPath("pdfinfo") !== undefined;
const required = process.env.GOALTABLE_REQUIRE_LIBREOFFICE === "1";
const available = office !== undefined && poppler;

if (!available && !required) {
  console.log(
    `template-render: LibreOffice (libreoffice/soffice) or poppler-utils is not on PATH; the PDF test is skipped. ` +
      `Install them with: ${INSTALL_HINT}`
  );
}

describe("the template printed through LibreOffice", () => {
  if (!available) {
    (required ? it : it.skip)("needs LibreOffice and poppler-utils", () => {
      throw new Error(
        `GOALTABLE_REQUIRE_LIBREOFFICE=1 but ${office ? "pdftotext/pdfinfo" : "libreoffice/soffice"} is not on PATH; ` +
          `install: ${INSTALL_HINT}`
      );
    });
    return;
  }

  let dir: string;
  let pdfs: { department: string; project: string };
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-render-test-"));
    const files = await writeBlankTemplates(dir, 2022);
    const [department, project] = await convertToPdf(office!, [files.department, files.project], dir);
    pdfs = { department, project };
  }, 90_000);
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  async function info(pdf: string): Promise<{ pages: number; width: number; height: number }> {
    const { stdout } = await run("pdfinfo", [pdf]);
    const size = /Page size:\s+([0-9.]+) x ([0-9.]+) pts/.exec(stdout)!;
    return { pages: Number(/Pages:\s+([0-9]+)/.exec(stdout)![1]), width: Number(size[1]), height: Number(size[2]) };
  }

  async function pageText(pdf: string, page: number): Promise<string> {
    const { stdout } = await run("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"]);
    return stdout;
  }

  it.each([
    ["department", "部门（单位）整体支出绩效目标表", ["任务名称", "其他资金", "年度总体目标"]],
    ["project", "项目支出绩效目标表", ["项目名称", "实施单位", "上年结转资金"]],
  ] as const)("%s: a PDF with A4 landscape pages, the whole width on one page", async (kind, title, labels) => {
    const pdf = pdfs[kind];
    const head = await fs.readFile(pdf);
    expect(head.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, width, height } = await info(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    // A4 landscape: 842 × 595 points.
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    const first = (await pageText(pdf, 1)).replace(/[ \t]+/g, "");
    expect(first).toContain(title);
    expect(first).toContain("（2022年）");
    // Leftmost and rightmost columns on the first page: one page wide.
    for (const label of labels) expect(first).toContain(label);
    expect(first).toContain("一级指标");
    if (pages > 1) {
      // The indicator header is repeated at the top of the next page (after its section label, merged down column A).
      expect((await pageText(pdf, 2)).replace(/\s+/g, "")).toMatch(/^(年度)?(绩效指标)?一级指标二级指标三级指标指标值/);
    }
  });
});
