/** @jest-environment jsdom */
/**
 * The task pane against a fake ExcelHost: what the user sees and what the pane asks Excel to do, in each state
 * (loading, no table, clean table, findings, select, fix, bulk fix, clear, protected sheet, old Excel, English,
 * live re-check, Excel errors, a crash).
 */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import App from "../src/taskpane/App";
import { ErrorBoundary } from "../src/taskpane/components/ErrorBoundary";
import { ResultHeader } from "../src/taskpane/components/ResultHeader";
import { ruleOf, ruleTitle } from "../src/taskpane/findings";
import { checkSheet, type SheetCheck } from "../src/core/check";
import type { CellValue, SheetSnapshot } from "../src/core/snapshot";
import type { Lang } from "../src/core/finding";
import { buildTable, type Placed } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { SMALL_PROJECT } from "./fixtures/small";
import { tableSheet, withCells } from "./support/edit";
import { createFakeHost, officeError, type FakeHost, type FakeHostOptions } from "./support/fake-host";

const BUILT = buildTable(SAMPLE_2021);
const SAMPLE: SheetSnapshot = tableSheet(BUILT.workbook);
const P: Placed = BUILT.placed;
const SHEET = P.sheet;

/** The 指标值 cell of the sample's indicator `name`. */
function valueCell(name: string): string {
  const i = SAMPLE_2021.indicators.findIndex((x) => x.name === name);
  if (i < 0 || !P.indicators[i].value) throw new Error(`no indicator ${name}`);
  return P.indicators[i].value!;
}

const variant = (cells: Record<string, CellValue>) => withCells(SAMPLE, cells);

/** Faults in three sections: a task's 总额 a cent off (金额), '>=' operators and a full-width value (指标值). */
const FAULTY = variant({
  [P.tasks[0].total]: 356.98,
  [valueCell("群众工作培训按时完成率")]: ">=85%",
  [valueCell("换届选举干部培训按时完成率")]: ">=95%",
  [valueCell("干部教育培训按时完成率")]: ">=95%",
  [valueCell("信息化建设工作及时率")]: "≥９５％",
});

function setup(snapshot: SheetSnapshot, options: FakeHostOptions & { lang?: Lang } = {}) {
  const host = createFakeHost(snapshot, options);
  const user = userEvent.setup();
  const view = render(<App host={host} lang={options.lang ?? "zh"} dark={false} />);
  return { host, user, view };
}

async function runCheck(user: ReturnType<typeof userEvent.setup>, name = "检查") {
  await user.click(screen.getByRole("button", { name }));
  // The button is disabled while a check runs.
  await waitFor(() => expect(screen.getByRole("button", { name })).toBeEnabled());
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
}

const section = (name: RegExp) => screen.getByRole("region", { name });
/** The list entry of the finding at `cell` (its select button carries the title "转到 D7"). */
const entry = (cell: string, lang: Lang = "zh") => screen.getByTitle(lang === "zh" ? `转到 ${cell}` : `Go to ${cell}`);

function counts(check: SheetCheck) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of check.findings) c[f.severity]++;
  return c;
}

describe("task pane", () => {
  it("shows a spinner while the sheet is being read, then the result", async () => {
    const { host, user } = setup(SAMPLE);
    const held = host.holdNextRead();
    await user.click(screen.getByRole("button", { name: "检查" }));
    expect(await screen.findByText("正在检查…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查" })).toBeDisabled();
    expect(screen.queryByText("找到绩效目标表")).not.toBeInTheDocument();
    await act(async () => held.release());
    expect(await screen.findByText("找到绩效目标表")).toBeInTheDocument();
    expect(screen.queryByText("正在检查…")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查" })).toBeEnabled();
    expect(host.callsOf("readActiveSheet")).toHaveLength(1);
    expect(host.callsOf("highlight")).toHaveLength(1);
  });

  it("explains what it expects when the sheet holds no goal table, and keeps the check button", async () => {
    const notes = buildTable(SAMPLE_2021, { explanatorySheet: true }).workbook.sheets[0];
    const expected = checkSheet(notes);
    expect(expected.tables).toHaveLength(0);
    const { user } = setup(notes);
    await runCheck(user);
    expect(screen.getByRole("heading", { name: "当前工作表中没有绩效目标表" })).toBeInTheDocument();
    expect(screen.getByText(/以“…绩效目标表”结尾的标题/)).toHaveTextContent(/年度主要任务.*绩效指标/);
    expect(screen.getByText(expected.notATable!.reason.zh, { exact: false })).toBeInTheDocument();
    expect(screen.queryByText("检查结果")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查" })).toBeEnabled();
  });

  it("shows the table found and zero errors for the clean sample", async () => {
    const expected = counts(checkSheet(SAMPLE));
    expect(expected.error).toBe(0);
    const { user } = setup(SAMPLE);
    await runCheck(user);
    expect(screen.getByText(`工作表：${SHEET}`)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "找到绩效目标表" })).toBeInTheDocument();
    const line = screen.getByText("部门整体支出").closest("li")!;
    expect(line).toHaveTextContent("部门整体支出 · 2021年度 · 中共乌尔禾区委组织部 · 区域 A1:F85");
    const badges = within(screen.getByRole("group", { name: "问题数量" }));
    expect(badges.getByText("错误 0")).toBeInTheDocument();
    expect(badges.getByText(`警告 ${expected.warning}`)).toBeInTheDocument();
    expect(badges.getByText(`提示 ${expected.info}`)).toBeInTheDocument();
  });

  it("lists each table when a sheet holds several", () => {
    const dept = checkSheet(SAMPLE);
    const project = checkSheet(tableSheet(buildTable(SMALL_PROJECT).workbook));
    const both: SheetCheck = { ...dept, tables: [...dept.tables, { ...project.tables[0], range: "H1:O40" }] };
    render(<ResultHeader result={both} lang="zh" />);
    expect(screen.getByRole("heading", { name: "找到 2 张绩效目标表" })).toBeInTheDocument();
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("部门整体支出 · 2021年度");
    expect(items[1]).toHaveTextContent(/^项目支出 · /);
    expect(items[1]).toHaveTextContent("区域 H1:O40");
  });

  it("groups the findings by section, sorted by severity, with the counts of checkSheet", async () => {
    const expected = checkSheet(FAULTY);
    const c = counts(expected);
    expect(c.error).toBeGreaterThan(0);
    const { user } = setup(FAULTY);
    await runCheck(user);

    const badges = within(screen.getByRole("group", { name: "问题数量" }));
    expect(badges.getByText(`错误 ${c.error}`)).toBeInTheDocument();
    expect(badges.getByText(`警告 ${c.warning}`)).toBeInTheDocument();
    expect(badges.getByText(`提示 ${c.info}`)).toBeInTheDocument();

    // Sections in order, only those with findings.
    const headers = screen.getAllByRole("button", { expanded: true }).map((b) => b.textContent);
    expect(headers).toEqual(["金额", "指标值", "指标体系"].map((s) => expect.stringMatching(new RegExp(`^${s}\\d+$`))));
    expect(screen.queryByRole("region", { name: /^结构/ })).not.toBeInTheDocument();

    const amounts = within(section(/^金额/));
    expect(amounts.getByTitle(`转到 ${P.tasks[0].total}`)).toBeInTheDocument();
    const taskSum = expected.findings.find((f) => f.rule === "amount/task-sum")!;
    expect(amounts.getByText(taskSum.message.zh)).toBeInTheDocument();
    expect(amounts.getAllByText(ruleOf("amount/task-sum")!.title.zh).length).toBeGreaterThan(0);

    // 指标值: the full-width warning comes before the '>=' note, which is one note for the table's three '>='.
    const values = within(section(/^指标值/));
    const cells = values.getAllByTitle(/^转到 /).map((b) => b.getAttribute("title")!.slice(3));
    const valueFindings = expected.findings.filter((f) => f.rule.startsWith("value/"));
    expect(cells).toHaveLength(valueFindings.length);
    expect(cells).toEqual([valueCell("信息化建设工作及时率"), valueCell("群众工作培训按时完成率")]);
    // Every finding is listed once.
    expect(screen.getAllByTitle(/^转到 /)).toHaveLength(expected.findings.length);
  });

  it("collapses and opens a section", async () => {
    const { user } = setup(FAULTY);
    await runCheck(user);
    const header = screen.getByRole("button", { name: /^金额/ });
    await user.click(header);
    expect(header).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByTitle(`转到 ${P.tasks[0].total}`)).not.toBeInTheDocument();
    await user.click(header);
    expect(screen.getByTitle(`转到 ${P.tasks[0].total}`)).toBeInTheDocument();
  });

  it("selects the finding's cell on click and on Enter", async () => {
    const { host, user } = setup(FAULTY);
    await runCheck(user);
    await user.click(entry(P.tasks[0].total));
    expect(host.callsOf("select")).toEqual([{ method: "select", sheet: SHEET, address: P.tasks[0].total }]);

    const c83 = entry("C83");
    c83.focus();
    await user.keyboard("{Enter}");
    expect(host.callsOf("select")).toHaveLength(2);
    expect(host.callsOf("select")[1]).toEqual({ method: "select", sheet: SHEET, address: "C83" });
  });

  it("applies a finding's fix, re-checks and says what it fixed", async () => {
    const { host, user } = setup(SAMPLE);
    await runCheck(user);
    const finding = checkSheet(SAMPLE).findings.find((f) => f.rule === "taxonomy/unknown-level2")!;
    expect(finding.cell).toBe("C83");
    expect(screen.getByText(finding.message.zh)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "修正 C83" }));
    expect(await screen.findByText("已修正 C83")).toBeInTheDocument();
    expect(host.callsOf("applyFixes")).toEqual([{ method: "applyFixes", edits: finding.fix }]);
    expect(host.callsOf("readActiveSheet")).toHaveLength(2);
    expect(host.callsOf("highlight")).toHaveLength(2);
    await waitFor(() => expect(screen.queryByText(finding.message.zh)).not.toBeInTheDocument());
    expect(screen.getByText("警告 0")).toBeInTheDocument();
    expect(host.callsOf("highlight")[1].findings.some((f) => f.cell === "C83")).toBe(false);
  });

  it("fixes all of a rule's findings in one batch", async () => {
    const snapshot = variant({
      [valueCell("群众工作培训按时完成率")]: "≥８５％",
      [valueCell("换届选举干部培训按时完成率")]: "≥９５％",
      [valueCell("干部教育培训按时完成率")]: "≥９５％",
    });
    const expected = checkSheet(snapshot).findings.filter((f) => f.rule === "value/fullwidth");
    expect(expected).toHaveLength(3);
    const { host, user } = setup(snapshot);
    await runCheck(user);
    expect(screen.getByText("全角数字或符号：3 处可一并修正")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: /^全部修正：全角数字或符号/ }));
    expect(await screen.findByText(/^已修正 3 处：/)).toBeInTheDocument();
    const calls = host.callsOf("applyFixes");
    expect(calls).toHaveLength(1);
    expect(calls[0].edits).toEqual(expected.flatMap((f) => f.fix!));
    expect(calls[0].edits.map((e) => e.value)).toEqual(["≥85%", "≥95%", "≥95%"]);
    expect(host.callsOf("readActiveSheet")).toHaveLength(2);
    await waitFor(() => expect(screen.queryByText(/可一并修正/)).not.toBeInTheDocument());
    for (const f of expected) expect(screen.queryByTitle(`转到 ${f.cell}`)).not.toBeInTheDocument();
  });

  it("names the findings folded into one on the same cell", async () => {
    const cell = valueCell("群众工作培训按时完成率");
    const snapshot = variant({ [cell]: "≥９５" }); // full-width digits and no unit: one finding, the other folded
    const [finding] = checkSheet(snapshot).findings.filter((f) => f.cell === cell);
    expect(finding.folded).toEqual(["value/fullwidth"]);
    const { user } = setup(snapshot);
    await runCheck(user);
    const entry = screen.getByTitle(`转到 ${cell}`);
    expect(within(entry).getByText(`同一单元格还有：${ruleTitle("value/fullwidth", "zh")}`)).toBeInTheDocument();
    expect(screen.getAllByText(/^同一单元格还有：/)).toHaveLength(1);
  });

  it("a note for the whole table fixes all its cells with one click", async () => {
    const [note] = checkSheet(FAULTY).findings.filter((f) => f.rule === "value/ascii-operator");
    expect(note.fix!.map((e) => e.value)).toEqual(["≥85%", "≥95%", "≥95%"]);
    const { host, user } = setup(FAULTY);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: `修正 ${note.cell}` }));
    await waitFor(() => expect(host.callsOf("applyFixes")).toHaveLength(1));
    expect(host.callsOf("applyFixes")[0].edits).toEqual(note.fix);
  });

  it("bulk-fixes amounts typed as text, but not a guessed amount", async () => {
    const snapshot = variant({ [P.tasks[1].total]: "60", [P.tasks[2].total]: "35", [P.tasks[3].other]: "O.00" });
    const nan = checkSheet(snapshot).findings.filter((f) => f.rule === "amount/not-a-number");
    expect(nan.map((f) => f.cell).sort()).toEqual([P.tasks[1].total, P.tasks[2].total, P.tasks[3].other].sort());
    const { host, user } = setup(snapshot);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "全部修正：金额不是数字（2 处）" }));
    await screen.findByText(`已修正 2 处：${P.tasks[1].total}、${P.tasks[2].total}`);
    expect(host.callsOf("applyFixes")[0].edits).toEqual([
      { sheet: SHEET, cell: P.tasks[1].total, value: 60 },
      { sheet: SHEET, cell: P.tasks[2].total, value: 35 },
    ]);
    // The guess "O.00" → 0 stays, to be fixed on its own.
    expect(await screen.findByRole("button", { name: `修正 ${P.tasks[3].other}` })).toBeInTheDocument();
  });

  it("clears the marks and keeps the list", async () => {
    const { host, user } = setup(FAULTY);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText(/已清除表格中的标记/)).toBeInTheDocument();
    expect(host.callsOf("clearHighlights")).toEqual([{ method: "clearHighlights", sheet: SHEET }]);
    expect(screen.getByTitle(`转到 ${P.tasks[0].total}`)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "清除标记" })).toBeDisabled();
  });

  it("warns that a protected sheet cannot be marked, lists the findings, and offers no fix", async () => {
    const { host, user } = setup({ ...SAMPLE, protected: true });
    await runCheck(user);
    expect(screen.getByText("工作表受保护，无法在表格中标记；问题仍列在下方。")).toBeInTheDocument();
    expect(host.callsOf("highlight")).toHaveLength(1);
    expect(screen.getByTitle("转到 C83")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "修正 C83" })).toBeDisabled();
  });

  it("says which feature needs a newer Excel", async () => {
    const { user } = setup(SAMPLE, { features: { conditionalFormats: false, onChanged: false }, watch: false });
    expect(
      screen.getByText("您的 Excel 版本不支持在表格中标记问题，需要 ExcelApi 1.6 或更高版本；问题仍列在窗格中。")
    ).toBeInTheDocument();
    expect(screen.getByText(/您的 Excel 版本不支持自动重新检查，需要 ExcelApi 1\.7 或更高版本/)).toBeInTheDocument();
    expect(screen.queryByRole("switch")).not.toBeInTheDocument();
    await runCheck(user);
    expect(screen.getByRole("heading", { name: "找到绩效目标表" })).toBeInTheDocument();
    expect(screen.getAllByText(/需要 ExcelApi 1\.6/)).toHaveLength(1);
  });

  it("speaks English when Office's language is not Chinese", async () => {
    const finding = checkSheet(SAMPLE).findings.find((f) => f.rule === "taxonomy/unknown-level2")!;
    const { user } = setup(SAMPLE, { lang: "en" });
    expect(screen.getByRole("switch", { name: "Re-check automatically" })).toBeChecked();
    await runCheck(user, "Check");
    expect(screen.getByRole("heading", { name: "Goal table found" })).toBeInTheDocument();
    expect(screen.getByText("Department spending").closest("li")).toHaveTextContent(
      "Department spending · 2021 · 中共乌尔禾区委组织部 · range A1:F85"
    );
    expect(screen.getByText("Errors 0")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Indicator taxonomy/ })).toBeInTheDocument();
    expect(screen.getByText(finding.message.en)).toBeInTheDocument();
    expect(screen.queryByText(finding.message.zh)).not.toBeInTheDocument();
    expect(screen.getByText("Unknown 二级 indicator")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fix C83" })).toHaveTextContent("Fix");
    expect(screen.getByRole("heading", { name: "Findings" })).toBeInTheDocument();
    expect(screen.queryByText("检查结果")).not.toBeInTheDocument();
  });

  it("shows Excel's errors in a message bar and recovers on the next check", async () => {
    const { host, user } = setup(SAMPLE);
    host.failNext("readActiveSheet", officeError("The request failed.", "GeneralException"));
    await runCheck(user);
    const alert = await screen.findByText("无法读取工作表");
    expect(alert.closest(".fui-MessageBar")).toHaveTextContent("The request failed. (GeneralException)");
    expect(screen.getByRole("button", { name: "检查" })).toBeEnabled();

    await runCheck(user);
    expect(screen.queryByText("无法读取工作表")).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "找到绩效目标表" })).toBeInTheDocument();
  });

  it("tells the user to leave cell edit mode, and reports a failed select", async () => {
    const { host, user } = setup(SAMPLE);
    host.failNext("readActiveSheet", officeError("Invalid in cell edit mode", "InvalidOperationInCellEditMode"));
    await runCheck(user);
    expect(await screen.findByText("Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后重试。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByText(/正在编辑单元格/)).not.toBeInTheDocument();

    await runCheck(user);
    host.failNext("select", officeError("The sheet was deleted.", "ItemNotFound"));
    await user.click(entry("C83"));
    expect(await screen.findByText("无法选中单元格 C83")).toBeInTheDocument();
    expect(screen.getByText("The sheet was deleted. (ItemNotFound)")).toBeInTheDocument();
  });

  it("reports a failed fix without re-checking", async () => {
    const { host, user } = setup(SAMPLE);
    await runCheck(user);
    host.failNext("applyFixes", new Error("Write failed"));
    await user.click(screen.getByRole("button", { name: "修正 C83" }));
    expect(await screen.findByText("无法修正")).toBeInTheDocument();
    expect(host.callsOf("readActiveSheet")).toHaveLength(1);
    expect(screen.queryByText(/已修正/)).not.toBeInTheDocument();
  });

  it("still lists the findings when marking fails", async () => {
    const { host, user } = setup(SAMPLE);
    host.failNext("highlight", new Error("Too many formats"));
    await runCheck(user);
    expect(screen.getByText("无法在表格中标记问题")).toBeInTheDocument();
    expect(screen.getByTitle("转到 C83")).toBeInTheDocument();
  });

  it("asks to be opened in Excel when there is no host", () => {
    render(<App host={undefined} lang="zh" dark={false} />);
    expect(screen.getByText("此窗格需要在 Excel 中打开。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查" })).toBeDisabled();
  });

  it("says so when the Excel host could not be started", () => {
    render(<App host={undefined} lang="zh" dark={false} startError={new Error("Excel.run is not available")} />);
    expect(screen.getByText("无法连接 Excel")).toBeInTheDocument();
    expect(screen.getByText("Excel.run is not available")).toBeInTheDocument();
    expect(screen.queryByText("此窗格需要在 Excel 中打开。")).not.toBeInTheDocument();
  });

  it("shows a crash as a message with a reload button, not a blank pane", async () => {
    const user = userEvent.setup();
    let fail = true;
    function Flaky(): React.JSX.Element {
      if (fail) throw new Error("boom");
      return <p>pane is back</p>;
    }
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <ErrorBoundary lang="zh">
        <Flaky />
      </ErrorBoundary>
    );
    expect(screen.getByText("窗格出错")).toBeInTheDocument();
    expect(screen.getByText("boom")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "重新加载" }));
    expect(screen.getByText("pane is back")).toBeInTheDocument();
    spy.mockRestore();
  });
});

describe("live re-check", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setupLive(snapshot: SheetSnapshot) {
    const host = createFakeHost(snapshot);
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const view = render(<App host={host} lang="zh" dark={false} />);
    return { host, user, view };
  }

  async function checkOnce(user: ReturnType<typeof userEvent.setup>, host: FakeHost) {
    await user.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByRole("heading", { name: "找到绩效目标表" });
    await waitFor(() => expect(host.listenerCount()).toBe(1));
  }

  const flush = () => act(async () => undefined);

  it("re-checks 500 ms after the last change, without pressing the button", async () => {
    const { host, user } = setupLive(SAMPLE);
    expect(screen.getByRole("switch", { name: "自动重新检查" })).toBeChecked();
    await checkOnce(user, host);
    expect(host.callsOf("onSheetChanged")).toEqual([{ method: "onSheetChanged", sheet: SHEET }]);
    const reads = host.callsOf("readActiveSheet").length;

    const cell = valueCell("群众工作培训按时完成率");
    act(() => host.edit({ [cell]: ">=85%" }));
    act(() => jest.advanceTimersByTime(300));
    act(() => host.fireChange()); // another keystroke restarts the wait
    act(() => jest.advanceTimersByTime(499));
    expect(host.callsOf("readActiveSheet")).toHaveLength(reads);
    await act(async () => jest.advanceTimersByTime(1));
    await flush();
    expect(host.callsOf("readActiveSheet")).toHaveLength(reads + 1);
    expect(await screen.findByTitle(`转到 ${cell}`)).toBeInTheDocument();
    expect(host.callsOf("highlight")).toHaveLength(2);
  });

  it("does not loop on its own writes: changes during a fix are ignored, an unchanged sheet is not re-marked", async () => {
    const { host, user } = setupLive(SAMPLE);
    await checkOnce(user, host);
    // Excel reports the fix's own write while the fix and its re-check run.
    const apply = host.applyFixes.bind(host);
    host.applyFixes = async (edits) => {
      await apply(edits);
      host.fireChange();
    };
    await user.click(screen.getByRole("button", { name: "修正 C83" }));
    await screen.findByText("已修正 C83");
    expect(host.callsOf("readActiveSheet")).toHaveLength(2);
    await act(async () => jest.advanceTimersByTime(2000));
    expect(host.callsOf("readActiveSheet")).toHaveLength(2);

    // A late event with nothing changed: one read, no new marks.
    act(() => host.fireChange());
    await act(async () => jest.advanceTimersByTime(500));
    await flush();
    expect(host.callsOf("readActiveSheet")).toHaveLength(3);
    expect(host.callsOf("highlight")).toHaveLength(2);
    await act(async () => jest.advanceTimersByTime(5000));
    expect(host.callsOf("readActiveSheet")).toHaveLength(3);
  });

  it("stops watching when switched off and when the pane closes", async () => {
    const { host, user, view } = setupLive(SAMPLE);
    await checkOnce(user, host);
    await user.click(screen.getByRole("switch", { name: "自动重新检查" }));
    await waitFor(() => expect(host.listenerCount()).toBe(0));
    expect(host.callsOf("unsubscribe")).toHaveLength(1);
    const reads = host.callsOf("readActiveSheet").length;
    act(() => host.edit({ [valueCell("群众工作培训按时完成率")]: ">=85%" }));
    await act(async () => jest.advanceTimersByTime(1000));
    expect(host.callsOf("readActiveSheet")).toHaveLength(reads);

    await user.click(screen.getByRole("switch", { name: "自动重新检查" }));
    await waitFor(() => expect(host.listenerCount()).toBe(1));
    view.unmount();
    await flush();
    expect(host.listenerCount()).toBe(0);
  });
});
