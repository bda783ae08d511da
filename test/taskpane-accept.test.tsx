/** @jest-environment jsdom */
/**
 * 接受 and 撤销 in the task pane, driven as a user would (Testing Library) against the fake Excel through the real
 * Office.js host: accept with a reason → the mark is gone and the finding is under 已接受; save and reopen → still
 * accepted; edit the cell → the finding returns; a blocking error offers no 接受. 全部修正 then 撤销 restores every
 * cell exactly; a cell edited in between is left and reported; the history survives a re-check.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { ACCEPTANCES_NS, acceptancesFromXml } from "../src/core/acceptance";
import type { CellValue, SheetSnapshot } from "../src/core/snapshot";
import { createExcelHost } from "../src/excel/office-host";
import App from "../src/taskpane/App";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { tableSheet, withCells } from "./support/edit";
import { FakeExcel, type FakeCell } from "./support/fake-excel";

const BUILT = buildTable(SAMPLE_2021);
const SAMPLE: SheetSnapshot = tableSheet(BUILT.workbook);
const P = BUILT.placed;
const SHEET = P.sheet;

function valueCell(name: string): string {
  const i = SAMPLE_2021.indicators.findIndex((x) => x.name === name);
  return P.indicators[i].value!;
}

function excelWith(cells: Record<string, CellValue> = {}): FakeExcel {
  return FakeExcel.fromSnapshots([withCells(SAMPLE, cells)]);
}

function setup(excel: FakeExcel) {
  const host = createExcelHost({
    run: (batch) => excel.run((c) => batch(c as unknown as Excel.RequestContext)),
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    ownWriteWindowMs: 0,
  });
  const user = userEvent.setup();
  const view = render(<App host={host} lang="zh" dark={false} debounceMs={10} />);
  return { user, view };
}

async function runCheck(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "检查" }));
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
}

/** The cells the add-in's marks cover on the sheet. */
const marked = (excel: FakeExcel) =>
  excel.conditionalFormats(SHEET).flatMap((cf) => (cf.formula?.includes("goaltable") ? cf.ranges : []));

const idle = () => waitFor(() => expect(screen.queryByRole("progressbar")).not.toBeInTheDocument());

describe("接受 in the pane", () => {
  it("accepts with a reason: unmarked, listed under 已接受 with the reason, kept after save and reopen", async () => {
    const excel = excelWith();
    const first = setup(excel);
    await runCheck(first.user);
    expect(marked(excel)).toEqual(["C83:C85", "C77"]);

    await first.user.click(screen.getByRole("button", { name: "接受 C77 的结果" }));
    await first.user.type(screen.getByRole("textbox", { name: "接受理由（可选）" }), "生态效益本年度不适用");
    await first.user.click(screen.getByRole("button", { name: "确认接受" }));
    expect(await screen.findByText(/已接受 C77 的结果/)).toBeInTheDocument();
    await idle();
    expect(marked(excel)).toEqual(["C83:C85"]);
    expect(screen.queryByTitle("转到 C77")).not.toBeInTheDocument();
    expect(screen.getByText("提示 0")).toBeInTheDocument();

    // The 已接受 group starts collapsed; opened, it shows the reason and 恢复.
    const header = screen.getByRole("button", { name: "已接受 (1)" });
    expect(header).toHaveAttribute("aria-expanded", "false");
    await first.user.click(header);
    const group = screen.getByRole("region", { name: "已接受 (1)" });
    expect(within(group).getByText("理由：生态效益本年度不适用", { exact: false })).toBeInTheDocument();

    // Stored in the workbook: one custom XML part.
    const parts = excel.customXmlParts();
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain(ACCEPTANCES_NS);
    expect(acceptancesFromXml(parts[0])).toMatchObject([{ rule: "taxonomy/empty-level2", cell: "C77" }]);

    // Save, close, reopen: a new pane on the reopened workbook finds the finding accepted and leaves it unmarked.
    first.view.unmount();
    const reopened = excel.reopen();
    const second = setup(reopened);
    await runCheck(second.user);
    expect(screen.getByRole("button", { name: "已接受 (1)" })).toBeInTheDocument();
    expect(screen.queryByTitle("转到 C77")).not.toBeInTheDocument();
    expect(marked(reopened)).toEqual(["C83:C85"]);
  });

  it("lets the finding come back when the accepted cell is edited", async () => {
    const excel = excelWith();
    const { user } = setup(excel);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "接受 C77 的结果" }));
    await user.click(screen.getByRole("button", { name: "确认接受" }));
    await screen.findByRole("button", { name: "已接受 (1)" });
    await idle();
    expect(marked(excel)).toEqual(["C83:C85"]);

    // Still an empty 二级, but the cell's content changed: the acceptance lapses.
    excel.userEdit(SHEET, "C77", "生态效益");
    await waitFor(() => expect(screen.getByTitle("转到 C77")).toBeInTheDocument());
    await idle();
    expect(screen.queryByRole("button", { name: /^已接受/ })).not.toBeInTheDocument();
    expect(marked(excel)).toContain("C77");
  });

  it("restores an accepted finding (恢复): listed and marked again", async () => {
    const excel = excelWith();
    const { user } = setup(excel);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "接受 C77 的结果" }));
    await user.click(screen.getByRole("button", { name: "确认接受" }));
    await user.click(await screen.findByRole("button", { name: "已接受 (1)" }));
    await user.click(screen.getByRole("button", { name: "恢复 C77 的结果" }));
    expect(await screen.findByText("已恢复 C77 的结果。")).toBeInTheDocument();
    await idle();
    expect(screen.getByTitle("转到 C77")).toBeInTheDocument();
    expect(marked(excel)).toEqual(["C83:C85", "C77"]);
    expect(acceptancesFromXml(excel.customXmlParts()[0] ?? "")).toEqual([]);
  });

  it("offers no 接受 on a blocking error and says why", async () => {
    const excel = excelWith({ [P.tasks[0].total]: 356.98 }); // the task's 总额 a cent off: the platform recomputes it
    const { user } = setup(excel);
    await runCheck(user);
    const entry = screen.getByTitle(`转到 ${P.tasks[0].total}`).closest("li")!;
    expect(within(entry).getByText("预算管理一体化系统会拦截此错误，不能接受，须修改。")).toBeInTheDocument();
    expect(within(entry).queryByRole("button", { name: /^接受/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "接受 C77 的结果" })).toBeInTheDocument();
  });
});

describe("撤销 in the pane", () => {
  const content = (c: FakeCell | undefined) => ({
    value: c?.value ?? null,
    formula: c?.formula ?? null,
    numberFormat: c?.numberFormat ?? "General",
  });

  /** Three '>=' operators (全部修正 offers them together), one in a cell formatted as text. */
  const CELLS = [
    valueCell("群众工作培训按时完成率"),
    valueCell("换届选举干部培训按时完成率"),
    valueCell("干部教育培训按时完成率"),
  ];
  function faulty(): FakeExcel {
    const excel = excelWith({ [CELLS[0]]: ">=85%", [CELLS[1]]: ">=95%", [CELLS[2]]: ">=95%" });
    excel.sheet(SHEET).cells[CELLS[1]].numberFormat = "@";
    return excel;
  }

  it("restores every cell of a 全部修正 exactly, and keeps 撤销 across a re-check", async () => {
    const excel = faulty();
    const before = CELLS.map((c) => content(excel.cell(SHEET, c)));
    const { user } = setup(excel);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: /^全部修正：计算符号可规范为/ }));
    expect(await screen.findByText(/^已修正 3 处：/)).toBeInTheDocument();
    await idle();
    expect(CELLS.map((c) => excel.cell(SHEET, c)?.value)).toEqual(["≥85%", "≥95%", "≥95%"]);

    await runCheck(user); // a re-check: the notice goes, the history stays
    expect(screen.queryByText(/^已修正 3 处：/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: `撤销对 ${CELLS.join("、")} 的修正` }));
    expect(await screen.findByText(`已撤销修正，恢复了 ${CELLS.join("、")}。`)).toBeInTheDocument();
    await idle();
    expect(CELLS.map((c) => content(excel.cell(SHEET, c)))).toEqual(before);
    expect(screen.queryByRole("button", { name: /^撤销对/ })).not.toBeInTheDocument();
    expect(screen.getByText(/计算符号可规范为.*3 处可一并修正/)).toBeInTheDocument(); // the findings are back
  });

  it("leaves a cell edited after the fix, says so, and restores the others", async () => {
    const excel = faulty();
    const before = CELLS.map((c) => content(excel.cell(SHEET, c)));
    const { user } = setup(excel);
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: /^全部修正：计算符号可规范为/ }));
    await screen.findByText(/^已修正 3 处：/);
    await idle();
    excel.userEdit(SHEET, CELLS[2], "≥90%");
    await idle();
    await user.click(screen.getByRole("button", { name: "撤销" })); // the notice's own 撤销, right after the fix
    expect(
      await screen.findByText(
        `已撤销修正，恢复了 ${CELLS[0]}、${CELLS[1]}。${CELLS[2]} 在修正后又被修改过，保留现状，未恢复。`
      )
    ).toBeInTheDocument();
    expect(CELLS.slice(0, 2).map((c) => content(excel.cell(SHEET, c)))).toEqual(before.slice(0, 2));
    expect(excel.cell(SHEET, CELLS[2])?.value).toBe("≥90%");
  });
});
