/**
 * Accepted findings (接受): a user's statement that a finding on a cell is right as it stands, with a reason, kept
 * in the workbook so that it travels with the file to the reviewer.
 *
 * An acceptance is keyed to the rule, the sheet, the cell and the cell's content when it was accepted
 * (cellContent): once the cell is edited the acceptance lapses and the finding comes back. Findings of a blocking
 * rule (RuleMeta.blocking: what the budget platform refuses) are never accepted.
 *
 * The workbook stores the list as one custom XML part in the namespace ACCEPTANCES_NS (acceptancesToXml /
 * acceptancesFromXml). Why a custom XML part and not document settings: the part is plain XML inside the .xlsx
 * package (customXml/itemN.xml), so the command-line checker reads it without Office, WPS reads and writes it
 * through its own CustomXMLParts, and it survives saving in any of them; the Office add-in API's document settings
 * live in the web-extension part keyed to this add-in's id, which neither WPS nor a reader of the file is meant to
 * use.
 *
 * Pure: no Office, no XML library (the format is ours and small; the reader is tolerant and never throws).
 */
import { parseCell, cellAddress } from "./address";
import type { Finding } from "./finding";
import { ALL_RULES } from "./rules";
import { WORKBOOK_RULES } from "./rules/workbook";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { isCellError } from "./snapshot";

export interface Acceptance {
  rule: string;
  sheet: string;
  /** A1 address, without "$". */
  cell: string;
  /** The cell's content when it was accepted (cellContent). */
  content: string;
  /** The user's one-line reason; may be empty. */
  reason: string;
  /** When it was accepted, ISO 8601. */
  at: string;
}

/** The namespace of the custom XML part that holds the acceptances. */
export const ACCEPTANCES_NS = "urn:goaltable:acceptances:1";

/** Longest reason kept (one line). */
export const MAX_REASON_LENGTH = 200;

/**
 * The content fingerprint of a cell: its formula if it has one, else its value as text ("" for an empty cell,
 * "TRUE"/"FALSE", an error as "#REF!", a number as JavaScript writes it). Every host and the CLI use this one.
 */
export function cellContent(cell: { value: CellValue | undefined; formula?: string | null }): string {
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  return String(v);
}

/** The content of a cell in a snapshot (cellContent); "" for a cell outside the used range. */
export function snapshotContent(snapshot: SheetSnapshot, cell: string): string {
  const origin = parseCell(snapshot.origin);
  const p = parseCell(normalCell(cell));
  const r = p.row - origin.row;
  const c = p.col - origin.col;
  if (r < 0 || c < 0) return "";
  return cellContent({ value: snapshot.values[r]?.[c] ?? null, formula: snapshot.formulas[r]?.[c] ?? null });
}

/** A contentOf for splitAccepted over the given sheets' snapshots (undefined for a sheet not among them). */
export function contentFromSnapshots(
  snapshots: readonly SheetSnapshot[]
): (sheet: string, cell: string) => string | undefined {
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  return (sheet, cell) => {
    const s = byName.get(sheet);
    return s ? snapshotContent(s, cell) : undefined;
  };
}

/** "$B$7" / "b7" / "Sheet1!B7" → "B7". */
export function normalCell(cell: string): string {
  const bare = cell.includes("!") ? cell.slice(cell.lastIndexOf("!") + 1) : cell;
  const clean = bare.replace(/\$/g, "").toUpperCase();
  if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(clean)) return clean;
  const p = parseCell(clean);
  return cellAddress(p.row, p.col);
}

let blockingIds: Set<string> | undefined;

/** Whether findings of this rule are never accepted (RuleMeta.blocking). */
export function isBlockingRule(rule: string): boolean {
  blockingIds ??= new Set([...ALL_RULES, ...WORKBOOK_RULES].filter((r) => r.blocking).map((r) => r.id));
  return blockingIds.has(rule);
}

/** Whether a finding could be accepted now (its rule is not blocking). */
export function canAccept(finding: Pick<Finding, "rule">): boolean {
  return !isBlockingRule(finding.rule);
}

function key(rule: string, sheet: string, cell: string): string {
  return JSON.stringify([rule, sheet, normalCell(cell)]);
}

export interface AcceptedFinding {
  finding: Finding;
  acceptance: Acceptance;
}

/**
 * Splits findings into the open ones and the accepted ones. An acceptance applies to a finding when rule, sheet
 * and cell match and the cell's content (contentOf) still equals what was accepted; never to a blocking rule's
 * finding; never when contentOf cannot tell (undefined).
 */
export function splitAccepted(
  findings: readonly Finding[],
  acceptances: readonly Acceptance[],
  contentOf: (sheet: string, cell: string) => string | undefined
): { open: Finding[]; accepted: AcceptedFinding[] } {
  const byKey = new Map<string, Acceptance>();
  for (const a of acceptances) byKey.set(key(a.rule, a.sheet, a.cell), a);
  const open: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const finding of findings) {
    const acceptance = byKey.get(key(finding.rule, finding.sheet, finding.cell));
    if (
      acceptance &&
      !isBlockingRule(finding.rule) &&
      contentOf(finding.sheet, normalCell(finding.cell)) === acceptance.content
    )
      accepted.push({ finding, acceptance });
    else open.push(finding);
  }
  return { open, accepted };
}

/** The acceptance of a finding with the cell's current content. */
export function makeAcceptance(finding: Finding, content: string, reason: string, at: Date = new Date()): Acceptance {
  return {
    rule: finding.rule,
    sheet: finding.sheet,
    cell: normalCell(finding.cell),
    content,
    reason: oneLine(reason),
    at: at.toISOString(),
  };
}

/** The list with `a` added, replacing an earlier acceptance of the same rule and cell. */
export function withAcceptance(list: readonly Acceptance[], a: Acceptance): Acceptance[] {
  const k = key(a.rule, a.sheet, a.cell);
  return [...list.filter((x) => key(x.rule, x.sheet, x.cell) !== k), a];
}

/** The list without the acceptance of this rule and cell (恢复). */
export function withoutAcceptance(
  list: readonly Acceptance[],
  target: Pick<Acceptance, "rule" | "sheet" | "cell">
): Acceptance[] {
  const k = key(target.rule, target.sheet, target.cell);
  return list.filter((x) => key(x.rule, x.sheet, x.cell) !== k);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim().slice(0, MAX_REASON_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------------
// XML

/**
 * Text as XML 1.0 element content: markup characters escaped, "\r" as a character reference (parsers would
 * turn a raw one into "\n"), and the characters XML 1.0 cannot hold written the way OOXML does (`_xHHHH_`, with a
 * literal "_x" escaped as `_x005F_`).
 */
function escapeText(s: string): string {
  return (
    s
      .replace(/_x(?=[0-9A-Fa-f]{4}_)/g, "_x005F_x")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\r/g, "&#13;")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${hex4(c.charCodeAt(0))}_`)
  );
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, "0");
}

function unescapeText(s: string): string {
  return s
    .replace(/&#x([0-9A-Fa-f]+);|&#([0-9]+);|&(amp|lt|gt|quot|apos);/g, (_m, hex, dec, name) => {
      if (hex) return safeChar(parseInt(hex, 16));
      if (dec) return safeChar(parseInt(dec, 10));
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name as string] ?? "";
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function safeChar(code: number): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

const FIELDS = ["rule", "sheet", "cell", "content", "reason", "at"] as const;

/** The custom XML part's text. */
export function acceptancesToXml(list: readonly Acceptance[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<acceptances xmlns="${ACCEPTANCES_NS}">`];
  for (const a of list) {
    lines.push("  <acceptance>");
    for (const f of FIELDS) lines.push(`    <${f}>${escapeText(a[f])}</${f}>`);
    lines.push("  </acceptance>");
  }
  lines.push("</acceptances>");
  return lines.join("\n");
}

/** Whether the XML text is our part (its root names ACCEPTANCES_NS). */
export function isAcceptancesXml(xml: string): boolean {
  return typeof xml === "string" && xml.includes(ACCEPTANCES_NS) && /<(?:\w+:)?acceptances\b/.test(xml);
}

/**
 * The acceptances in the part's text. Tolerant: anything that is not our part gives []; an entry without rule,
 * sheet or cell, or with a cell that is not an A1 address, is skipped; a missing content, reason or date is "".
 * Namespace prefixes are accepted. Never throws.
 */
export function acceptancesFromXml(xml: unknown): Acceptance[] {
  if (typeof xml !== "string" || !isAcceptancesXml(xml)) return [];
  const out: Acceptance[] = [];
  try {
    for (const m of xml.matchAll(/<((?:\w+:)?)acceptance\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1acceptance\s*>)/g)) {
      const body = m[2] ?? "";
      const field = (name: string): string | undefined => {
        const f = new RegExp(`<((?:\\w+:)?)${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1${name}\\s*>)`).exec(body);
        if (!f) return undefined;
        const inner = f[2] ?? "";
        const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(inner);
        return cdata ? cdata[1] : unescapeText(inner);
      };
      const rule = field("rule")?.trim();
      const sheet = field("sheet");
      const cell = field("cell")?.trim();
      if (!rule || sheet === undefined || sheet === "" || !cell) continue;
      const normal = normalCell(cell);
      if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(normal)) continue;
      out.push({
        rule,
        sheet,
        cell: normal,
        content: field("content") ?? "",
        reason: field("reason") ?? "",
        at: field("at")?.trim() ?? "",
      });
    }
  } catch {
    return out;
  }
  return out;
}
