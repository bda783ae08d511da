/**
 * An .xlsx package → the workbook snapshot, read part by part: the workbook part found through the package's
 * relationships, its sheets in tab order, the shared strings and cell formats they point into, and each
 * worksheet (src/xlsx/parts.ts). Only these parts are inflated; pictures, charts, printer settings, the
 * calculation chain and the rest are never touched.
 */
import type { WorkbookSnapshot } from "../core/snapshot";
import { parseCellFormats, parseSharedStrings, parseWorksheet } from "./parts";
import { attributes, prefixedAttribute, relationships, relsOf } from "./xml";
import { ZipArchive } from "./zip";

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The part holding the sheet ("xl/worksheets/sheet1.xml"). */
  part: string;
  /** The relationship's type: a worksheet, a chart sheet, a dialog or macro sheet. */
  type: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
}

/** The package's main part, from its root relationships (`_rels/.rels`); xl/workbook.xml when they say nothing. */
export function officeDocumentPart(rootRelsXml: string | undefined): string {
  if (rootRelsXml)
    for (const rel of relationships(rootRelsXml, "").values())
      if (/\/officeDocument$/.test(rel.type)) return rel.target;
  return "xl/workbook.xml";
}

/** The workbook part's relationships (`relationships` of its .rels part). */
export type Targets = ReturnType<typeof relationships>;

/** The part the first relationship of a type points to ("styles", "sharedStrings"), or undefined. */
export function partOfType(targets: Targets, type: string): string | undefined {
  for (const rel of targets.values()) if (rel.type.endsWith(`/${type}`)) return rel.target;
  return undefined;
}

/** The sheets the workbook part lists, in tab order, with the parts their relationships point to. */
export function sheetEntries(workbookXml: string, targets: Targets): SheetEntry[] {
  const out: SheetEntry[] = [];
  for (const tag of workbookXml.match(/<(?:[\w.-]+:)?sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const rel = targets.get(prefixedAttribute(a, "id") ?? "");
    if (a.name === undefined || !rel) continue;
    out.push({
      name: a.name,
      sheetId: Number(a.sheetId) || 0,
      part: rel.target,
      type: rel.type,
      state: a.state ?? "visible",
    });
  }
  return out;
}

const isWorksheet = (type: string): boolean => /\/worksheet$/.test(type);

export class NotAWorkbook extends Error {}

/**
 * Reads the package's worksheets. Throws NotAWorkbook for a zip that is not a workbook (a .docx, a workbook with
 * no worksheet), ZipUnsupported for a package this reader leaves to exceljs, and XmlSyntaxError for a damaged part.
 */
export function readPackage(bytes: Uint8Array): WorkbookSnapshot {
  const zip = new ZipArchive(bytes);
  const workbookPart = officeDocumentPart(zip.text("_rels/.rels"));
  const workbookXml = zip.text(workbookPart);
  if (workbookXml === undefined) throw new NotAWorkbook(`no ${workbookPart}`);
  const targets = relationships(zip.text(relsOf(workbookPart)) ?? "", workbookPart);
  const sheets = sheetEntries(workbookXml, targets).filter((s) => isWorksheet(s.type));
  if (sheets.length === 0) throw new NotAWorkbook("no worksheet");

  const sharedStringsPart = partOfType(targets, "sharedStrings");
  const stylesPart = partOfType(targets, "styles");
  const sharedStringsXml = sharedStringsPart ? zip.text(sharedStringsPart) : undefined;
  const stylesXml = stylesPart ? zip.text(stylesPart) : undefined;
  const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const date1904 = pr ? ["1", "true"].includes(attributes(pr[0]).date1904 ?? "") : false;
  const ctx = {
    sharedStrings: sharedStringsXml ? parseSharedStrings(sharedStringsXml) : [],
    formats: stylesXml ? parseCellFormats(stylesXml) : [],
    date1904,
  };
  return {
    sheets: sheets.map((s) => {
      const xml = zip.text(s.part);
      if (xml === undefined) throw new NotAWorkbook(`no ${s.part}`);
      const snapshot = parseWorksheet(s.name, xml, ctx);
      snapshot.visible = s.state === "visible";
      return snapshot;
    }),
  };
}
