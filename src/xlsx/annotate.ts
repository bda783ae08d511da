/**
 * A marked copy of a workbook: the add-in's own marks (conditional formats whose rule is `=N("goaltable:error")=0`,
 * see src/core/marks.ts) on the findings' cells, and a 检查结果 sheet listing the findings with links to their cells.
 *
 * The copy is made by editing the package's parts directly, never by re-serialising the workbook through a library
 * (which would drop charts, images, comments, data validations or defined names it does not model). Only these parts
 * change; every other part keeps its bytes:
 *  - each marked sheet's XML: `<conditionalFormatting>` elements added (and the priorities of the sheet's own rules
 *    moved down by as many, so the marks lie on top, as the add-in's do);
 *  - styles.xml: one differential format (dxf) per severity used, appended to `<dxfs>`;
 *  - the new sheet's XML, and the three parts that register it: the workbook part, its relationships and
 *    [Content_Types].xml.
 * The original file is only read.
 */
import { parseCell, parseRange, rangeAddress } from "../core/address";
import type { Finding, Lang, Severity } from "../core/finding";
import { MARK_COLORS, markFormula, mergeAround, planMarks, worstPerCell } from "../core/marks";
import { officeDocumentPart, partOfType, sheetEntries, type SheetEntry, type Targets } from "./package";
import { attributes, dirOf, escapeXml, relationships, relsOf } from "./xml";
import { ZipArchive } from "./zip";

/** One row of the 检查结果 sheet. */
export interface AnnotateItem {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  /** The reason, when the finding was accepted: accepted findings are listed but not marked. */
  accepted?: string;
}

export interface AnnotateResult {
  bytes: Buffer;
  /** The sheets that got marks. */
  markedSheets: string[];
  /** The name of the added sheet ("检查结果", or "检查结果 (2)" when taken). */
  resultsSheet: string;
}

export class AnnotateError extends Error {}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const HEADERS: Record<Lang, string[]> = {
  zh: ["工作表", "单元格", "严重程度", "规则", "问题说明", "已接受（理由）"],
  en: ["Sheet", "Cell", "Severity", "Rule", "Message", "Accepted (reason)"],
};
const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};
export const RESULTS_SHEET: Record<Lang, string> = { zh: "检查结果", en: "Check results" };
const NO_FINDINGS: Record<Lang, string> = { zh: "未发现问题。", en: "No problems found." };

/** The namespace prefix ("x:" or "") of the root element `local`. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The prefix declared for a namespace in the text ("r"), or undefined. */
function prefixOf(xml: string, ns: string): string | undefined {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${ns.replace(/[.]/g, "\\.")}["']`).exec(xml);
  return m?.[1];
}

function text(zip: ZipArchive, part: string): string {
  const t = zip.text(part);
  if (t === undefined) throw new AnnotateError(`missing part ${part}`);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// The package's sheets

interface WorkbookParts {
  workbookPart: string;
  workbookXml: string;
  relsPart: string;
  relsXml: string;
  targets: Targets;
  sheets: SheetEntry[];
  relPrefix: string;
}

function workbookParts(zip: ZipArchive): WorkbookParts {
  const workbookPart = officeDocumentPart(zip.text("_rels/.rels"));
  const workbookXml = text(zip, workbookPart);
  const relsPart = relsOf(workbookPart);
  const relsXml = text(zip, relsPart);
  const relPrefix = prefixOf(workbookXml, NS_REL) ?? prefixOf(workbookXml, NS_REL_STRICT);
  if (!relPrefix) throw new AnnotateError("the workbook part declares no relationships namespace");
  const targets = relationships(relsXml, workbookPart);
  const sheets = sheetEntries(workbookXml, targets);
  return { workbookPart, workbookXml, relsPart, relsXml, targets, sheets, relPrefix };
}

// ---------------------------------------------------------------------------------------------------------------
// Marks

/** Elements that follow `conditionalFormatting` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_CONDITIONAL_FORMATTING = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Where new elements go in `xml` (after `from`): before the first of `before`, else before the root's end tag. */
function insertionPoint(xml: string, from: number, prefix: string, before: string[], rootEnd: string): number {
  let best = -1;
  for (const name of before) {
    const re = new RegExp(`<${prefix}${name}[\\s>/]`, "g");
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best >= 0) return best;
  const end = xml.lastIndexOf(`</${prefix}${rootEnd}>`);
  if (end < 0) throw new AnnotateError(`no </${rootEnd}>`);
  return end;
}

/** The merged areas a sheet's XML declares. */
export function mergedAreasOf(sheetXml: string): string[] {
  const out: string[] = [];
  for (const tag of sheetXml.match(/<(?:[\w.-]+:)?mergeCell\b[^>]*>/g) ?? []) {
    const ref = attributes(tag).ref;
    if (!ref) continue;
    try {
      out.push(rangeAddress(parseRange(ref)));
    } catch {
      // not an address: ignore
    }
  }
  return out;
}

/** Adds the marks to one sheet's XML. `dxfOf` gives the differential format of each severity. */
function markSheet(sheetXml: string, findings: Finding[], dxfOf: (s: Severity) => number): string {
  const cells = worstPerCell(findings);
  const merges = mergeAround([...cells.keys()], mergedAreasOf(sheetXml));
  const marks = planMarks(cells, merges);
  if (marks.length === 0) return sheetXml;
  const p = rootPrefix(sheetXml, "worksheet");
  const dataEnd = Math.max(sheetXml.indexOf(`</${p}sheetData>`), sheetXml.indexOf(`<${p}sheetData/>`), 0);
  // The marks take the top priorities (1…n), as the add-in's do; the sheet's own rules keep their order below.
  const n = marks.length;
  let xml =
    sheetXml.slice(0, dataEnd) +
    sheetXml
      .slice(dataEnd)
      .replace(
        /(<(?:[\w.-]+:)?cfRule\b[^>]*?\bpriority\s*=\s*")(\d+)"/g,
        (_, head: string, prio: string) => `${head}${Number(prio) + n}"`
      );
  const elements = marks
    .map((m, i) => {
      const formula = escapeXml(markFormula(m.severity).slice(1));
      return (
        `<${p}conditionalFormatting sqref="${m.address}">` +
        `<${p}cfRule type="expression" dxfId="${dxfOf(m.severity)}" priority="${i + 1}">` +
        `<${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`
      );
    })
    .join("");
  const at = insertionPoint(xml, dataEnd, p, AFTER_CONDITIONAL_FORMATTING, "worksheet");
  xml = xml.slice(0, at) + elements + xml.slice(at);
  return xml;
}

/** Elements that follow `dxfs` in styles.xml (CT_Stylesheet order). */
const AFTER_DXFS = ["tableStyles", "colors", "extLst"];

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

/** Appends one dxf per severity to styles.xml; returns the new text and each severity's dxf index. */
function addDxfs(stylesXml: string, severities: Severity[]): { xml: string; ids: Map<Severity, number> } {
  const p = rootPrefix(stylesXml, "styleSheet");
  const dxf = (s: Severity) =>
    `<${p}dxf><${p}font><${p}color rgb="${argb(MARK_COLORS[s].font)}"/></${p}font>` +
    `<${p}fill><${p}patternFill><${p}bgColor rgb="${argb(MARK_COLORS[s].fill)}"/></${p}patternFill></${p}fill></${p}dxf>`;
  const ids = new Map<Severity, number>();
  const added = severities.map(dxf).join("");
  const open = new RegExp(`<${p}dxfs\\b[^>]*?(/?)>`).exec(stylesXml);
  if (!open) {
    severities.forEach((s, i) => ids.set(s, i));
    const at = insertionPoint(stylesXml, 0, p, AFTER_DXFS, "styleSheet");
    const xml = `${stylesXml.slice(0, at)}<${p}dxfs count="${severities.length}">${added}</${p}dxfs>${stylesXml.slice(at)}`;
    return { xml, ids };
  }
  const selfClosing = open[1] === "/";
  const close = `</${p}dxfs>`;
  const bodyStart = open.index + open[0].length;
  const bodyEnd = selfClosing ? bodyStart : stylesXml.indexOf(close, bodyStart);
  if (bodyEnd < 0) throw new AnnotateError("styles.xml: <dxfs> is not closed");
  const existing = (stylesXml.slice(bodyStart, bodyEnd).match(new RegExp(`<${p}dxf[\\s>/]`, "g")) ?? []).length;
  severities.forEach((s, i) => ids.set(s, existing + i));
  const count = existing + severities.length;
  const tag = `<${p}dxfs count="${count}">`;
  const xml = selfClosing
    ? stylesXml.slice(0, open.index) + tag + added + close + stylesXml.slice(bodyStart)
    : stylesXml.slice(0, open.index) + tag + stylesXml.slice(bodyStart, bodyEnd) + added + stylesXml.slice(bodyEnd);
  return { xml, ids };
}

// ---------------------------------------------------------------------------------------------------------------
// The 检查结果 sheet

/** "'Sheet 1'!D6": always quoted, which Excel and LibreOffice accept for any name. */
export function sheetLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function inlineCell(ref: string, value: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function resultsSheetXml(items: AnnotateItem[], lang: Lang): string {
  const headers = HEADERS[lang];
  const cols = [16, 10, 10, 28, 70, 30];
  const letters = ["A", "B", "C", "D", "E", "F"];
  const rows: string[] = [];
  rows.push(`<row r="1">${headers.map((h, i) => inlineCell(`${letters[i]}1`, h)).join("")}</row>`);
  const links: string[] = [];
  if (items.length === 0) rows.push(`<row r="2">${inlineCell("A2", NO_FINDINGS[lang])}</row>`);
  items.forEach((f, i) => {
    const r = i + 2;
    const values = [f.sheet, f.cell, SEVERITY_WORDS[lang][f.severity], f.rule, f.message, f.accepted ?? ""];
    rows.push(`<row r="${r}">${values.map((v, c) => inlineCell(`${letters[c]}${r}`, v)).join("")}</row>`);
    if (validCell(f.cell))
      links.push(
        `<hyperlink ref="B${r}" location="${escapeXml(sheetLocation(f.sheet, f.cell))}" display="${escapeXml(f.cell)}"/>`
      );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

function validCell(cell: string): boolean {
  try {
    parseRange(cell.replace(/\$/g, ""));
    return true;
  } catch {
    try {
      parseCell(cell);
      return true;
    } catch {
      return false;
    }
  }
}

function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

/**
 * The marked copy of an .xlsx package. Marks go on the cells of the items that are not accepted; every item is
 * listed on the added sheet. Throws AnnotateError (or ZipUnsupported) on a package it cannot edit.
 */
export async function annotateWorkbook(
  original: Uint8Array,
  items: AnnotateItem[],
  lang: Lang = "zh"
): Promise<AnnotateResult> {
  const zip = new ZipArchive(original);
  const wb = workbookParts(zip);
  /** The parts written: changed ones and the new sheet; every other part is copied as it is. */
  const changes = new Map<string, string>();

  // Marks, per sheet.
  const open = items.filter((f) => f.accepted === undefined);
  const bySheet = new Map<string, Finding[]>();
  for (const f of open) {
    const entry = wb.sheets.find((s) => s.name === f.sheet);
    if (!entry) continue;
    const list = bySheet.get(entry.part) ?? [];
    list.push({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      related: [],
      message: { zh: "", en: "" },
    });
    bySheet.set(entry.part, list);
  }
  const markedSheets: string[] = [];
  if (bySheet.size > 0) {
    const used = (["error", "warning", "info"] as Severity[]).filter((s) => open.some((f) => f.severity === s));
    const stylesPart = stylesPartOf(wb);
    const styles = text(zip, stylesPart);
    const { xml, ids } = addDxfs(styles, used);
    changes.set(stylesPart, xml);
    for (const [part, findings] of bySheet) {
      const before = text(zip, part);
      // A protected sheet is not marked, as the add-in does not mark one (nor could its 清除标记 clear it there).
      if (isProtected(before)) continue;
      const after = markSheet(before, findings, (s) => ids.get(s)!);
      if (after !== before) {
        changes.set(part, after);
        markedSheets.push(wb.sheets.find((s) => s.part === part)!.name);
      }
    }
  }

  // The 检查结果 sheet, registered in the workbook, its relationships and the content types.
  const resultsSheet = uniqueName(
    RESULTS_SHEET[lang],
    wb.sheets.map((s) => s.name)
  );
  const wbDir = dirOf(wb.workbookPart);
  let n = 1;
  while (zip.has(`${wbDir ? wbDir + "/" : ""}worksheets/sheet${n}.xml`)) n++;
  const newPart = `${wbDir ? wbDir + "/" : ""}worksheets/sheet${n}.xml`;
  const ids = new Set((wb.relsXml.match(/\bId\s*=\s*"([^"]*)"/g) ?? []).map((m) => m.replace(/^Id\s*=\s*"|"$/g, "")));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const rid = `rId${k}`;
  changes.set(newPart, resultsSheetXml(items, lang));

  const relP = rootPrefix(wb.relsXml, "Relationships");
  const relsEnd = wb.relsXml.lastIndexOf(`</${relP}Relationships>`);
  if (relsEnd < 0) throw new AnnotateError("workbook relationships are not closed");
  changes.set(
    wb.relsPart,
    wb.relsXml.slice(0, relsEnd) +
      `<${relP}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${n}.xml"/>` +
      wb.relsXml.slice(relsEnd)
  );

  const wp = rootPrefix(wb.workbookXml, "workbook");
  const sheetsEnd = wb.workbookXml.indexOf(`</${wp}sheets>`);
  if (sheetsEnd < 0) throw new AnnotateError("the workbook part has no <sheets>");
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  changes.set(
    wb.workbookPart,
    wb.workbookXml.slice(0, sheetsEnd) +
      `<${wp}sheet name="${escapeXml(resultsSheet)}" sheetId="${sheetId}" ${wb.relPrefix}:id="${rid}"/>` +
      wb.workbookXml.slice(sheetsEnd)
  );

  const ct = text(zip, "[Content_Types].xml");
  const ctP = rootPrefix(ct, "Types");
  const ctEnd = ct.lastIndexOf(`</${ctP}Types>`);
  if (ctEnd < 0) throw new AnnotateError("[Content_Types].xml is not closed");
  changes.set(
    "[Content_Types].xml",
    ct.slice(0, ctEnd) + `<${ctP}Override PartName="/${newPart}" ContentType="${CT_WORKSHEET}"/>` + ct.slice(ctEnd)
  );

  return { bytes: zip.rewrite(changes), markedSheets, resultsSheet };
}

/** Whether a sheet's XML protects it (`<sheetProtection sheet="1">`). */
export function isProtected(sheetXml: string): boolean {
  const tag = /<(?:[\w.-]+:)?sheetProtection\b[^>]*>/.exec(sheetXml)?.[0];
  if (!tag) return false;
  const v = attributes(tag).sheet;
  return v === "1" || v === "true";
}

function stylesPartOf(wb: WorkbookParts): string {
  const part = partOfType(wb.targets, "styles");
  if (!part) throw new AnnotateError("the workbook has no styles part");
  return part;
}
