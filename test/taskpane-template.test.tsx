/** @jest-environment jsdom */
/**
 * The pane's 插入新年度模板 section against the fake ExcelHost: its defaults (before and after a check), the options
 * it passes to ExcelHost.insertTemplate, progress, the success message naming the new sheet (and what was left
 * out), errors, and the English labels.
 */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import App from "../src/taskpane/App";
import { checkSheet } from "../src/core/check";
import type { Lang } from "../src/core/finding";
import type { SheetSnapshot } from "../src/core/snapshot";
import { templateDefaults, templateRequest } from "../src/taskpane/useTemplate";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { tableSheet } from "./support/edit";
import { createFakeHost, officeError, type FakeHostOptions } from "./support/fake-host";

const BUILT = buildTable(SAMPLE_2021);
const SAMPLE: SheetSnapshot = tableSheet(BUILT.workbook);
const SHEET = BUILT.placed.sheet;
const SAMPLE_FORM = checkSheet(SAMPLE).tables[0].indicators!.form;
const NEXT_YEAR = new Date().getFullYear() + 1;

type User = ReturnType<typeof userEvent.setup>;

function setup(snapshot: SheetSnapshot = SAMPLE, options: FakeHostOptions & { lang?: Lang } = {}) {
  const host = createFakeHost(snapshot, { watch: false, ...options });
  const user = userEvent.setup();
  const view = render(<App host={host} lang={options.lang ?? "zh"} dark={false} />);
  return { host, user, view };
}

/** The template section (a region named by its heading). */
const section = (name = "插入新年度模板") => screen.getByRole("region", { name });
const inSection = (name?: string) => within(section(name));

async function check(user: User, name = "检查") {
  await user.click(screen.getByRole("button", { name }));
  await waitFor(() => expect(screen.getByRole("button", { name })).toBeEnabled());
}

async function setYear(user: User, year: string, label = "预算年度") {
  const input = inSection(label === "预算年度" ? undefined : "Insert next year's template").getByRole("spinbutton", {
    name: label,
  });
  await user.clear(input);
  await user.type(input, year);
  await user.tab(); // SpinButton commits on blur
}

describe("template section", () => {
  it("defaults to next calendar year, a department table, merged values and prefill before any check", () => {
    setup();
    const s = inSection();
    expect(s.getByRole("heading", { name: "插入新年度模板" })).toBeInTheDocument();
    expect(s.getByRole("spinbutton", { name: "预算年度" })).toHaveValue(String(NEXT_YEAR));
    expect(s.getByRole("radio", { name: "部门整体" })).toBeChecked();
    expect(s.getByRole("radio", { name: "合并指标值" })).toBeChecked();
    expect(s.getByRole("checkbox", { name: "沿用当前表格内容" })).toBeChecked();
    expect(s.getByRole("checkbox", { name: "沿用当前表格内容" })).toHaveAccessibleDescription(
      "以当前工作表中的绩效目标表为底稿：保留名称、任务、目标和指标，金额留空。"
    );
    expect(s.getByRole("checkbox", { name: "保留指标值" })).not.toBeChecked();
    expect(s.getByRole("button", { name: "插入新年度模板" })).toBeEnabled();
  });

  it("takes its defaults from the checked sample (2022, 部门) and inserts with them", async () => {
    const { host, user } = setup();
    await check(user);
    const s = inSection();
    expect(s.getByRole("spinbutton", { name: "预算年度" })).toHaveValue("2022");
    expect(s.getByRole("radio", { name: "部门整体" })).toBeChecked();
    expect(s.getByRole("radio", { name: SAMPLE_FORM === "merged" ? "合并指标值" : "分栏" })).toBeChecked();
    expect(s.getByRole("checkbox", { name: "沿用当前表格内容" })).toBeChecked();

    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText("已插入工作表“2022年绩效目标表”")).toBeInTheDocument();
    expect(s.getByText(`以工作表“${SHEET}”中的表格为底稿。`)).toBeInTheDocument();
    expect(host.callsOf("insertTemplate")).toEqual([
      {
        method: "insertTemplate",
        request: { kind: "department", year: 2022, form: SAMPLE_FORM, prefill: true, keepValues: false },
      },
    ]);
    // The pane never writes the template itself, and the checked sheet is left alone.
    expect(host.callsOf("applyFixes")).toEqual([]);
    expect(host.sheetNames).toEqual([SHEET, "2022年绩效目标表"]);

    // A second insertion gets a name of its own.
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText("已插入工作表“2022年绩效目标表 (2)”")).toBeInTheDocument();
    expect(s.queryByText("已插入工作表“2022年绩效目标表”")).not.toBeInTheDocument();
  });

  it("passes the options the user changes", async () => {
    const { host, user } = setup();
    await check(user);
    const s = inSection();
    await setYear(user, "2025");
    expect(s.getByRole("spinbutton", { name: "预算年度" })).toHaveValue("2025");
    await user.click(s.getByRole("radio", { name: "项目" }));
    await user.click(s.getByRole("radio", { name: "分栏" }));
    await user.click(s.getByRole("checkbox", { name: "保留指标值" }));
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText("已插入工作表“2025年项目绩效目标表”")).toBeInTheDocument();
    expect(host.callsOf("insertTemplate")[0].request).toEqual({
      kind: "project",
      year: 2025,
      form: "split",
      prefill: true,
      keepValues: true,
    });

    // Without prefill there is nothing to keep: the checkbox goes, and keepValues is false.
    await user.click(s.getByRole("checkbox", { name: "沿用当前表格内容" }));
    expect(s.queryByRole("checkbox", { name: "保留指标值" })).not.toBeInTheDocument();
    await user.click(s.getByRole("radio", { name: "部门整体" }));
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    await waitFor(() => expect(host.callsOf("insertTemplate")).toHaveLength(2));
    expect(host.callsOf("insertTemplate")[1].request).toEqual({
      kind: "department",
      year: 2025,
      form: "split",
      prefill: false,
      keepValues: false,
    });
    expect(await s.findByText("已插入工作表“2025年绩效目标表”")).toBeInTheDocument();
    expect(s.queryByText(/中的表格为底稿。/)).not.toBeInTheDocument();
  });

  it("keeps the user's choices through a re-check of the same table", async () => {
    const { user } = setup();
    await check(user);
    await user.click(inSection().getByRole("radio", { name: "项目" }));
    await check(user);
    expect(inSection().getByRole("radio", { name: "项目" })).toBeChecked();
  });

  it("refuses a year outside 1990–2100", async () => {
    const { host, user } = setup();
    const s = inSection();
    await setYear(user, "1800");
    expect(s.getByText("请输入 1990 至 2100 之间的年份。")).toBeInTheDocument();
    expect(s.getByRole("button", { name: "插入新年度模板" })).toBeDisabled();
    await setYear(user, "2030");
    expect(s.queryByText("请输入 1990 至 2100 之间的年份。")).not.toBeInTheDocument();
    expect(s.getByRole("button", { name: "插入新年度模板" })).toBeEnabled();
    expect(host.callsOf("insertTemplate")).toEqual([]);
  });

  it("shows progress while Excel inserts, with the button disabled", async () => {
    const { host, user } = setup();
    const held = host.holdNextInsert();
    const s = inSection();
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText("正在插入模板…")).toBeInTheDocument();
    expect(s.getByRole("button", { name: "插入新年度模板" })).toBeDisabled();
    await act(async () => held.release());
    expect(await s.findByText(`已插入工作表“${NEXT_YEAR}年绩效目标表”`)).toBeInTheDocument();
    expect(s.queryByText("正在插入模板…")).not.toBeInTheDocument();
    expect(s.getByRole("button", { name: "插入新年度模板" })).toBeEnabled();
  });

  it("says what this Excel could not add", async () => {
    const { user } = setup(SAMPLE, { templateSkipped: ["dataValidation", "pageLayout"] });
    await check(user);
    await user.click(inSection().getByRole("button", { name: "插入新年度模板" }));
    expect(
      await inSection().findByText(
        "您的 Excel 版本不支持以下功能，模板中未包含：下拉列表（需要 ExcelApi 1.8）、打印设置（需要 ExcelApi 1.9）。"
      )
    ).toBeInTheDocument();
    expect(inSection().getByText("已插入工作表“2022年绩效目标表”")).toBeInTheDocument();
  });

  it("prefill is off after a check found no table; asked for anyway, a blank template is inserted and said so", async () => {
    const notes = buildTable(SAMPLE_2021, { explanatorySheet: true }).workbook.sheets[0];
    const { host, user } = setup(notes);
    await check(user);
    const s = inSection();
    expect(s.getByRole("checkbox", { name: "沿用当前表格内容" })).not.toBeChecked();
    expect(s.getByRole("spinbutton", { name: "预算年度" })).toHaveValue(String(NEXT_YEAR));
    await user.click(s.getByRole("checkbox", { name: "沿用当前表格内容" }));
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText("当前工作表中没有绩效目标表，已插入空白模板。")).toBeInTheDocument();
    expect(s.getByText(`已插入工作表“${NEXT_YEAR}年绩效目标表”`)).toBeInTheDocument();
    expect(host.callsOf("insertTemplate")[0].request.prefill).toBe(true);
  });

  it("shows Excel's error, and plain advice while a cell is being edited", async () => {
    const { host, user } = setup();
    const s = inSection();
    host.failNext("insertTemplate", officeError("The workbook's structure is protected.", "AccessDenied"));
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText("无法插入模板")).toBeInTheDocument();
    expect(s.getByText("The workbook's structure is protected. (AccessDenied)")).toBeInTheDocument();
    expect(s.queryByText(/已插入工作表/)).not.toBeInTheDocument();
    expect(host.sheetNames).toEqual([SHEET]);

    host.failNext("insertTemplate", officeError("Cell edit mode.", "InvalidOperationInCellEditMode"));
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText(/Excel 正在编辑单元格/)).toBeInTheDocument();

    await user.click(s.getByRole("button", { name: "关闭" }));
    expect(s.queryByText("无法插入模板")).not.toBeInTheDocument();
    // The next try works.
    await user.click(s.getByRole("button", { name: "插入新年度模板" }));
    expect(await s.findByText(`已插入工作表“${NEXT_YEAR}年绩效目标表”`)).toBeInTheDocument();
  });

  it("cannot insert outside Excel", () => {
    render(<App host={undefined} lang="zh" dark={false} />);
    expect(inSection().getByRole("button", { name: "插入新年度模板" })).toBeDisabled();
  });

  it("speaks English", async () => {
    const { host, user } = setup(SAMPLE, { lang: "en", templateSkipped: ["dataValidation"] });
    await check(user, "Check");
    const s = inSection("Insert next year's template");
    expect(s.getByRole("spinbutton", { name: "Budget year" })).toHaveValue("2022");
    expect(s.getByRole("radiogroup", { name: "Table type" })).toBeInTheDocument();
    expect(s.getByRole("radio", { name: "Department" })).toBeChecked();
    expect(s.getByRole("radio", { name: "Project" })).not.toBeChecked();
    expect(s.getByRole("radiogroup", { name: "Indicator values" })).toBeInTheDocument();
    expect(s.getByRole("radio", { name: "In one column" })).toBeInTheDocument();
    expect(s.getByRole("radio", { name: "Split into columns" })).toBeInTheDocument();
    expect(s.getByRole("checkbox", { name: "Carry over the current table" })).toBeChecked();
    expect(s.getByRole("checkbox", { name: "Keep indicator values" })).toBeInTheDocument();
    await setYear(user, "1800", "Budget year");
    expect(s.getByText("Enter a year from 1990 to 2100.")).toBeInTheDocument();
    await setYear(user, "2023", "Budget year");
    await user.click(s.getByRole("button", { name: "Insert template" }));
    expect(await s.findByText("Inserted the sheet “2023年绩效目标表”")).toBeInTheDocument();
    expect(s.getByText(`Prefilled from the table on the sheet “${SHEET}”.`)).toBeInTheDocument();
    expect(
      s.getByText("This version of Excel could not add: dropdown lists (needs ExcelApi 1.8).")
    ).toBeInTheDocument();
    expect(host.callsOf("insertTemplate")[0].request.year).toBe(2023);
  });
});

describe("template defaults and request", () => {
  const now = new Date(2030, 5, 1);

  it("come from the first table of the last check", () => {
    expect(templateDefaults(checkSheet(SAMPLE), now)).toEqual({
      year: 2022,
      kind: "department",
      form: SAMPLE_FORM,
      prefill: true,
      keepValues: false,
    });
  });

  it("without a check: next calendar year, department, merged, prefill", () => {
    expect(templateDefaults(undefined, now)).toEqual({
      year: 2031,
      kind: "department",
      form: "merged",
      prefill: true,
      keepValues: false,
    });
  });

  it("keepValues only with prefill", () => {
    const base = { year: 2022, kind: "department", form: "merged" } as const;
    expect(templateRequest({ ...base, prefill: false, keepValues: true }).keepValues).toBe(false);
    expect(templateRequest({ ...base, prefill: true, keepValues: true }).keepValues).toBe(true);
  });
});
