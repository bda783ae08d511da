/**
 * Accepted findings (src/core/acceptance.ts): the content fingerprint, the XML part and its tolerant reader, which
 * findings an acceptance applies to, and the part inside an .xlsx package (src/xlsx/acceptances.ts).
 */
import JSZip from "jszip";
import {
  ACCEPTANCES_NS,
  acceptancesFromXml,
  acceptancesToXml,
  canAccept,
  cellContent,
  contentFromSnapshots,
  isBlockingRule,
  makeAcceptance,
  splitAccepted,
  withAcceptance,
  withoutAcceptance,
  type Acceptance,
} from "../src/core/acceptance";
import { checkSheet } from "../src/core/check";
import type { Finding } from "../src/core/finding";
import { ALL_RULES, WORKBOOK_RULES } from "../src/core/rules";
import { readAcceptancesFromXlsx, writeAcceptancesToXlsx } from "../src/xlsx/acceptances";
import { readWorkbookBuffer } from "../src/xlsx/read";
import { workbookToBuffer } from "../src/xlsx/write";
import { buildTable } from "./builder/layout";
import { withCells } from "./support/edit";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";

const A: Acceptance = {
  rule: "value/ge-100",
  sheet: "表1",
  cell: "E20",
  content: "≥100%",
  reason: "一次性项目，按实际填写",
  at: "2026-11-28T06:00:00.000Z",
};

function finding(rule: string, cell: string, sheet = "表1"): Finding {
  return { rule, severity: "warning", sheet, cell, related: [], message: { zh: "x", en: "x" } };
}

describe("cellContent", () => {
  it("is the formula when there is one, else the value as text", () => {
    expect(cellContent({ value: 12, formula: "=SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(cellContent({ value: 1899.19, formula: null })).toBe("1899.19");
    expect(cellContent({ value: "≥95%", formula: null })).toBe("≥95%");
    expect(cellContent({ value: true })).toBe("TRUE");
    expect(cellContent({ value: { error: "#REF!" } })).toBe("#REF!");
    expect(cellContent({ value: null })).toBe("");
    expect(cellContent({ value: "" })).toBe("");
  });
});

describe("the XML part", () => {
  it("gives back every field, also markup, line breaks and characters XML 1.0 cannot hold", () => {
    const odd: Acceptance = {
      ...A,
      sheet: "A&B <表> \"'",
      content: "a\r\nb\u0001c _x0041_ ]]> &amp;",
      reason: "<script>alert(1)</script>",
    };
    const xml = acceptancesToXml([A, odd]);
    expect(xml).toContain(`xmlns="${ACCEPTANCES_NS}"`);
    expect(xml).not.toContain("\u0001");
    expect(xml).not.toContain("<script>");
    expect(acceptancesFromXml(xml)).toEqual([A, odd]);
  });

  it("reads a part written with a prefix, CDATA and missing optional fields", () => {
    const xml =
      `<g:acceptances xmlns:g="${ACCEPTANCES_NS}"><g:acceptance><g:rule>value/ge-100</g:rule>` +
      `<g:sheet>表1</g:sheet><g:cell>$e$20</g:cell><g:content><![CDATA[≥100% & more]]></g:content></g:acceptance>` +
      `</g:acceptances>`;
    expect(acceptancesFromXml(xml)).toEqual([
      { rule: "value/ge-100", sheet: "表1", cell: "E20", content: "≥100% & more", reason: "", at: "" },
    ]);
  });

  it("ignores junk and never throws", () => {
    for (const junk of [undefined, null, 42, "", "<x/>", "not xml", `<acceptances xmlns="${ACCEPTANCES_NS}">`, "<<<"])
      expect(acceptancesFromXml(junk)).toEqual([]);
    const partly =
      `<acceptances xmlns="${ACCEPTANCES_NS}"><acceptance><rule>r</rule><sheet>s</sheet><cell>not a cell</cell>` +
      `</acceptance><acceptance><rule></rule><sheet>s</sheet><cell>A1</cell></acceptance>` +
      `<acceptance><rule>r</rule><sheet>s</sheet><cell>B2</cell></acceptance></acceptances>`;
    expect(acceptancesFromXml(partly).map((a) => a.cell)).toEqual(["B2"]);
  });
});

describe("splitAccepted", () => {
  const contentOf = (_s: string, cell: string) => (cell === "E20" ? "≥100%" : "x");

  it("applies an acceptance to its rule and cell while the content is unchanged", () => {
    const f = finding("value/ge-100", "$E$20");
    const other = finding("value/ge-100", "E21");
    const otherRule = finding("value/no-operator", "E20");
    const split = splitAccepted([f, other, otherRule], [A], contentOf);
    expect(split.accepted).toEqual([{ finding: f, acceptance: A }]);
    expect(split.open).toEqual([other, otherRule]);
  });

  it("lapses when the cell's content changed, when the content is unknown, or on another sheet", () => {
    const f = finding("value/ge-100", "E20");
    expect(splitAccepted([f], [A], () => "≥98%").accepted).toEqual([]);
    expect(splitAccepted([f], [A], () => undefined).accepted).toEqual([]);
    expect(splitAccepted([finding("value/ge-100", "E20", "表2")], [A], contentOf).accepted).toEqual([]);
  });

  it("never accepts a blocking rule's finding", () => {
    const blocking = ALL_RULES.find((r) => r.blocking)!;
    const f = finding(blocking.id, "E20");
    expect(canAccept(f)).toBe(false);
    expect(splitAccepted([f], [{ ...A, rule: blocking.id }], contentOf).open).toEqual([f]);
  });

  it("accepts a finding of the sample after a check, and lets it come back when the cell is edited", () => {
    const sheet = buildTable(SAMPLE_2021).workbook.sheets.at(-1)!;
    const findings = checkSheet(sheet).findings;
    const f = findings.find((x) => canAccept(x))!;
    expect(f).toBeDefined();
    const content = contentFromSnapshots([sheet])(f.sheet, f.cell)!;
    const list = [makeAcceptance(f, content, "  有理由\n换行 ")];
    expect(list[0].reason).toBe("有理由 换行");
    expect(splitAccepted(findings, list, contentFromSnapshots([sheet])).accepted.map((x) => x.finding)).toEqual([f]);
    const edited = withCells(sheet, { [f.cell.replace(/\$/g, "")]: "改过的内容" });
    expect(splitAccepted(findings, list, contentFromSnapshots([edited])).accepted).toEqual([]);
  });
});

describe("blocking rules", () => {
  it("are errors, a few of them, each named in the catalogue", () => {
    const blocking = [...ALL_RULES, ...WORKBOOK_RULES].filter((r) => r.blocking);
    expect(blocking.length).toBeGreaterThanOrEqual(5);
    for (const r of blocking) {
      expect(r.severity).toBe("error");
      expect(isBlockingRule(r.id)).toBe(true);
    }
    expect(isBlockingRule("value/ge-100")).toBe(false);
  });
});

describe("acceptance list edits", () => {
  it("replaces the acceptance of the same rule and cell, and removes it again", () => {
    const b = { ...A, reason: "新理由", cell: "$E$20" };
    expect(withAcceptance([A], b)).toEqual([b]);
    expect(withoutAcceptance([A, { ...A, cell: "E21" }], { rule: A.rule, sheet: A.sheet, cell: "e20" })).toEqual([
      { ...A, cell: "E21" },
    ]);
  });
});

describe("acceptances in an .xlsx", () => {
  it("are written as Excel stores a custom XML part, read back, and leave the workbook readable", async () => {
    const wb = buildTable(SAMPLE_2021).workbook;
    const plain = await workbookToBuffer(wb);
    expect(await readAcceptancesFromXlsx(plain)).toEqual([]);
    const withPart = await writeAcceptancesToXlsx(plain, [A]);
    expect(await readAcceptancesFromXlsx(withPart)).toEqual([A]);

    const zip = await JSZip.loadAsync(withPart);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    expect(await zip.file("customXml/itemProps1.xml")!.async("string")).toContain(ACCEPTANCES_NS);
    expect(await zip.file("customXml/_rels/item1.xml.rels")!.async("string")).toContain("itemProps1.xml");
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("/customXml/itemProps1.xml");

    const again = await writeAcceptancesToXlsx(withPart, [A, { ...A, cell: "E21" }]);
    expect((await readAcceptancesFromXlsx(again)).map((a) => a.cell)).toEqual(["E20", "E21"]);
    expect(
      Object.keys((await JSZip.loadAsync(again)).files).filter((n) => /^customXml\/item\d+\.xml$/.test(n))
    ).toEqual(["customXml/item1.xml"]);
    const read = await readWorkbookBuffer(again);
    expect(read.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
  });

  it("are read from a UTF-16 part beside other custom XML parts, and junk gives none", async () => {
    const zip = await JSZip.loadAsync(await workbookToBuffer(buildTable(SAMPLE_2021).workbook));
    zip.file("customXml/item1.xml", '<?xml version="1.0"?><b:Sources xmlns:b="urn:other"/>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(acceptancesToXml([A]), "utf16le")]);
    zip.file("customXml/item2.xml", utf16);
    zip.file("customXml/item3.xml", `<acceptances xmlns="${ACCEPTANCES_NS}"><acceptance>`);
    const buf = await zip.generateAsync({ type: "nodebuffer" });
    expect(await readAcceptancesFromXlsx(buf)).toEqual([A]);
    expect(await readAcceptancesFromXlsx(Buffer.from("not a zip"))).toEqual([]);
  });
});
