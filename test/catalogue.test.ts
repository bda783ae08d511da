/** docs/rules.md is generated from the rules' metadata and must be up to date. */
import { readFileSync } from "fs";
import * as path from "path";
import { ALL_RULES } from "../src/core/rules";
import { renderCatalogue } from "../src/core/rules/catalogue";

test("docs/rules.md is up to date (run `npm run docs:rules`)", () => {
  const file = readFileSync(path.join(__dirname, "..", "docs", "rules.md"), "utf8");
  expect(file).toBe(renderCatalogue(ALL_RULES));
});

test("every rule is in the catalogue with its severity and docs, and ids are unique", () => {
  const doc = renderCatalogue(ALL_RULES);
  expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  for (const r of ALL_RULES) {
    expect(doc).toContain(`### ${r.id}`);
    expect(doc).toContain(r.docs.description.zh);
    expect(doc).toContain(r.docs.description.en);
  }
});
