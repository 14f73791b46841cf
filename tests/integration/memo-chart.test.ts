// A chart inserted into a memo (a chartImage block: the chart's PNG and caption) exports as an image with its caption
// in HTML, Word, PDF and Markdown; a block whose image is not a PNG is left out rather than breaking the export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { createBackend } from '../../electron/backend.js';
import { chromiumPdfService } from '../../electron/server/pdf.js';
import { createClient, type GlossClient } from '../../shared/api.js';
import { artifactsDir } from '../support/app.js';
import { seedsDir, tempDir } from '../support/temp.js';

const CAPTION = 'Coded passages by document, stacked by tag (Sanctions, Visas).';
let client: GlossClient;
let close: () => Promise<void>;
const pdfService = chromiumPdfService();
let memoId: number;
let png: Buffer;

/** A width × height PNG of two colour bands: a real image, so every consumer has to decode it. */
function bandsPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set(x < width / 2 ? [70, 127, 181] : [201, 162, 39], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

before(async () => {
  const dataDir = tempDir();
  const backend = await createBackend(
    { dataDir, projectPath: path.join(dataDir, 'c.gloss'), seedsDir },
    { export: pdfService },
  );
  client = createClient((op, args) => backend.dispatch(op, args));
  close = async () => {
    await pdfService.close?.();
    backend.close();
  };
  png = bandsPng(640, 200);
  const content = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Sanctions dominate the longer reports.' }] },
      { type: 'chartImage', attrs: { png: png.toString('base64'), width: 320, height: 100, caption: CAPTION } },
      { type: 'chartImage', attrs: { png: 'not a png', width: 10, height: 10, caption: 'Broken' } },
    ],
  };
  memoId = (await client['memos.create']({ title: 'Charted', content: JSON.stringify(content) })).id;
});

after(() => close());

async function exported(format: 'md' | 'html' | 'docx' | 'pdf'): Promise<Buffer> {
  return Buffer.from((await client['export.memo']({ memoId, format })).base64, 'base64');
}

test('Markdown embeds the chart as a data URI with its caption below', async () => {
  const md = (await exported('md')).toString();
  assert.ok(
    md.includes(
      `![Coded passages by document, stacked by tag \\(Sanctions, Visas\\).](data:image/png;base64,${png.toString('base64')})`,
    ),
  );
  assert.match(md, /\n\n\*Figure: Coded passages by document, stacked by tag \\\(Sanctions, Visas\\\)\.\*/);
  assert.doesNotMatch(md, /Broken/);
});

test('HTML shows it as a figure at its on-screen size', async () => {
  const html = (await exported('html')).toString();
  assert.ok(
    html.includes(
      `<figure class="chart"><img src="data:image/png;base64,${png.toString('base64')}" width="320" height="100" alt="${CAPTION}"><figcaption>Figure: ${CAPTION}</figcaption></figure>`,
    ),
  );
  assert.doesNotMatch(html, /Broken/);
});

test('Word carries the PNG itself and the caption', async () => {
  const zip = await JSZip.loadAsync(await exported('docx'));
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  assert.equal(media.length, 1);
  assert.ok((await zip.file(media[0])!.async('nodebuffer')).equals(png), 'the chart’s own bytes');
  const xml = await zip.file('word/document.xml')!.async('string');
  assert.ok(xml.includes(`Figure: ${CAPTION}`));
  assert.match(xml, /<wp:extent cx="3048000" cy="952500"\/>/, '320 × 100 px (EMU: 9525 per px)');
});

test('PDF draws the image with its caption', async () => {
  const pdf = await exported('pdf');
  const file = path.join(artifactsDir, 'memo-chart.pdf');
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  assert.ok(text.includes(`Figure: ${CAPTION}`), text);
  const images = execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').slice(2);
  assert.equal(images.length, 1, 'one image in the PDF');
  assert.match(images[0], /\s640\s+200\s/, 'at the chart’s full resolution');
});
