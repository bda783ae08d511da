/**
 * Hand-made .xlsx packages for the package reader's tests: every part written as text, so a test can give the
 * XML a namespace prefix, leave out `r` attributes, use inline strings, phonetic runs, shared formulas, chart
 * sheets — what other producers than exceljs write.
 */
import JSZip from "jszip";

export interface RawSheet {
  name: string;
  /** The worksheet part's whole XML (or a chart sheet's). */
  xml: string;
  state?: "visible" | "hidden" | "veryHidden";
  chart?: boolean;
}

export interface RawPackage {
  sheets: RawSheet[];
  sharedStrings?: string;
  styles?: string;
  /** Attributes of <workbookPr>, e.g. `date1904="1"`. */
  workbookPr?: string;
  /** A namespace prefix for the workbook part's elements ("x"), as the Open XML SDK writes. */
  prefix?: string;
  compression?: "STORE" | "DEFLATE";
  /** Written with data descriptors after each entry (what streaming writers do). */
  streamFiles?: boolean;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export async function makePackage(p: RawPackage): Promise<Buffer> {
  const zip = new JSZip();
  const x = p.prefix ? `${p.prefix}:` : "";
  const xmlns = p.prefix ? `xmlns:${p.prefix}="${NS_MAIN}"` : `xmlns="${NS_MAIN}"`;
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
  ];
  const rels: string[] = [];
  const sheets: string[] = [];
  p.sheets.forEach((s, i) => {
    const n = i + 1;
    const part = s.chart ? `chartsheets/sheet${n}.xml` : `worksheets/sheet${n}.xml`;
    zip.file(`xl/${part}`, s.xml);
    const type = s.chart ? "chartsheet" : "worksheet";
    overrides.push(
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`
    );
    rels.push(`<Relationship Id="rId${n}" Type="${NS_REL}/${type}" Target="${part}"/>`);
    const state = s.state ? ` state="${s.state}"` : "";
    sheets.push(`<${x}sheet name="${s.name}" sheetId="${n}"${state} r:id="rId${n}"/>`);
  });
  let k = p.sheets.length;
  if (p.sharedStrings !== undefined) {
    zip.file("xl/sharedStrings.xml", p.sharedStrings);
    rels.push(`<Relationship Id="rId${++k}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
    );
  }
  if (p.styles !== undefined) {
    zip.file("xl/styles.xml", p.styles);
    rels.push(`<Relationship Id="rId${++k}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
    );
  }
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}">${rels.join("")}</Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${x}workbook ${xmlns} xmlns:r="${NS_REL}">` +
      (p.workbookPr ? `<${x}workbookPr ${p.workbookPr}/>` : "") +
      `<${x}sheets>${sheets.join("")}</${x}sheets></${x}workbook>`
  );
  return zip.generateAsync({
    type: "nodebuffer",
    compression: p.compression ?? "DEFLATE",
    streamFiles: p.streamFiles ?? false,
  });
}

/** A worksheet part around `sheetData` rows (and what follows sheetData: merges, protection), with a prefix or not. */
export function worksheetXml(rows: string, after = "", prefix = ""): string {
  const x = prefix ? `${prefix}:` : "";
  const xmlns = prefix ? `xmlns:${prefix}="${NS_MAIN}"` : `xmlns="${NS_MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${x}worksheet ${xmlns} xmlns:r="${NS_REL}"><${x}sheetData>${rows}</${x}sheetData>${after}</${x}worksheet>`;
}

export function sharedStringsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS_MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
}

/** styles.xml with the given custom number formats and one cell format per entry of `xfNumFmtIds`. */
export function stylesXml(numFmts: Record<number, string>, xfNumFmtIds: number[]): string {
  const fmts = Object.entries(numFmts)
    .map(
      ([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="${Object.keys(numFmts).length}">${fmts}</numFmts>` +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border/></borders>` +
    // A cell style format with a number format no cell uses: cellStyleXfs must not be read as cell formats.
    `<cellStyleXfs count="1"><xf numFmtId="10" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>` +
    `</styleSheet>`
  );
}
