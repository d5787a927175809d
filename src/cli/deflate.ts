// Node's zlib for the parts a fill changes: native deflate and CRC-32, several times fflate's speed on a
// large worksheet. The web page keeps fflate; the parts written are the same, only their compression differs.

import { crc32, deflateRawSync } from 'zlib';
import type { Deflater } from '../gateways/xlsx';

/** Level 3, as the fflate writer uses: close to level 6's size in a fraction of its time. */
const LEVEL = 3;

/** zlib's deflater, or undefined on a Node without zlib.crc32 (before 20.15): the writer then uses fflate. */
export const nodeDeflater: Deflater | undefined = typeof crc32 === 'function'
  ? { deflate: (data) => deflateRawSync(data, { level: LEVEL }), crc32: (data) => crc32(data) }
  : undefined;
