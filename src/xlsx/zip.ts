/**
 * Reading the parts of a zip package (an .xlsx) straight from its central directory, inflating only the parts
 * asked for with Node's own zlib. This is the read path of the command-line checker, where a reviewer's folder
 * of a thousand workbooks spends most of its time opening packages: jszip's asynchronous, pure-JavaScript
 * inflate of every part cost more than the whole check did.
 *
 * Deliberately small: stored and deflated entries, the classic (non-ZIP64) directory, no encryption. Anything
 * else throws a ZipUnsupported, and the caller falls back to exceljs (src/xlsx/read.ts).
 *
 * `rewrite` writes a copy with some parts replaced or added: every other entry's compressed bytes are copied as
 * they are, so an unchanged part stays byte-identical even inside the zip (the marked copies of --annotate).
 */
import { crc32, deflateRawSync, inflateRawSync } from "zlib";
import { decodePart } from "./xml";

export class ZipUnsupported extends Error {}

interface Entry {
  name: string;
  /** The name's bytes as stored. */
  rawName: Buffer;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** MS-DOS time and date. */
  time: number;
  date: number;
  externalAttributes: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  /** Lower-cased name → the name as stored. */
  private readonly folded = new Map<string, string>();
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
      const time = buf.readUInt16LE(p + 12);
      const date = buf.readUInt16LE(p + 14);
      const crc = buf.readUInt32LE(p + 16);
      const compressedSize = buf.readUInt32LE(p + 20);
      const uncompressed = buf.readUInt32LE(p + 24);
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      const externalAttributes = buf.readUInt32LE(p + 38);
      const localOffset = buf.readUInt32LE(p + 42);
      // Part names are ASCII in practice; bit 11 says UTF-8, which is what we decode either way. Some writers
      // separate folders with "\\" (xl\\workbook.xml); part names are compared without regard to case (OPC).
      const rawName = buf.subarray(p + 46, p + 46 + nameLength);
      const name = rawName.toString("utf8").replace(/\\/g, "/");
      this.folded.set(name.toLowerCase(), name);
      this.entries.set(name, {
        name,
        rawName,
        method,
        flags,
        compressedSize,
        size: uncompressed,
        crc,
        time,
        date,
        externalAttributes,
        localOffset,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  private entry(name: string): Entry | undefined {
    return this.entries.get(name) ?? this.entries.get(this.folded.get(name.toLowerCase()) ?? "");
  }

  /** Whether the package has a part of that name (case ignored). */
  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** A part's data as stored in the zip (compressed), or undefined when absent. */
  stored(name: string): Buffer | undefined {
    const e = this.entry(name);
    return e ? this.raw(e) : undefined;
  }

  private raw(e: Entry): Buffer {
    if (e.flags & 1) throw new ZipUnsupported("encrypted entry");
    const buf = this.buf;
    const h = e.localOffset;
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL) throw new ZipUnsupported("bad local header");
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw new ZipUnsupported("entry out of bounds");
    return buf.subarray(start, end);
  }

  /** The bytes of a part, or undefined when the package has none of that name. */
  bytes(name: string): Buffer | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const raw = this.raw(e);
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

  /**
   * A new zip: the entries in their order, those named in `changes` with the new content (deflated), the others
   * copied compressed byte for byte, then the new entries `changes` names. Local headers are written afresh
   * (sizes in the header, no data descriptors, no extra fields); times, attributes and CRCs of copied entries
   * are kept.
   */
  rewrite(asked: Map<string, string | Buffer>): Buffer {
    // A change to an existing part goes to it under its stored name, whatever the case it was asked in.
    const changes = new Map<string, string | Buffer>();
    for (const [name, content] of asked) changes.set(this.folded.get(name.toLowerCase()) ?? name, content);
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    const now = dosDateTime(new Date());
    const add = (e: Omit<Entry, "localOffset">, data: Buffer): void => {
      // Bit 11 (UTF-8 name) is kept; bit 3 (sizes after the data) is not needed any more.
      const flags = e.flags & 0x0800;
      // Both headers hold the same run of fields, from the flags to the name's length: at 6 in the local header,
      // at 8 in the central one (after "version made by").
      const fields = (b: Buffer, at: number): void => {
        b.writeUInt16LE(flags, at);
        b.writeUInt16LE(e.method, at + 2);
        b.writeUInt16LE(e.time, at + 4);
        b.writeUInt16LE(e.date, at + 6);
        b.writeUInt32LE(e.crc >>> 0, at + 8);
        b.writeUInt32LE(data.length, at + 12);
        b.writeUInt32LE(e.size, at + 16);
        b.writeUInt16LE(e.rawName.length, at + 20);
      };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL, 0);
      local.writeUInt16LE(20, 4);
      fields(local, 6);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(CENTRAL, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      fields(c, 8);
      c.writeUInt32LE(e.externalAttributes >>> 0, 38);
      c.writeUInt32LE(offset, 42);
      chunks.push(local, e.rawName, data);
      central.push(c, e.rawName);
      offset += 30 + e.rawName.length + data.length;
    };
    const fresh = (name: string, content: string | Buffer, like?: Entry): void => {
      const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      const rawName = Buffer.from(name, "utf8");
      add(
        {
          name,
          rawName,
          method: 8,
          flags: /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800,
          compressedSize: 0,
          size: bytes.length,
          crc: crc32(bytes),
          time: like?.time ?? now.time,
          date: like?.date ?? now.date,
          externalAttributes: like?.externalAttributes ?? 0,
        },
        deflateRawSync(bytes, { level: 6 })
      );
    };
    for (const e of this.entries.values()) {
      const change = changes.get(e.name);
      if (change === undefined) add(e, this.raw(e));
      else fresh(e.name, change, e);
    }
    for (const [name, content] of changes) if (!this.entries.has(name)) fresh(name, content);
    const directory = Buffer.concat(central);
    const count = this.entries.size + [...changes.keys()].filter((n) => !this.entries.has(n)).length;
    if (count > 0xffff || offset + directory.length > 0xffffffff) throw new ZipUnsupported("would need ZIP64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, directory, end]);
  }
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
