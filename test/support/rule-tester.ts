/**
 * A table-driven tester for one rule, as ESLint's RuleTester: valid cases must raise nothing from the rule,
 * invalid cases must raise exactly the listed cells.
 */
import { readSheet } from "../../src/core/reader";
import { runRules } from "../../src/core/check";
import type { Rule } from "../../src/core/rules/rule";
import type { SheetSnapshot } from "../../src/core/snapshot";

export interface RuleCase {
  name: string;
  sheet: SheetSnapshot;
  /** For invalid cases: the cells the rule must flag, in order. */
  cells?: string[];
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  const findingsOf = (sheet: SheetSnapshot) => {
    const reading = readSheet(sheet);
    expect(reading.tables.length).toBeGreaterThan(0);
    return reading.tables.flatMap((t) => runRules(t, [rule]));
  };
  describe(rule.id, () => {
    test("has complete metadata", () => {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.title.zh && rule.title.en).toBeTruthy();
      expect(rule.docs.description.zh.length).toBeGreaterThan(10);
      expect(rule.docs.description.en.length).toBeGreaterThan(10);
    });
    test.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_n, c) => {
      expect(findingsOf(c.sheet)).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_n, c) => {
      const found = findingsOf(c.sheet);
      expect(found.map((f) => f.cell)).toEqual(c.cells);
      for (const f of found) {
        expect(f.rule).toBe(rule.id);
        expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(f.message.en).toMatch(/[a-z]/);
      }
    });
  });
}
