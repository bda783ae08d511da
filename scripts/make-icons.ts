/**
 * Draws the add-in's icons (a white table with a check mark on a green tile) and writes them as PNG files to
 * assets/icon-<size>.png. No image libraries and no downloads: pixels are computed here, anti-aliased by
 * supersampling, and encoded with node's zlib.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

/** Sizes the manifest references: 16/32/80 for ribbon buttons, 32/64 for the add-in icon. */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = [number, number, number, number];

const GREEN: Rgba = [16, 124, 65, 255]; // #107C41
const DARK_GREEN: Rgba = [10, 84, 44, 255]; // #0A542C
const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** Distance from point p to segment ab. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.max(x0 + r, Math.min(x1 - r, x));
  const cy = Math.max(y0 + r, Math.min(y1 - r, y));
  return Math.hypot(x - cx, y - cy) <= r;
}

/**
 * The colour at a point of the unit square (0..1 in both directions), given the icon size in pixels (lines get
 * at least one pixel wide at small sizes).
 */
function colourAt(x: number, y: number, size: number): Rgba {
  if (!insideRoundedRect(x, y, 0, 0, 1, 1, 0.16)) return TRANSPARENT;

  // The check mark, with a dark outline so it stands apart from the table lines under it.
  const check: [number, number][] = [
    [0.44, 0.7],
    [0.58, 0.83],
    [0.86, 0.52],
  ];
  const checkWidth = Math.max(0.1, 1.6 / size);
  let d = Infinity;
  for (let i = 0; i < check.length - 1; i++) {
    d = Math.min(d, segmentDistance(x, y, check[i][0], check[i][1], check[i + 1][0], check[i + 1][1]));
  }
  if (d <= checkWidth / 2) return WHITE;
  if (d <= checkWidth / 2 + Math.max(0.05, 1 / size)) return DARK_GREEN;

  // The table: a frame, a filled header row, one more row line and a column line.
  const line = Math.max(0.055, 1 / size);
  const left = 0.16;
  const right = 0.8;
  const top = 0.18;
  const bottom = 0.72;
  const header = 0.33;
  const middleRow = 0.525;
  const middleCol = 0.42;
  const inX = x >= left && x <= right;
  const inY = y >= top && y <= bottom;
  if (inX && inY) {
    if (y <= header) return WHITE;
    if (x - left <= line || right - x <= line || bottom - y <= line) return WHITE;
    if (Math.abs(y - middleRow) <= line / 2 || Math.abs(x - middleCol) <= line / 2) return WHITE;
  }
  return GREEN;
}

/** Renders one icon as RGBA rows, averaging 4x4 samples per pixel. */
export function renderIcon(size: number): Buffer {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          // Premultiply so transparent samples do not darken the edges.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round(a / (samples * samples));
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main(): void {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();
