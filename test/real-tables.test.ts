/**
 * The real published tables of ../shared/domain/real-tables/, laid out as published (test/real-tables/*.ts), against
 * what a finance-bureau reviewer expects (the README there): (a) the reader finds every field at its cell, or says
 * "not a goal table" with the reason; (b) every fault a reviewer raises is flagged at error or warning level at one
 * of its cells; (c) no error or warning on a cell a reviewer leaves alone (information at most once per rule).
 *
 * Cases that fail today because the reader or the rules are not fixed yet are `test.failing`, each with what is
 * missing; when a fix makes one pass, jest reports it as failing, and whoever fixed it turns it into a plain `test`
 * (delete its line in FAILING). `npm run eval:real` prints precision and recall over the same tables.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { NINGXIA_XIAMAGUAN_2023_VALUES, REAL_TABLES } from "./real-tables";
import { scoreFindings, scoreTable, type TableScore } from "./real-tables/evaluate";
import { NINGXIA_XIAMAGUAN_2023_FILE } from "./real-tables/ningxia-xiamaguan-2023-values";
import type { RealTable } from "./real-tables/types";
import { cellAddress, parseCell } from "../src/core/address";
import type { Finding, Severity } from "../src/core/finding";
import { emptySnapshot } from "../src/core/snapshot";

type Part = "read" | "flag" | "leave";

/** What is missing today, per table and part; absent = passes today. */
const FAILING: Record<string, Partial<Record<Part, string>>> = {};

const scores = new Map<string, TableScore>();
const score = (t: RealTable) => {
  let s = scores.get(t.id);
  if (!s) scores.set(t.id, (s = scoreTable(t)));
  return s;
};

describe.each(REAL_TABLES.map((t) => [t.id, t] as const))("%s", (id, table) => {
  const reason = FAILING[id] ?? {};
  const it = (part: Part) => (reason[part] ? test.failing : test);

  it("read")(`reads as published${reason.read ? ` (failing: ${reason.read})` : ""}`, () => {
    expect(score(table).readProblems).toEqual([]);
  });

  it("flag")(`flags every fault a reviewer raises${reason.flag ? ` (failing: ${reason.flag})` : ""}`, () => {
    const missed = score(table).missed.map((f) => `${f.cells.join(",") || "(sheet)"}: ${f.what}`);
    expect(missed).toEqual([]);
  });

  it("leave")(`leaves alone what a reviewer accepts${reason.leave ? ` (failing: ${reason.leave})` : ""}`, () => {
    expect(score(table).leaveViolations).toEqual([]);
  });
});

test("FAILING names only laid-out tables", () => {
  const ids = new Set(REAL_TABLES.map((t) => t.id));
  expect(Object.keys(FAILING).filter((id) => !ids.has(id))).toEqual([]);
});

/** The shared texts, when this checkout sits beside them (the worktrees and /work/main do). */
const SHARED = join(__dirname, "..", "..", "shared", "domain", "real-tables");
const describeShared = existsSync(SHARED) ? describe : describe.skip;

describeShared("the layouts keep the published text", () => {
  const strip = (s: string) => s.replace(/[\s|]/g, "");
  const digits = (s: string) => s.replace(/[\s|,.]/g, "");

  test("every shared grid table is laid out once, with its source address; the prose one gives value cases", () => {
    const files = readdirSync(SHARED)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    const laid = REAL_TABLES.map((t) => t.file);
    expect([...laid, NINGXIA_XIAMAGUAN_2023_FILE].sort()).toEqual(files);
    for (const t of REAL_TABLES)
      expect(readFileSync(join(SHARED, t.file), "utf8").split("\n")[0]).toBe(`Source: ${t.source}`);
  });

  test.each(REAL_TABLES.map((t) => [t.id, t] as const))("%s: cell contents appear in the shared text", (_, t) => {
    const body = readFileSync(join(SHARED, t.file), "utf8").split("\n").slice(2).join("\n");
    const text = strip(body);
    const nums = digits(body);
    const origin = parseCell(t.sheet.origin);
    const absent: string[] = [];
    t.sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = cellAddress(origin.row + r, origin.col + c);
        if (t.edited?.[cell]) return;
        if (typeof v === "string" && !text.includes(strip(v))) absent.push(`${cell} “${v}”`);
        if (typeof v === "number") {
          const shown = t.sheet.numberFormats[r][c].includes("%") ? v * 100 : v;
          if (!nums.includes(digits(String(shown)))) absent.push(`${cell} ${v}`);
        }
      })
    );
    expect(absent).toEqual([]);
  });

  test("the prose table's value cases are printed in it as given", () => {
    const text = readFileSync(join(SHARED, NINGXIA_XIAMAGUAN_2023_FILE), "utf8");
    for (const c of NINGXIA_XIAMAGUAN_2023_VALUES) {
      expect(text).toContain(c.value);
      expect(text).toContain(c.name.split(",").pop()!);
    }
    expect(NINGXIA_XIAMAGUAN_2023_VALUES.filter((c) => c.expectation === "flag").map((c) => c.value)).toEqual([
      ">=85",
      "≤28.40/株",
    ]);
  });
});

describe("the scoring (test/real-tables/evaluate.ts)", () => {
  const finding = (severity: Severity, cell: string, zh = "…", related: string[] = [], rule = "r/x"): Finding => ({
    rule,
    severity,
    sheet: "S",
    cell,
    related,
    message: { zh, en: "" },
  });
  const table: RealTable = {
    id: "synthetic",
    file: "synthetic.txt",
    source: "-",
    sheet: emptySnapshot("S"),
    read: { tables: [] },
    flag: [
      { cells: ["B2", "C2"], what: "a fault" },
      { cells: ["B5"], what: "an advisory fault", advisory: true },
      { cells: ["B6"], what: "a fault no one finds" },
    ],
    leave: [{ cells: ["B3", "B4"], what: "accepted" }],
    leaveWords: ["年度主要任务"],
    cutWords: ["“效益指标”"],
  };

  test("hits by cell or related cell, never through a leave cell; cut, leave words and repeated info", () => {
    const all = [
      finding("error", "C2"),
      finding("warning", "D9", "…", ["B2"]),
      finding("warning", "B3", "…", ["B2"]),
      finding("info", "B5"),
      finding("error", "A1", "绩效指标中没有“效益指标”"),
      finding("error", "A1", "一级指标应为产出指标、效益指标、满意度指标之一"),
      finding("error", "A1", "没有找到“年度主要任务”"),
      finding("info", "B4", "…", [], "r/note"),
      finding("info", "B3", "…", [], "r/note"),
    ];
    const s = scoreFindings(table, { sheet: "S", tables: [], findings: all }, all);
    expect(s.findings.map((j) => j.verdict)).toEqual([
      "hit",
      "hit",
      "false-positive",
      "info",
      "cut",
      "false-positive",
      "false-positive",
      "info",
      "info",
    ]);
    expect([s.truePositives, s.falsePositives, s.falseOnLeave, s.cut, s.duplicates]).toEqual([2, 3, 1, 1, 1]);
    expect(s.flagsFound).toEqual([true, true, false]);
    expect(s.missed.map((f) => f.what)).toEqual(["a fault no one finds"]);
    expect(s.leaveViolations).toHaveLength(3);
    expect(s.bySeverity).toEqual({ error: 4, warning: 2, info: 3 });
  });

  test("an advisory flag at info level counts for recall; a plain flag needs error or warning", () => {
    const all = [finding("info", "B2"), finding("info", "B5")];
    const s = scoreFindings(table, { sheet: "S", tables: [], findings: all }, all);
    expect(s.flagsFound).toEqual([false, true, false]);
    expect(s.truePositives + s.falsePositives).toBe(0);
  });

  test("on a sheet that is not a goal table, the workbook's 'no goal table' is the expected answer", () => {
    const selfEval: RealTable = {
      ...table,
      read: { notATable: { because: "self-evaluation", reasonMustContain: "自评" } },
      flag: [{ cells: [], what: "not a goal table", notATable: "自评" }],
    };
    const workbookFinding = finding("error", "A1", "工作簿中找不到绩效目标表");
    const check = { sheet: "S", tables: [], findings: [], notATable: { reason: { zh: "是自评表", en: "" } } };
    const s = scoreFindings(selfEval, check, [workbookFinding]);
    expect(s.findings[0].verdict).toBe("neutral");
    expect(s.flagsFound).toEqual([true]);
    expect(s.readProblems).toEqual([]);
    const wrong = scoreFindings(selfEval, { ...check, notATable: { reason: { zh: "工作表是空的", en: "" } } }, []);
    expect(wrong.flagsFound).toEqual([false]);
    expect(wrong.readProblems).toHaveLength(1);
  });
});
