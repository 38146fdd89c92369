// Writes the app icons with node's zlib: color.png 192×192 (a speech bubble on the accent
// colour) and outline.png 32×32 (white on transparent), as Teams requires.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Pixel = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A speech bubble: a rounded body plus a tail, in unit coordinates. */
function inBubble(u: number, v: number): boolean {
  const inBody = u > 0.18 && u < 0.82 && v > 0.22 && v < 0.66;
  const tail = v >= 0.66 && v < 0.8 && u > 0.3 && u < 0.3 + (0.8 - v) * 1.2;
  return inBody || tail;
}

if (process.argv[1]?.endsWith('make-icons.ts')) {
  const dir = new URL('./', import.meta.url);
  writeFileSync(
    new URL('color.png', dir),
    png(192, (x, y) => (inBubble(x / 192, y / 192) ? [255, 255, 255, 255] : [43, 108, 176, 255])),
  );
  writeFileSync(
    new URL('outline.png', dir),
    png(32, (x, y) => (inBubble((x + 0.5) / 32, (y + 0.5) / 32) ? [255, 255, 255, 255] : [0, 0, 0, 0])),
  );
}
