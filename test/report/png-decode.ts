// Minimal PNG decoder for tests: 8-bit RGBA or RGB, non-interlaced (what resvg writes). Returns raw pixels.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Buffer): Pixels {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colourType, , , interlace] = png.subarray(24, 29);
  if (depth !== 8 || interlace !== 0 || (colourType !== 6 && colourType !== 2)) throw new Error('unsupported PNG');
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let off = 8; off < png.length;) {
    const len = png.readUInt32BE(off);
    if (png.subarray(off + 4, off + 8).toString('latin1') === 'IDAT') idat.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (data[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (data[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] as number) : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter as number] as number;
      data[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** Pixels in the box whose red, green and blue are all below `level` (dark ink on white). */
export function darkPixels(p: Pixels, box: { x0: number; y0: number; x1: number; y1: number }, level = 128): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * p.width + x) * p.channels;
      if ((p.data[i] as number) < level && (p.data[i + 1] as number) < level && (p.data[i + 2] as number) < level) n++;
    }
  }
  return n;
}
