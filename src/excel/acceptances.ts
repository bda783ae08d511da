/**
 * Acceptances (src/core/acceptance.ts) in the workbook, through Office.js: one custom XML part
 * (`workbook.customXmlParts`, ExcelApi 1.5, below the manifest's 1.7) in the namespace ACCEPTANCES_NS. It is saved
 * inside the .xlsx as customXml/itemN.xml, where the CLI (src/xlsx/acceptances.ts) and WPS (CustomXMLParts) read
 * the same list; document settings would be readable by this add-in only.
 */
import { ACCEPTANCES_NS, acceptancesFromXml, acceptancesToXml, type Acceptance } from "../core/acceptance";

/** Reads the acceptances: one sync to find the part(s), one to read them (only when there is one). */
export async function readAcceptances(context: Excel.RequestContext): Promise<Acceptance[]> {
  const parts = loadParts(context);
  await context.sync();
  if (parts.items.length === 0) return [];
  const xmls = parts.items.map((p) => p.getXml());
  await context.sync();
  return xmls.flatMap((x) => acceptancesFromXml(x.value));
}

/**
 * Replaces the stored acceptances with `list`: the first part of our namespace gets the new XML and any other is
 * deleted; without a part one is added; an empty list deletes the part(s). Two syncs.
 */
export async function writeAcceptances(context: Excel.RequestContext, list: readonly Acceptance[]): Promise<void> {
  const parts = loadParts(context);
  await context.sync();
  const xml = acceptancesToXml(list);
  const [first, ...rest] = parts.items;
  rest.forEach((p) => p.delete());
  if (list.length === 0) first?.delete();
  else if (first) first.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  await context.sync();
}

/** Queues the load of the ids of the parts in our namespace. */
function loadParts(context: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(ACCEPTANCES_NS);
  parts.load("items/id");
  return parts;
}
