/**
 * The little XML the package code needs: escaping, one start tag's attributes, part paths, and a forward-only
 * scanner over a part's text. SpreadsheetML parts are machine-written, flat and namespace-regular, so a scanner
 * that hands out element names without their prefix ("x:c" → "c") covers what Excel, WPS, LibreOffice and the
 * Open XML SDK write; a document it cannot scan (an unclosed tag, a stray "<") throws.
 */

export function escapeXml(s: string): string {
  return (
    s
      // Characters XML 1.0 cannot hold at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    return String.fromCodePoint(k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/**
 * XML's end-of-line handling, which every parser applies before anything else: "\r\n" and a lone "\r" read as
 * "\n". (A carriage return a producer means to keep is written as &#13; or, in SpreadsheetML, _x000D_.)
 */
export function normalizeLineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/**
 * The attributes of one start tag (or of the text after its name), by their qualified name; values normalised as
 * XML does (line ends and tabs read as spaces, then entities decoded).
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const raw = m[3] ?? m[4] ?? "";
    out[m[1]] = unescapeXml(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n|[\r\n\t]/g, " ") : raw);
  }
  return out;
}

/** The value of the attribute whose local name is `local` and which has a prefix other than xmlns ("r:id"). */
export function prefixedAttribute(attrs: Record<string, string>, local: string): string | undefined {
  for (const k of Object.keys(attrs)) {
    const i = k.indexOf(":");
    if (i > 0 && k.slice(i + 1) === local && k.slice(0, i) !== "xmlns") return attrs[k];
  }
  return undefined;
}

/** Text of a part: UTF-8, or UTF-16 when it starts with a byte-order mark (how Office writes some parts). */
export function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// Part names

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = baseDir ? baseDir.split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsOf(part: string): string {
  const d = dirOf(part);
  const base = part.slice(d.length ? d.length + 1 : 0);
  return `${d ? d + "/" : ""}_rels/${base}.rels`;
}

/** The Relationship elements of a .rels part: Id → {type, target resolved against `owner`'s folder}. */
export function relationships(relsXml: string, owner: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const tag of relsXml.match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (!a.Id || !a.Target || a.TargetMode === "External") continue;
    out.set(a.Id, { type: a.Type ?? "", target: resolveTarget(dirOf(owner), a.Target) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Scanner

export interface XmlHandler {
  /** A start tag; `local` has no prefix, `attrs` is the raw text after the name (parse it with attributes()). */
  open(local: string, attrs: string, selfClosing: boolean): void;
  close(local: string): void;
  /** Character data, line ends normalised and entities decoded (CDATA as is). Whitespace between tags too. */
  text(value: string): void;
}

export class XmlSyntaxError extends Error {}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Walks `xml` once, start to end, calling `h` for each tag and each run of text. Throws XmlSyntaxError on a tag
 * it cannot read, on end tags that do not match their start tags (a damaged or cut-off part), and on anything but
 * one root element with white space around it.
 */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  const open: string[] = [];
  let roots = 0;
  let pos = 0;
  const text = (raw: string): void => {
    // Outside the root element only white space may stand (text there is a damaged part: Excel refuses it too).
    if (open.length === 0 && raw.trim() !== "") throw new XmlSyntaxError("text outside the root element");
    h.text(unescapeXml(normalizeLineEnds(raw)));
  };
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) {
      text(xml.slice(pos));
      break;
    }
    if (lt > pos) text(xml.slice(pos, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlSyntaxError("unclosed processing instruction");
      pos = end + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlSyntaxError("unclosed comment");
        pos = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlSyntaxError("unclosed CDATA section");
        h.text(normalizeLineEnds(xml.slice(lt + 9, end)));
        pos = end + 3;
      } else {
        // A DOCTYPE: parts never have an internal subset worth reading.
        const end = xml.indexOf(">", lt + 2);
        if (end < 0) throw new XmlSyntaxError("unclosed declaration");
        pos = end + 1;
      }
      continue;
    }
    // A tag: find its end, stepping over quoted attribute values (which may hold ">").
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62 /* > */) break;
    }
    if (j >= n) throw new XmlSyntaxError("unclosed tag");
    if (next === 47 /* / */) {
      const name = xml.slice(lt + 2, j).trim();
      if (open.pop() !== name) throw new XmlSyntaxError(`unexpected </${name}>`);
      h.close(localName(name));
    } else {
      const selfClosing = xml.charCodeAt(j - 1) === 47;
      const inner = xml.slice(lt + 1, selfClosing ? j - 1 : j);
      let k = 0;
      while (k < inner.length) {
        const c = inner.charCodeAt(k);
        if (c === 32 || c === 9 || c === 10 || c === 13) break;
        k++;
      }
      if (k === 0) throw new XmlSyntaxError("a tag without a name");
      if (open.length === 0 && roots++ > 0) throw new XmlSyntaxError("a second root element");
      const name = inner.slice(0, k);
      h.open(localName(name), inner.slice(k), selfClosing);
      if (selfClosing) h.close(localName(name));
      else open.push(name);
    }
    pos = j + 1;
  }
  if (open.length > 0) throw new XmlSyntaxError(`<${open[open.length - 1]}> is not closed`);
  if (roots === 0) throw new XmlSyntaxError("no root element");
}
