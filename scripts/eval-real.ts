/**
 * `npm run eval:real`: runs the checker (src/core checkWorkbook) over every real published table laid out in
 * test/real-tables/ and prints, per table, the reading, the findings by severity and the true/false positives, then
 * per-rule counts and, last, precision and recall. The matching is documented in test/real-tables/evaluate.ts.
 */
import { REAL_TABLES } from "../test/real-tables";
import { scoreTable, type TableScore } from "../test/real-tables/evaluate";

const verbose = process.argv.includes("--verbose") || process.argv.includes("-v");
const scores: TableScore[] = REAL_TABLES.map(scoreTable);

const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)} %`);

for (const s of scores) {
  const expectsTable = "tables" in s.table.read;
  const read = s.check.tables.length > 0 ? `${s.check.tables.length} table(s) read` : "not a table";
  const readOk = s.readProblems.length === 0 ? "read correctly" : `${s.readProblems.length} reading problem(s)`;
  const found = s.flagsFound.filter(Boolean).length;
  console.log(
    `${s.table.id}: ${read} (${expectsTable ? "goal table" : "expected: not a table"}; ${readOk}); ` +
      `findings ${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info; ` +
      `TP ${s.truePositives}, FP ${s.falsePositives} (${s.falseOnLeave} on leave cells)` +
      (s.cut ? `, ${s.cut} about the cut` : "") +
      (s.duplicates ? `, ${s.duplicates} duplicate hit(s)` : "") +
      `; flags found ${found}/${s.table.flag.length}`
  );
  if (verbose) {
    for (const p of s.readProblems) console.log(`    read: ${p}`);
    for (const j of s.findings)
      console.log(
        `    ${j.verdict.padEnd(14)} ${j.finding.severity.padEnd(7)} ${j.finding.cell.padEnd(5)} ${j.finding.rule}` +
          `${j.onLeave ? " [leave]" : ""}  ${j.finding.message.zh}`
      );
    s.table.flag.forEach((f, i) =>
      console.log(`    flag ${s.flagsFound[i] ? "found " : "MISSED"} ${f.cells.join(",")} ${f.what}`)
    );
  }
}

const perRule = new Map<string, { error: number; warning: number; info: number; tp: number; fp: number }>();
for (const s of scores)
  for (const j of s.findings) {
    const r = perRule.get(j.finding.rule) ?? { error: 0, warning: 0, info: 0, tp: 0, fp: 0 };
    r[j.finding.severity]++;
    if (j.verdict === "hit") r.tp++;
    if (j.verdict === "false-positive") r.fp++;
    perRule.set(j.finding.rule, r);
  }
console.log("");
console.log("per rule (all findings; TP/FP at error+warning):");
for (const [rule, r] of [...perRule].sort((a, b) => b[1].fp - a[1].fp || a[0].localeCompare(b[0])))
  console.log(`  ${rule.padEnd(34)} error ${r.error}, warning ${r.warning}, info ${r.info}; TP ${r.tp}, FP ${r.fp}`);

const tp = scores.reduce((n, s) => n + s.truePositives, 0);
const fp = scores.reduce((n, s) => n + s.falsePositives, 0);
const flags = scores.reduce((n, s) => n + s.table.flag.length, 0);
const found = scores.reduce((n, s) => n + s.flagsFound.filter(Boolean).length, 0);
const readOk = scores.filter((s) => s.readProblems.length === 0).length;
const cut = scores.reduce((n, s) => n + s.cut, 0);
console.log("");
console.log(
  `tables read correctly ${readOk}/${scores.length}; findings about the cut of an excerpt (left out): ${cut}`
);
console.log(`precision ${pct(tp, tp + fp)} (${tp}/${tp + fp})`);
console.log(`recall ${pct(found, flags)} (${found}/${flags})`);
