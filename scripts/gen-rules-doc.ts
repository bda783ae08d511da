/** Writes docs/rules.md from the rules' metadata (see src/core/rules/catalogue.ts). */
import { writeFileSync, mkdirSync } from "fs";
import * as path from "path";
import { ALL_RULES, WORKBOOK_RULES } from "../src/core/rules";

const RULES = [...ALL_RULES, ...WORKBOOK_RULES];
import { renderCatalogue } from "../src/core/rules/catalogue";

const file = path.join(__dirname, "..", "docs", "rules.md");
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, renderCatalogue(RULES));
console.log(`wrote ${path.relative(process.cwd(), file)} (${RULES.length} rules)`);
