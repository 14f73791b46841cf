// Bytes of a text file to a string. Text editors still write UTF-16 (Windows Notepad, Excel's "Unicode text")
// and windows-1252 (older Windows tools), so those are recognised instead of being refused as binary or garbled.
import { isUtf8 } from 'node:buffer';
import { ImportError } from './errors.js';

const SAMPLE_BYTES = 8192;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decodes a text file, refusing content that is clearly binary. */
export function decodeText(bytes: Buffer, fileName: string): string {
  const encoding = byteOrderMark(bytes) ?? bomLessUtf16(bytes);
  if (encoding && encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes);
  refuseBinary(bytes, fileName);
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeWindows1252(bytes);
}

/** windows-1252's printable characters at 0x80–0x9F (where Latin-1 has control codes); undefined ones stay. */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * Not valid UTF-8: the usual 8-bit Western encoding, which maps every byte to a character. Decoded by hand
 * because Node's TextDecoder treats 'windows-1252' as Latin-1, losing curly quotes, dashes and €.
 */
function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function byteOrderMark(bytes: Buffer): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a byte-order mark, when clearly so: mostly-ASCII text in UTF-16 has a NUL in nearly every
 * high byte and almost none in the low bytes, and a whole number of 16-bit units.
 */
function bomLessUtf16(bytes: Buffer): Encoding | undefined {
  if (bytes.length % 2 !== 0 || bytes.length < 8) return undefined;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  if (oddNuls / pairs > 0.4 && evenNuls / pairs < 0.01) return 'utf-16le';
  if (evenNuls / pairs > 0.4 && oddNuls / pairs < 0.01) return 'utf-16be';
  return undefined;
}

function refuseBinary(bytes: Buffer, fileName: string): void {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.indexOf(0) !== -1) {
    throw new ImportError(`${fileName} looks like a binary file (it contains NUL bytes), not text.`);
  }
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    throw new ImportError(`${fileName} looks like a binary file, not text.`);
  }
}
