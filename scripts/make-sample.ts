/**
 * Writes samples/2021-urho-organization-dept.xlsx: the published 2021 department table of 中共乌尔禾区委组织部
 * (test/fixtures/sample-2021-urho.ts) laid out as in the original, so `npm run check:sample` has a real table to
 * check. Run with `npx tsx scripts/make-sample.ts` (or `npm run sample`).
 */
import * as path from "path";
import { promises as fs } from "fs";
import { SAMPLE_2021 } from "../test/fixtures/sample-2021-urho";
import { layoutWorkbook, SAMPLE_LAYOUT } from "../test/builder/layout";
import { writeWorkbookFile } from "../src/xlsx/write";

async function makeSample(): Promise<void> {
  const out = path.join(__dirname, "..", "samples", "2021-urho-organization-dept.xlsx");
  await fs.mkdir(path.dirname(out), { recursive: true });
  const workbook = layoutWorkbook(SAMPLE_2021, SAMPLE_LAYOUT, "乌尔禾区委组织部");
  await writeWorkbookFile(workbook, out);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}

makeSample().catch((e: unknown) => {
  process.stderr.write(`make-sample: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
