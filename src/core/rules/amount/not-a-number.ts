import { amountCells, amountNumber, isNumeric, parseAmount, tableDecimals, type AmountCell } from "../../amount";
import type { FixEdit, Message } from "../../finding";
import type { GoalTable } from "../../model";
import type { Report, Rule } from "../rule";
import { unfilledAmounts } from "../../fill-state";
import { readableTextAmount } from "./unit-in-cell";
import { COLUMN_EN, COLUMN_NAME, expectedSum, totalFix, totalTargets } from "./common";

/** "合计“总额”D6", "财政拨款 E7", "年度资金总额 D7": how a message names an amount cell. */
function cellName(a: AmountCell): Message {
  const addr = a.cell.address;
  if (a.role === "total-row")
    return {
      zh: `合计“${COLUMN_NAME[a.column]}”${addr}`,
      en: `the 合计 ${COLUMN_EN[a.column]} (${COLUMN_NAME[a.column]}) ${addr}`,
    };
  if (a.role === "funding") {
    const zh = a.column === "total" ? "年度资金总额" : COLUMN_NAME[a.column];
    const en = a.column === "total" ? "annual total" : COLUMN_EN[a.column];
    return { zh: `${zh} ${addr}`, en: `the ${en} (${zh}) ${addr}` };
  }
  return {
    zh: `${COLUMN_NAME[a.column]} ${addr}`,
    en: `the ${COLUMN_EN[a.column]} (${COLUMN_NAME[a.column]}) ${addr}`,
  };
}

/** A broken total (an error value) gets its formula back when its inputs are all numbers. */
function errorFix(table: GoalTable, a: AmountCell): FixEdit[] | undefined {
  const target = totalTargets(table).find((t) => t.cell.address === a.cell.address);
  if (!target) return undefined;
  const parts = target.inputs.map(parseAmount);
  const expected = expectedSum(parts, target.kind === "project-total");
  if (!expected) return undefined;
  const fix = totalFix(table, target, expected, parts);
  return fix;
}

export const notANumber: Rule = {
  id: "amount/not-a-number",
  severity: "error",
  blocking: true, // the platform's amount fields take numbers only
  category: "amount",
  title: { zh: "金额不是数字", en: "Amount is not a number" },
  docs: {
    description: {
      zh: "金额单元格（任务的总额、财政拨款、其他资金，合计，项目的资金情况）须是数字：以文本形式录入的数字（求和时会被忽略）、带单位的“854万”、把字母 O 当作 0 的“O.00”、逻辑值或 #REF! 之类的错误值都不行。已填任务名称的行，金额不能空着，没有的填 0。",
      en: "Amount cells (task 总额/财政拨款/其他资金, the 合计 row, a project's funding) must hold numbers: not numbers typed as text (SUM ignores them), not amounts with a unit such as 854万, not O.00 with a letter O, not a boolean, not an error value such as #REF!. On a task row that has a name, no amount may be left blank: write 0.",
    },
    bad: "'356.99 (text) | 854万 | O.00 | #REF!",
    good: "356.99 | 854.00 | 0.00",
  },
  check(table, report) {
    const decimals = tableDecimals(table);
    const cells = amountCells(table);
    const unfilled = unfilledAmounts(table) !== undefined;
    const fixOf = (cell: string, value: number): FixEdit[] => [{ sheet: table.sheet, cell, value }];
    for (const a of cells) {
      const p = parseAmount(a.cell);
      const name = cellName(a);
      const addr = a.cell.address;
      const out = (message: Message, fix?: FixEdit[]) => {
        const r: Report = { cell: addr, message };
        if (fix) r.fix = fix;
        report(r);
      };
      switch (p.kind) {
        case "number":
          break;
        case "text-number":
          out(
            {
              zh: `${name.zh} 是以文本形式录入的“${p.text}”，不是数字：求和时会被忽略，应改为数字 ${p.value.toFixed(p.decimals)}。`,
              en: `${cap(name.en)} holds the text "${p.text}", not a number: sums ignore it. Enter it as the number ${p.value.toFixed(p.decimals)}.`,
            },
            fixOf(addr, amountNumber(p.value))
          );
          break;
        case "text":
          if (p.suggested) {
            out(
              {
                zh: `${name.zh} 是文本“${p.text}”，其中有形似数字的字母（如 O、l），应为数字 ${p.suggested.toFixed(Math.max(p.suggested.decimalPlaces(), decimals))}。`,
                en: `${cap(name.en)} holds the text "${p.text}", with letters that look like digits (O, l); it should be the number ${p.suggested.toFixed(Math.max(p.suggested.decimalPlaces(), decimals))}.`,
              },
              fixOf(addr, amountNumber(p.suggested))
            );
          } else if (readableTextAmount(p, table.unit)) {
            // The table's own unit in the cell ("10000万元"), or the label and amount in one cell
            // ("财政拨款:6923.3552万元"): readable; amount/unit-in-cell notes it once.
          } else if (p.number && p.unit) {
            out({
              zh: `${name.zh} 是文本“${p.text}”：金额中带有单位或符号“${p.unit}”。应只填数字，单位为表头所示的${table.unit}；请按${table.unit}换算后填写。`,
              en: `${cap(name.en)} holds the text "${p.text}": the amount carries a unit or sign ("${p.unit}"). Enter a bare number in the table's unit (${table.unit}), converted as needed.`,
            });
          } else {
            out({
              zh: `${name.zh} 是文本“${p.text}”，不是金额数字。`,
              en: `${cap(name.en)} holds the text "${p.text}", not an amount.`,
            });
          }
          break;
        case "boolean":
          out({
            zh: `${name.zh} 是逻辑值 ${p.value ? "TRUE" : "FALSE"}，不是金额数字。`,
            en: `${cap(name.en)} holds the boolean ${p.value ? "TRUE" : "FALSE"}, not an amount.`,
          });
          break;
        case "error": {
          const f = a.cell.formula;
          let zh: string;
          let en: string;
          if (f && /#REF!/i.test(f)) {
            zh = `${name.zh} 显示错误值 ${p.code}：公式 ${f} 引用的单元格已被删除，引用失效。`;
            en = `${cap(name.en)} shows the error ${p.code}: its formula ${f} refers to cells that were deleted.`;
          } else if (f) {
            zh = `${name.zh} 显示错误值 ${p.code}：公式 ${f} 算不出结果（所引用的单元格中可能有错误值或文本）。`;
            en = `${cap(name.en)} shows the error ${p.code}: its formula ${f} cannot be computed (a cell it refers to may hold an error or text).`;
          } else {
            zh = `${name.zh} 显示错误值 ${p.code}，不是金额数字。`;
            en = `${cap(name.en)} shows the error ${p.code}, not an amount.`;
          }
          out({ zh, en }, errorFix(table, a));
          break;
        }
        case "empty": {
          if (a.role !== "task" || !a.row?.name || a.row.name.text === "") break;
          // No amount typed in yet anywhere (a new year's table): structure/to-be-filled says so once.
          if (unfilled) break;
          // 0 is certain only for 其他资金 when 总额 already equals 财政拨款.
          let fix: FixEdit[] | undefined;
          if (a.column === "other") {
            const row = cells.filter((c) => c.role === "task" && c.row?.row === a.row!.row);
            const total = parseAmount(row.find((c) => c.column === "total")?.cell);
            const fiscal = parseAmount(row.find((c) => c.column === "fiscal")?.cell);
            if (isNumeric(total) && isNumeric(fiscal) && total.value.eq(fiscal.value)) fix = fixOf(addr, 0);
          }
          out(
            {
              zh: `${name.zh} 为空：已填任务名称的行须填写金额，没有的填 0。`,
              en: `${cap(name.en)} is empty: a task row with a name needs every amount (write 0 where there is none).`,
            },
            fix
          );
          break;
        }
      }
    }
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
