/** Writes docs/rules.md from the rules' metadata (see src/core/rules/catalogue.ts). */
import { writeFileSync, mkdirSync } from "fs";
import * as path from "path";
import { ALL_RULES } from "../src/core/rules";
import { renderCatalogue } from "../src/core/rules/catalogue";

const file = path.join(__dirname, "..", "docs", "rules.md");
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, renderCatalogue(ALL_RULES));
console.log(`wrote ${path.relative(process.cwd(), file)} (${ALL_RULES.length} rules)`);
