/**
 * Acceptances (src/core/acceptance.ts) in an .xlsx package: the custom XML part the add-in writes through
 * `workbook.customXmlParts` (WPS through CustomXMLParts) is a file customXml/itemN.xml of the zip, with its
 * properties in customXml/itemPropsN.xml and a relationship from the workbook part. The CLI reads it from there.
 *
 * Read with the package reader's zip layer (src/xlsx/zip.ts); written (by tests and fixtures) with jszip, the zip
 * library exceljs itself uses, already installed with it.
 */
import JSZip from "jszip";
import {
  ACCEPTANCES_NS,
  acceptancesFromXml,
  acceptancesToXml,
  isAcceptancesXml,
  type Acceptance,
} from "../core/acceptance";
import { decodePart } from "./xml";
import { ZipArchive } from "./zip";

/** customXml/item1.xml, item2.xml… (not the itemProps files). */
const ITEM = /^customXml\/item(\d+)\.xml$/;

/**
 * The acceptances stored in an .xlsx file's bytes: [] when it has none, when it is not a zip, or when the part is
 * damaged (the checker then simply shows every finding). Never throws.
 */
export async function readAcceptancesFromXlsx(data: Uint8Array | ArrayBuffer): Promise<Acceptance[]> {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(data instanceof Uint8Array ? data : new Uint8Array(data));
  } catch {
    return [];
  }
  const out: Acceptance[] = [];
  for (const name of itemNames(zip.names())) {
    try {
      const xml = zip.text(name)!;
      if (isAcceptancesXml(xml)) out.push(...acceptancesFromXml(xml));
    } catch {
      // a damaged part: skip it
    }
  }
  return out;
}

/** The custom XML item parts among a package's part names, by their number. */
function itemNames(names: string[]): string[] {
  return names.filter((n) => ITEM.test(n)).sort((a, b) => Number(ITEM.exec(a)![1]) - Number(ITEM.exec(b)![1]));
}

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/**
 * Writes the acceptances into an .xlsx file's bytes as Excel stores a custom XML part: customXml/itemN.xml (our
 * part replaced when there is one, else a new N), customXml/itemPropsN.xml with its relationship, a relationship
 * from xl/workbook.xml, and the content type of the properties part. Used by tests and fixtures.
 */
export async function writeAcceptancesToXlsx(
  data: Uint8Array | ArrayBuffer,
  list: readonly Acceptance[],
  itemId = "{6F0C6A1E-3B7D-4C59-9A2E-1D7A5B3C8E41}"
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  let n: number | undefined;
  for (const name of itemNames(Object.keys(zip.files))) {
    if (isAcceptancesXml(decodePart(await zip.file(name)!.async("uint8array")))) n = Number(ITEM.exec(name)![1]);
  }
  const xml = acceptancesToXml(list);
  if (n !== undefined) {
    zip.file(`customXml/item${n}.xml`, xml);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
  n = itemNames(Object.keys(zip.files)).reduce((max, name) => Math.max(max, Number(ITEM.exec(name)![1])), 0) + 1;
  zip.file(`customXml/item${n}.xml`, xml);
  zip.file(
    `customXml/itemProps${n}.xml`,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${ACCEPTANCES_NS}"/></ds:schemaRefs></ds:datastoreItem>`
  );
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`
  );

  const relsName = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsName)?.async("string");
  if (rels === undefined) throw new Error("not an .xlsx workbook: xl/_rels/workbook.xml.rels is missing");
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  zip.file(
    relsName,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/></Relationships>`
    )
  );

  const types = await zip.file("[Content_Types].xml")!.async("string");
  let newTypes = types;
  if (!/<Default\s+Extension="xml"/i.test(newTypes))
    newTypes = newTypes.replace(/(<Types[^>]*>)/, '$1<Default Extension="xml" ContentType="application/xml"/>');
  newTypes = newTypes.replace(
    "</Types>",
    `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_PROPS}"/></Types>`
  );
  zip.file("[Content_Types].xml", newTypes);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
