/** The structure rules: each with valid and invalid cases built from good tables by small edits. */
import { buildTable } from "../builder/layout";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "../fixtures/small";
import { tableSheet, withCells, withoutRows } from "../support/edit";
import { testRule } from "../support/rule-tester";
import { missingTitle } from "../../src/core/rules/structure/missing-title";
import { missingYear } from "../../src/core/rules/structure/missing-year";
import { missingName } from "../../src/core/rules/structure/missing-name";
import { missingTasks } from "../../src/core/rules/structure/missing-tasks";
import { missingTotalRow } from "../../src/core/rules/structure/missing-total-row";
import { missingFunding } from "../../src/core/rules/structure/missing-funding";
import { missingGoal } from "../../src/core/rules/structure/missing-goal";
import { missingIndicators } from "../../src/core/rules/structure/missing-indicators";
import { toBeFilled } from "../../src/core/rules/structure/to-be-filled";

// Department, default layout: A1 title, A2 year, A3/C3 name, B4 task header (D5:F5 amounts), B6 合计,
// tasks 7–9, A10/C10 goal, B11 indicator header, indicators 12–21.
const dept = tableSheet(buildTable(SMALL_DEPARTMENT).workbook);
const deptBelow = tableSheet(buildTable(SMALL_DEPARTMENT, { totalPosition: "below", labelColumn: false }).workbook);
// Project, default layout: A1 title, A2 year, A3/B3 name, funding label A7 with total D7, goals B10/D10 → B11/D11,
// indicator header B12.
const proj = tableSheet(buildTable(SMALL_PROJECT).workbook);
const projH = tableSheet(buildTable(SMALL_PROJECT, { fundingLayout: "horizontal" }).workbook);

testRule(missingTitle, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
  ],
  invalid: [{ name: "title cell emptied", sheet: withCells(dept, { A1: null }), cells: ["A1"] }],
});

testRule(missingYear, {
  valid: [
    { name: "year line", sheet: dept },
    { name: "year in the title", sheet: tableSheet(buildTable(SMALL_PROJECT, { yearInTitle: true }).workbook) },
  ],
  invalid: [
    { name: "year line emptied", sheet: withCells(dept, { A2: null }), cells: ["A1"] },
    { name: "year line without digits", sheet: withCells(proj, { A2: "（    年）" }), cells: ["A1"] },
  ],
});

testRule(missingName, {
  valid: [
    { name: "department", sheet: dept },
    { name: "name in the label cell", sheet: withCells(dept, { A3: "部门（单位）名称：某某区教育局", C3: null }) },
    { name: "project", sheet: proj },
  ],
  invalid: [
    { name: "department name emptied", sheet: withCells(dept, { C3: null }), cells: ["C3"] },
    { name: "department name row gone", sheet: withoutRows(dept, [3]), cells: ["A1"] },
    { name: "project name blank", sheet: withCells(proj, { B3: "   " }), cells: ["B3"] },
  ],
});

testRule(missingTasks, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project tables have none", sheet: proj },
  ],
  invalid: [
    { name: "其他资金 header gone", sheet: withCells(dept, { F5: null }), cells: ["B4"] },
    { name: "every task removed", sheet: withoutRows(dept, [7, 8, 9]), cells: ["B4"] },
    { name: "task header gone", sheet: withCells(dept, { B4: null }), cells: ["A4"] },
  ],
});

testRule(missingTotalRow, {
  valid: [
    { name: "合计 above", sheet: dept },
    { name: "合计 below", sheet: deptBelow },
  ],
  invalid: [{ name: "合计 row removed", sheet: withoutRows(dept, [6]), cells: ["B4"] }],
});

testRule(missingFunding, {
  valid: [
    { name: "vertical", sheet: proj },
    { name: "horizontal", sheet: projH },
    { name: "department tables have none", sheet: dept },
  ],
  invalid: [
    { name: "年度资金总额 emptied", sheet: withCells(proj, { D7: null }), cells: ["D7"] },
    { name: "年度资金总额 label gone", sheet: withCells(proj, { B7: null }), cells: ["A7"] },
  ],
});

testRule(missingGoal, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project with 中期目标", sheet: proj },
  ],
  invalid: [
    { name: "department goal emptied", sheet: withCells(dept, { C10: null }), cells: ["C10"] },
    { name: "project annual goal emptied", sheet: withCells(proj, { D11: null }), cells: ["D11"] },
    { name: "goal row removed", sheet: withoutRows(dept, [10]), cells: ["A1"] },
  ],
});

testRule(missingIndicators, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    {
      name: "values without names are value/unnamed-row's (宁乡坝塘 2021)",
      sheet: withCells(dept, Object.fromEntries([12, 13, 14, 15, 16, 17, 19, 20, 21].map((r) => [`D${r}`, null]))),
    },
  ],
  invalid: [
    { name: "指标值 header gone", sheet: withCells(dept, { F11: null }), cells: ["B11"] },
    {
      name: "no 三级 filled in",
      sheet: withCells(
        dept,
        Object.fromEntries(
          [12, 13, 14, 15, 16, 17, 19, 20, 21].flatMap((r) => [
            [`D${r}`, null],
            [`F${r}`, null],
          ])
        )
      ),
      cells: ["B11"],
    },
    { name: "header gone", sheet: withCells(dept, { B11: null, C11: null, D11: null }), cells: ["A1"] },
  ],
});

const noAmounts = withCells(
  dept,
  Object.fromEntries([7, 8, 9].flatMap((r) => ["D", "E", "F"].map((c) => [`${c}${r}`, null])))
);
const noValues = withCells(dept, Object.fromEntries([12, 13, 14, 15, 16, 17, 19, 20, 21].map((r) => [`F${r}`, null])));

testRule(toBeFilled, {
  valid: [
    { name: "department", sheet: dept },
    { name: "project", sheet: proj },
    { name: "one amount typed: the rest are checked cell by cell", sheet: withCells(noAmounts, { E7: 100 }) },
    { name: "one value typed", sheet: withCells(noValues, { F12: "≥5次" }) },
  ],
  invalid: [
    { name: "no amount typed yet", sheet: noAmounts, cells: ["E7"] },
    { name: "no value typed yet", sheet: noValues, cells: ["F12"] },
    { name: "project funding not typed yet", sheet: withCells(proj, { D7: null, D8: null, D9: null }), cells: ["D8"] },
  ],
});
