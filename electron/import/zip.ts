// Checks a ZIP package (a .docx) before anything unpacks it: how many entries it holds, the sizes they declare,
// and the sizes they really inflate to, inflating each with a hard cap so a bomb stops at the limit, not at
// the end of memory. Only the central directory is trusted for where entries are, as JSZip (inside mammoth) does.
import zlib from 'node:zlib';
import { ImportError } from './errors.js';
import { describeBytes, describeCount, type ImportLimits } from './limits.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

type ZipLimits = Pick<ImportLimits, 'maxInflatedBytes' | 'maxZipEntries'>;

/** Throws an ImportError naming the file and the limit when the package would unpack past it. */
export function checkZipPackage(bytes: Buffer, fileName: string, limits: ZipLimits): void {
  const entries = readDirectory(bytes, fileName, limits.maxZipEntries);
  const tooBig = () =>
    new ImportError(`${fileName}: the document inflates past the ${describeBytes(limits.maxInflatedBytes)} limit.`);
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > limits.maxInflatedBytes) throw tooBig();
  let budget = limits.maxInflatedBytes;
  for (const entry of entries) {
    budget -= inflatedSize(bytes, entry, budget, fileName, tooBig);
    if (budget < 0) throw tooBig();
  }
}

function readDirectory(bytes: Buffer, fileName: string, maxEntries: number): ZipEntry[] {
  const end = findEndOfDirectory(bytes, fileName);
  const declaredCount = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (declaredCount === 0xffff || at === 0xffffffff) {
    throw new ImportError(`${fileName} uses ZIP64 packaging, which Gloss does not read in Word documents.`);
  }
  const entries: ZipEntry[] = [];
  while (at + 46 <= bytes.length && bytes.readUInt32LE(at) === DIRECTORY_ENTRY) {
    if (entries.length === maxEntries) {
      throw new ImportError(`${fileName}: the package holds more than the ${describeCount(maxEntries)}-file limit.`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (entries.length === 0) throw unreadable(fileName, 'its package lists no files');
  return entries;
}

function findEndOfDirectory(bytes: Buffer, fileName: string): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw unreadable(fileName, 'its ZIP package has no directory; it may be truncated');
}

function inflatedSize(bytes: Buffer, entry: ZipEntry, budget: number, fileName: string, tooBig: () => Error): number {
  if (entry.flags & ENCRYPTED_FLAG) {
    throw new ImportError(`${fileName} is encrypted; save it without a password first.`);
  }
  const data = entryData(bytes, entry, fileName);
  if (entry.method === STORED) return data.length;
  if (entry.method !== DEFLATED) throw unreadable(fileName, `${entry.name} is compressed in a way Word does not use`);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
    throw unreadable(fileName, `${entry.name} is damaged`);
  }
}

function entryData(bytes: Buffer, entry: ZipEntry, fileName: string): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) {
    throw unreadable(fileName, `${entry.name} is missing from the package`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw unreadable(fileName, `${entry.name} is truncated`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function unreadable(fileName: string, reason: string): ImportError {
  return new ImportError(`${fileName} could not be read as a Word document (${reason}).`);
}

/** One entry's bytes (inflated, at most maxBytes), or null when the package has no such entry. */
export function readZipEntry(bytes: Buffer, fileName: string, entryName: string, maxBytes: number): Buffer | null {
  const entry = readDirectory(bytes, fileName, Number.MAX_SAFE_INTEGER).find((e) => e.name === entryName);
  if (!entry || entry.flags & ENCRYPTED_FLAG) return null;
  const data = entryData(bytes, entry, fileName);
  if (entry.method === STORED) return data.subarray(0, maxBytes);
  if (entry.method !== DEFLATED) return null;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}
