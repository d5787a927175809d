// Draws the add-in's icons (assets/icon-16/32/64/80.png): a blue rounded square with a rising bar chart and
// a check mark. Shapes are sampled 4 × 4 per pixel for smooth edges; PNG encoded with zlib.
const { writeFileSync } = require('fs');
const { join } = require('path');
const zlib = require('zlib');

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const SAMPLES = 4;

/** Which colour covers the point (x, y) in a 1 × 1 square, or null for transparent. */
function colourAt(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Three bars rising left to right.
  const bars = [[0.18, 0.58], [0.40, 0.44], [0.62, 0.30]];
  for (const [left, top] of bars) if (x >= left && x <= left + 0.16 && y >= top && y <= 0.84) return WHITE;
  // A check mark over the top left: two thick strokes.
  const onStroke = (ax, ay, bx, by, w) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= w * w;
  };
  if (onStroke(0.16, 0.30, 0.26, 0.40, 0.05) || onStroke(0.26, 0.40, 0.46, 0.16, 0.05)) return WHITE;
  return BLUE;
}

function pixels(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; sum[3] += 255;
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = sum[3] / 255;
      for (let i = 0; i < 3; i++) row[1 + px * 4 + i] = covered ? Math.round(sum[i] / covered) : 0;
      row[1 + px * 4 + 3] = Math.round(sum[3] / n);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  const file = join(__dirname, '..', 'assets', `icon-${size}.png`);
  writeFileSync(file, png(size));
  console.log(`wrote ${file}`);
}
