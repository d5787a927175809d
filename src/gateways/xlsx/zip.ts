// The zip container of an .xlsx. Entries come from the central directory and are inflated (fflate) only
// when asked, within limits; writing copies every untouched entry's compressed bytes as they were and
// deflates only the parts that changed. No Node APIs: the offline web page uses it too.

import { Inflate, Zip, ZipDeflate, type ZipInputFile } from 'fflate';

export type ZipProblem = 'corrupt' | 'encrypted' | 'too-large';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem, message: string, readonly part?: string) {
    super(message);
  }
}

export interface ZipLimits {
  /** Bytes one entry may inflate to. */
  entry: number;
  /** Bytes all inflated entries together may take. */
  total: number;
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS date and time, kept for copied entries. */
  dosTime: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Inflate this much compressed data at a time, so a bomb is stopped within some 64 MB of the limit. */
const STEP = 64 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

function corrupt(why: string): never {
  throw new ZipError('corrupt', why);
}

function findEnd(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(bytes, at) === EOCD) return at;
  }
  return corrupt('no end of central directory');
}

function readEntries(bytes: Uint8Array): Entry[] {
  const end = findEnd(bytes);
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === LOCATOR64) {
    const record = u64(bytes, end - 12);
    if (record + 56 > bytes.length || u32(bytes, record) !== EOCD64) corrupt('bad zip64 end record');
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) corrupt('bad central directory');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) corrupt('bad central directory');
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    let local = u32(bytes, at + 42);
    // Zip64: the real figures are in extra field 1, in this order, for those marked 0xFFFFFFFF.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; e += 4 + u16(bytes, e + 2)) {
      if (u16(bytes, e) !== 1) continue;
      let f = e + 4;
      if (size === 0xffffffff) (size = u64(bytes, f)), (f += 8);
      if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, f)), (f += 8);
      if (local === 0xffffffff) local = u64(bytes, f);
    }
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new ZipError('encrypted', `${name} is encrypted`);
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) corrupt(`bad local header for ${name}`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > bytes.length) corrupt(`${name} runs past the end of the file`);
    entries.push({ name, method: u16(bytes, at + 10), crc: u32(bytes, at + 16), compressedSize, size, dosTime: u32(bytes, at + 12), dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A DOS date and time as the Date fflate turns back into the same fields (local time, 2-second steps). */
function fromDos(dos: number): Date {
  const date = new Date(1980 + ((dos >>> 25) & 0x7f), ((dos >>> 21) & 0x0f) - 1, (dos >>> 16) & 0x1f, (dos >>> 11) & 0x1f, (dos >>> 5) & 0x3f, (dos & 0x1f) * 2);
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1980 ? FIXED_TIME : date;
}

/** New and changed parts carry one fixed time, as Excel's own files do: the same input gives the same bytes. */
const FIXED_TIME = new Date(1980, 0, 1);

/** An entry copied as it was: its compressed bytes, CRC and sizes go into the new archive untouched. */
class CopiedEntry implements ZipInputFile {
  readonly filename: string;
  readonly size: number;
  readonly crc: number;
  readonly compression: number;
  readonly mtime: Date;
  ondata?: ZipInputFile['ondata'];

  constructor(entry: Entry) {
    this.filename = entry.name;
    this.size = entry.size;
    this.crc = entry.crc;
    this.compression = entry.method;
    this.mtime = fromDos(entry.dosTime);
  }
}

/**
 * Deflates a changed part and gives its CRC-32. The writer uses fflate's by default (it runs in the
 * browser too); a door that has a native one (Node's zlib) may give it: the bytes differ, the parts do not.
 */
export interface Deflater {
  deflate(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** A part deflated by a Deflater: its compressed bytes, CRC and size go into the archive as they are. */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  readonly mtime = FIXED_TIME;
  readonly size: number;
  readonly crc: number;
  ondata?: ZipInputFile['ondata'];

  constructor(readonly filename: string, data: Uint8Array, readonly deflated: Uint8Array, deflater: Deflater) {
    this.size = data.length;
    this.crc = deflater.crc32(data);
  }
}

export class ZipArchive {
  private readonly entries: Entry[];
  private readonly byName = new Map<string, Entry>();
  private inflated = 0;
  /** Entries inflated so far: the total limit counts each once, however often it is read. */
  private readonly counted = new Set<string>();

  constructor(private readonly bytes: Uint8Array, private readonly limits: ZipLimits) {
    this.entries = readEntries(bytes);
    for (const e of this.entries) {
      // Part names are case-insensitive (OPC); two entries of one name make the package ambiguous.
      const key = e.name.toLowerCase();
      if (this.byName.has(key)) corrupt(`${e.name} appears twice`);
      this.byName.set(key, e);
    }
  }

  /** The entry's own spelling of a name, or null when there is none. */
  find(name: string): string | null {
    return this.byName.get(name.toLowerCase())?.name ?? null;
  }

  /** An entry's content; throws ZipError when it is damaged or inflates past the limits. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) throw new Error(`no entry ${name}`);
    const raw = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const first = !this.counted.has(entry.name);
    const room = first ? Math.min(this.limits.entry, this.limits.total - this.inflated) : this.limits.entry;
    const tooLarge = () => new ZipError('too-large', `${entry.name} inflates past the limit`, entry.name);
    let data: Uint8Array;
    if (entry.method === 0) {
      if (raw.length > room) throw tooLarge();
      data = raw;
    } else if (entry.method === 8) {
      data = inflate(raw, entry.size, room, tooLarge);
    } else {
      throw new ZipError('corrupt', `${entry.name} uses compression method ${entry.method}`);
    }
    if (first) {
      this.counted.add(entry.name);
      this.inflated += data.length;
    }
    return data;
  }

  /**
   * The archive with `changed` parts replaced or added (null removes one). Untouched entries keep their
   * compressed bytes, in their order; new ones follow.
   */
  write(changed: Map<string, Uint8Array | null>, deflater?: Deflater): Uint8Array {
    if (changed.size === 0) return this.bytes; // nothing changed: the very same file
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else chunks.push(chunk);
    });
    const pending = new Map([...changed].map(([name, data]) => [name.toLowerCase(), { name, data }]));
    const add = (name: string, data: Uint8Array) => {
      if (deflater) {
        const entry = new DeflatedEntry(name, data, deflater.deflate(data), deflater);
        zip.add(entry);
        entry.ondata!(null, entry.deflated as Uint8Array<ArrayBuffer>, true);
        return;
      }
      // Level 3: within 7 % of level 6's size for worksheet XML, in about half the time.
      const file = new ZipDeflate(name, { level: 3 });
      file.mtime = FIXED_TIME;
      zip.add(file);
      file.push(data, true);
    };
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      const change = pending.get(key);
      if (change) {
        pending.delete(key);
        if (change.data) add(entry.name, change.data);
        continue;
      }
      const copy = new CopiedEntry(entry);
      zip.add(copy);
      copy.ondata!(null, this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize) as Uint8Array<ArrayBuffer>, true);
    }
    for (const { name, data } of pending.values()) if (data) add(name, data);
    zip.end();
    if (failure) throw failure;
    return concat(chunks);
  }
}

function inflate(raw: Uint8Array, declared: number, room: number, tooLarge: () => Error): Uint8Array {
  // The declared size is a hint, not a promise: a bomb may understate it. Count what comes out.
  let out = new Uint8Array(Math.min(declared, room));
  let size = 0;
  const inflater = new Inflate((chunk) => {
    if (size + chunk.length > room) throw tooLarge();
    if (size + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(room, Math.max(out.length * 2, size + chunk.length)));
      grown.set(out.subarray(0, size));
      out = grown;
    }
    out.set(chunk, size);
    size += chunk.length;
  });
  try {
    if (raw.length === 0) inflater.push(raw, true);
    for (let at = 0; at < raw.length; at += STEP) inflater.push(raw.subarray(at, at + STEP), at + STEP >= raw.length);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('corrupt', `deflate data: ${(e as Error).message}`);
  }
  return size === out.length ? out : out.subarray(0, size);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
