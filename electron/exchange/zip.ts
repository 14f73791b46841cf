// A small ZIP reader and writer for .qdpx packages, built on node:zlib so every limit is ours: entry names are
// checked before anything is read, sizes are checked against limits before inflating, and inflation stops at the
// declared size (a zip bomb that lies about its size is caught there). No ZIP64, no encryption: neither is needed.
import zlib from 'node:zlib';
import { refuse } from './errors.js';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipArchive {
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Buffer,
    readonly entries: ZipEntry[],
    private readonly label: string,
  ) {
    for (const entry of entries) this.byLowerName.set(entry.name.toLowerCase(), entry);
  }

  /** The entry at `path`, matched without regard to case (NVivo writes Sources/, the standard says sources/). */
  find(path: string): ZipEntry | undefined {
    return this.byLowerName.get(path.toLowerCase());
  }

  read(entry: ZipEntry): Buffer {
    const b = this.bytes;
    if (entry.headerOffset + 30 > b.length || b.readUInt32LE(entry.headerOffset) !== LOCAL) {
      refuse(`${this.label} is damaged: the entry “${entry.name}” cannot be found where the directory says.`);
    }
    const at = entry.headerOffset;
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    if (start + entry.compressedSize > b.length) refuse(`${this.label} is damaged: “${entry.name}” is cut short.`);
    const raw = b.subarray(start, start + entry.compressedSize);
    const data = entry.method === 0 ? Buffer.from(raw) : inflate(raw, entry, this.label);
    if (data.length !== entry.size || zlib.crc32(data) !== entry.crc) {
      refuse(`${this.label} is damaged: “${entry.name}” does not match its checksum.`);
    }
    return data;
  }
}

function inflate(raw: Buffer, entry: ZipEntry, label: string): Buffer {
  try {
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      refuse(`${label} looks like a zip bomb: “${entry.name}” expands beyond the ${entry.size} bytes it declares.`);
    }
    return refuse(`${label} is damaged: “${entry.name}” cannot be decompressed.`);
  }
}

export function readZip(bytes: Buffer, label: string, limits: ZipLimits): ZipArchive {
  const eocd = findEndOfDirectory(bytes, label);
  const count = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    refuse(`${label} is a ZIP64 archive, which Gloss does not read.`);
  if (count > limits.maxEntries)
    refuse(`${label} holds ${count} files; Gloss reads packages of up to ${limits.maxEntries}.`);
  const entries = readDirectory(bytes, directoryOffset, count, label);
  checkSizes(entries, label, limits);
  return new ZipArchive(bytes, entries, label);
}

function findEndOfDirectory(bytes: Buffer, label: string): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return refuse(`${label} is not a ZIP package (a .qdpx is a ZIP holding project.qde and its sources).`);
}

function readDirectory(bytes: Buffer, offset: number, count: number, label: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      refuse(`${label} is damaged: its file directory is unreadable.`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const flags = bytes.readUInt16LE(at + 8);
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), flags);
    entries.push({
      name: checkedName(name, label),
      flags,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      headerOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

function decodeName(raw: Buffer, flags: number): string {
  return (flags & 0x800) !== 0 ? raw.toString('utf8') : raw.toString('latin1');
}

/** Refuses names that would point outside the package if anyone unpacked it: absolute, drive letters, "..". */
function checkedName(name: string, label: string): string {
  const slashed = name.replace(/\\/g, '/');
  const escapes = slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.split('/').includes('..');
  if (escapes || slashed.includes('\0')) {
    refuse(
      `${label} contains a file named “${name.replace(/\0/g, '\\0')}”, which points outside the package; it was refused.`,
    );
  }
  return slashed;
}

function checkSizes(entries: ZipEntry[], label: string, limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    if ((entry.flags & 1) !== 0) refuse(`${label} is encrypted (“${entry.name}”); export it again without a password.`);
    if (entry.method !== 0 && entry.method !== 8)
      refuse(`${label} uses a compression method Gloss does not read (“${entry.name}”).`);
    if (entry.size > limits.maxEntryBytes) {
      refuse(
        `${label} looks like a zip bomb: “${entry.name}” expands to ${mb(entry.size)}; the limit is ${mb(limits.maxEntryBytes)}.`,
      );
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    refuse(`${label} looks like a zip bomb: it expands to ${mb(total)}; the limit is ${mb(limits.maxTotalBytes)}.`);
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export interface ZipFile {
  name: string;
  data: Buffer;
}

/** A ZIP with every file deflated, UTF-8 names, and a fixed timestamp so the same project gives the same bytes. */
export function writeZip(files: ZipFile[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    // Level 1: text still shrinks severalfold, in less than half the default level's time (10,000 documents).
    const compressed = zlib.deflateRawSync(file.data, { level: 1 });
    const fields = {
      crc: zlib.crc32(file.data),
      compressed: compressed.length,
      size: file.data.length,
      nameLength: name.length,
    };
    const local = localHeader(fields);
    parts.push(local, name, compressed);
    directory.push(centralHeader(fields, offset), name);
    offset += local.length + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  return Buffer.concat([...parts, directoryBytes, endOfDirectory(files.length, directoryBytes.length, offset)]);
}

interface EntryFields {
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}
const UTF8_NAMES = 0x800;
const DOS_DATE_1980_01_01 = 0x21;

function localHeader(f: EntryFields): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(8, 8);
  h.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  h.writeUInt32LE(f.crc, 14);
  h.writeUInt32LE(f.compressed, 18);
  h.writeUInt32LE(f.size, 22);
  h.writeUInt16LE(f.nameLength, 26);
  return h;
}

function centralHeader(f: EntryFields, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  h.writeUInt32LE(f.crc, 16);
  h.writeUInt32LE(f.compressed, 20);
  h.writeUInt32LE(f.size, 24);
  h.writeUInt16LE(f.nameLength, 28);
  h.writeUInt32LE(offset, 42);
  return h;
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(EOCD, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}
