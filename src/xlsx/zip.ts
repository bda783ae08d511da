/**
 * Reading the parts of a zip package (an .xlsx) straight from its central directory, inflating only the parts
 * asked for with Node's own zlib. This is the read path of the command-line checker, where a reviewer's folder
 * of a thousand workbooks spends most of its time opening packages: jszip's asynchronous, pure-JavaScript
 * inflate of every part cost more than the whole check did.
 *
 * Deliberately small: stored and deflated entries, the classic (non-ZIP64) directory, no encryption. Anything
 * else throws a ZipUnsupported, and the caller falls back to exceljs (src/xlsx/read.ts).
 */
import { inflateRawSync } from "zlib";
import { decodePart } from "./xml";

export class ZipUnsupported extends Error {}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly buf: Buffer;

  constructor(bytes: Uint8Array) {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buf = buf;
    // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipUnsupported("no end of central directory");
    const count = buf.readUInt16LE(eocd + 10);
    const size = buf.readUInt32LE(eocd + 12);
    const offset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipUnsupported("ZIP64");
    if (offset + size > eocd) throw new ZipUnsupported("central directory out of bounds");
    let p = offset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipUnsupported("bad central directory");
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const compressedSize = buf.readUInt32LE(p + 20);
      const uncompressed = buf.readUInt32LE(p + 24);
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      const localOffset = buf.readUInt32LE(p + 42);
      // Part names are ASCII in practice; bit 11 says UTF-8, which is what we decode either way.
      const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
      this.entries.set(name, { method, flags, compressedSize, size: uncompressed, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The bytes of a part, or undefined when the package has none of that name. */
  bytes(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new ZipUnsupported("encrypted entry");
    const buf = this.buf;
    const h = e.localOffset;
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL) throw new ZipUnsupported("bad local header");
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw new ZipUnsupported("entry out of bounds");
    const raw = buf.subarray(start, end);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8) out = inflateRawSync(raw);
    else throw new ZipUnsupported(`compression method ${e.method}`);
    if (out.length !== e.size) throw new ZipUnsupported("entry size mismatch");
    return out;
  }

  /** A part as text (UTF-8, or UTF-16 with a byte-order mark), or undefined when absent. */
  text(name: string): string | undefined {
    const b = this.bytes(name);
    return b ? decodePart(b) : undefined;
  }
}
