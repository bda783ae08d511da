/** docs/rules.md is generated from the rules' metadata and must be up to date. */
import { readFileSync } from "fs";
import * as path from "path";
import { ALL_RULES, WORKBOOK_RULES } from "../src/core/rules";

const RULES = [...ALL_RULES, ...WORKBOOK_RULES];
import { renderCatalogue } from "../src/core/rules/catalogue";

test("docs/rules.md is up to date (run `npm run docs:rules`)", () => {
  const file = readFileSync(path.join(__dirname, "..", "docs", "rules.md"), "utf8");
  expect(file).toBe(renderCatalogue(RULES));
});

test("every rule is in the catalogue with its severity and docs, and ids are unique", () => {
  const doc = renderCatalogue(RULES);
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  for (const r of RULES) {
    expect(doc).toContain(`### ${r.id}`);
    expect(doc).toContain(r.docs.description.zh);
    expect(doc).toContain(r.docs.description.en);
  }
});
