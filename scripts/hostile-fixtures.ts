// Generates the large part of the hostile-import corpus (ZIP bombs, deep nesting, huge PDFs) into a folder,
// so multi-megabyte attack files are never committed. Small hostile files live in tests/fixtures/hostile/.
//   node --import tsx scripts/hostile-fixtures.ts <folder>
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export interface HostileFixture {
  file: string;
  /** What the refusal message must say (it always names the file too). */
  refusal: RegExp;
}

const MB = 1024 * 1024;

export async function generateHostileFixtures(dir: string): Promise<HostileFixture[]> {
  fs.mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  await writeDocxBomb(at('docx-bomb-300mb.docx'), 300 * MB, { understate: false });
  await writeDocxBomb(at('docx-bomb-50mb-understated.docx'), 50 * MB, { understate: true });
  const tinyEntries = Array.from({ length: 5000 }, (_, i) => ({
    name: `word/media/e${i}.xml`,
    data: Buffer.from('<x/>'),
  }));
  writeZip(at('docx-many-entries.docx'), tinyEntries);
  const nested = `${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}`;
  fs.writeFileSync(at('html-deep-nesting.html'), `<html><body>${nested}</body></html>`);
  fs.writeFileSync(
    at('html-200k-paragraphs.html'),
    `<html><body>${Array.from({ length: 200_000 }, (_, i) => `<p>Paragraph ${i} text.</p>`).join('\n')}</body></html>`,
  );
  await writePdfWithHugeStream(at('pdf-huge-stream.pdf'), 400 * MB);
  fs.writeFileSync(at('pdf-many-pages.pdf'), pdf(pagesObjects(5000)));
  return [
    { file: 'docx-bomb-300mb.docx', refusal: /the document inflates past the 40 MB limit/ },
    { file: 'docx-bomb-50mb-understated.docx', refusal: /the document inflates past the 40 MB limit/ },
    { file: 'docx-many-entries.docx', refusal: /more than the 2,000-file limit/ },
    { file: 'html-deep-nesting.html', refusal: /nests deeper than the 500-level limit/ },
    { file: 'html-200k-paragraphs.html', refusal: /more than the 100,000-element limit/ },
    { file: 'pdf-huge-stream.pdf', refusal: /(time|memory) limit/ },
    { file: 'pdf-many-pages.pdf', refusal: /more than the 2,000-page limit/ },
  ].map((f) => ({ ...f, file: at(f.file) }));
}

// ---- DOCX (ZIP) ----

const OOXML = 'http://schemas.openxmlformats.org';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${OOXML}/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
  ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${OOXML}/package/2006/relationships">
<Relationship Id="rId1" Type="${OOXML}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

interface ZipEntry {
  name: string;
  data: Buffer;
  /** data is already deflated; crc and size describe the inflated bytes. */
  deflated?: boolean;
  crc?: number;
  size?: number;
  /** What the headers claim, when it differs from the truth. */
  declaredSize?: number;
}

/** A .docx whose document.xml inflates to `size` bytes; understate: its headers claim 1 KB. */
async function writeDocxBomb(file: string, size: number, options: { understate: boolean }): Promise<void> {
  const head = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`);
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const { deflated, crc } = await deflateRepeated(head, Buffer.alloc(MB, 'a'), Math.ceil(size / MB), tail);
  const inflated = head.length + Math.ceil(size / MB) * MB + tail.length;
  writeZip(file, [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    {
      name: 'word/document.xml',
      data: deflated,
      deflated: true,
      crc,
      size: inflated,
      declaredSize: options.understate ? 1024 : inflated,
    },
  ]);
}

/** Deflates head + chunk×times + tail without holding the inflated bytes in memory. */
async function deflateRepeated(
  head: Buffer,
  chunk: Buffer,
  times: number,
  tail: Buffer,
): Promise<{ deflated: Buffer; crc: number }> {
  let crc = zlib.crc32(head);
  const parts: Buffer[] = [];
  async function* source() {
    yield head;
    for (let i = 0; i < times; i++) {
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
    crc = zlib.crc32(tail, crc);
    yield tail;
  }
  const deflate = zlib.createDeflateRaw({ level: 9 });
  deflate.on('data', (b: Buffer) => parts.push(b));
  await pipeline(Readable.from(source()), deflate);
  return { deflated: Buffer.concat(parts), crc };
}

function writeZip(file: string, entries: ZipEntry[]): void {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflated = entry.deflated ? entry.data : zlib.deflateRawSync(entry.data);
    const crc = entry.crc ?? zlib.crc32(entry.data);
    const size = entry.declaredSize ?? entry.size ?? entry.data.length;
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    directory.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xfffe), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xfffe), 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, directoryBytes, end]));
}

// ---- PDF ----

/** Objects as [number, body]; object 1 must be the catalog. */
function pdf(objects: [number, Buffer | string][]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = new Map<number, number>();
  for (const [n, body] of objects) {
    offsets.set(n, length);
    const content = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const bytes = Buffer.concat([Buffer.from(`${n} 0 obj\n`), content, Buffer.from('\nendobj\n')]);
    parts.push(bytes);
    length += bytes.length;
  }
  const size = Math.max(...offsets.keys()) + 1;
  const xref = [`xref\n0 ${size}\n0000000000 65535 f \n`];
  for (let n = 1; n < size; n++) {
    xref.push(`${String(offsets.get(n) ?? 0).padStart(10, '0')} 00000 ${offsets.has(n) ? 'n' : 'f'} \n`);
  }
  parts.push(Buffer.from(`${xref.join('')}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const EMPTY_PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';

function pagesObjects(count: number): [number, string][] {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  return [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`],
    ...Array.from({ length: count }, (_, i): [number, string] => [i + 3, EMPTY_PAGE]),
  ];
}

/** One page whose content stream is ~300 KB compressed and `size` bytes of drawing operators inflated. */
async function writePdfWithHugeStream(file: string, size: number): Promise<void> {
  const operators = Buffer.from('1 0 0 1 0 0 cm\n'.repeat(Math.floor(MB / 15)));
  const times = Math.ceil(size / operators.length);
  const { deflated } = await deflateRepeated(Buffer.from('q\n'), operators, times, Buffer.from('Q\n'));
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0xda]), deflated, Buffer.alloc(4)]);
  fs.writeFileSync(
    file,
    pdf([
      [1, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>'],
      [
        4,
        Buffer.concat([
          Buffer.from(`<< /Length ${zlibStream.length} /Filter /FlateDecode >>\nstream\n`),
          zlibStream,
          Buffer.from('\nendstream'),
        ]),
      ],
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'hostile-fixtures';
  for (const f of await generateHostileFixtures(dir)) {
    console.log(`${(fs.statSync(f.file).size / 1024).toFixed(0).padStart(6)} KB  ${f.file}`);
  }
}
