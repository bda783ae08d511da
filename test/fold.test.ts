/** foldFindings: one fault, one finding — supersession by the cells involved, then one finding per cell. */
import { foldFindings } from "../src/core/check";
import type { Finding, Severity } from "../src/core/finding";
import type { Rule } from "../src/core/rules/rule";

const rule = (id: string, supersedes?: string[]): Rule => ({
  id,
  severity: "error",
  category: "value",
  title: { zh: id, en: id },
  docs: { description: { zh: id, en: id } },
  ...(supersedes ? { supersedes } : {}),
  check: () => undefined,
});
const RULES = [
  rule("x/template", ["x/empty", "x/duplicate"]),
  rule("x/specific"),
  rule("x/general"),
  rule("x/empty"),
  rule("x/duplicate"),
];
const f = (r: string, cell: string, severity: Severity = "error", related: string[] = []): Finding => ({
  rule: r,
  severity,
  sheet: "S",
  cell,
  related,
  message: { zh: r, en: r },
});

test("a superseding finding hides the findings on the cells it involves, and names them", () => {
  const out = foldFindings(
    [
      f("x/template", "D13", "warning", ["F13", "D17"]),
      f("x/empty", "F13"),
      f("x/duplicate", "D17", "error", ["D13"]),
      f("x/empty", "F20"),
    ],
    RULES
  );
  expect(out.map((x) => `${x.rule} ${x.cell}`)).toEqual(["x/template D13", "x/empty F20"]);
  expect([...out[0].folded!].sort()).toEqual(["x/duplicate", "x/empty"]);
});

test("one cell keeps one finding: the most severe, then the rule listed first", () => {
  const out = foldFindings(
    [f("x/general", "F14", "warning"), f("x/general", "F15"), f("x/specific", "F15"), f("x/specific", "F14", "info")],
    RULES
  );
  expect(out.map((x) => `${x.rule} ${x.cell} ${x.folded?.join(",") ?? ""}`)).toEqual([
    "x/general F14 x/specific",
    "x/specific F15 x/general",
  ]);
});

test("findings on other sheets or other cells are left as they are", () => {
  const a = f("x/general", "F14");
  const b = { ...f("x/general", "F14"), sheet: "T" };
  expect(foldFindings([a, b], RULES)).toEqual([a, b]);
});
