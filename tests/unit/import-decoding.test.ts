// Text decoding, title entities, markup and ZIP checks, and surrogate-safe anchors: the small import fixes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describeAnchor } from '../../electron/anchoring/anchor.js';
import { decodeText } from '../../electron/import/decode.js';
import { decodeHtmlEntities, extractDocx } from '../../electron/import/extractors.js';
import { extractHtml } from '../../electron/import/html.js';
import { DEFAULT_IMPORT_LIMITS } from '../../electron/import/limits.js';
import { checkMarkup } from '../../electron/import/markup.js';
import { checkZipPackage } from '../../electron/import/zip.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SAMPLE = 'Café talks — “staffing” in Zürich\n\nSecond paragraph.';

test('UTF-16 with a byte-order mark is decoded, little- and big-endian', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  assert.equal(decodeText(le, 'le.txt'), SAMPLE);
  assert.equal(decodeText(be, 'be.txt'), SAMPLE);
});

test('BOM-less UTF-16LE is recognised when clearly so; odd or short binary still is not', () => {
  assert.equal(decodeText(Buffer.from(SAMPLE, 'utf16le'), 'plain.txt'), SAMPLE);
  const oddLength = Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff]);
  assert.throws(() => decodeText(oddLength, 'binary.txt'), /binary\.txt looks like a binary file/);
  assert.throws(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 0, 0]), 'x.txt'), /binary/);
});

test('invalid UTF-8 is decoded as windows-1252 instead of being garbled', () => {
  const latin = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]); // “Café” €5
  assert.equal(decodeText(latin, 'latin.txt'), '“Café” €5');
  assert.equal(decodeText(Buffer.from(SAMPLE), 'utf8.txt'), SAMPLE, 'valid UTF-8 is untouched');
});

test('character references in titles are decoded', () => {
  const encoded = 'AT&amp;T &lt;b&gt; &quot;x&quot; &#233;&#x20AC; &bogus;';
  assert.equal(decodeHtmlEntities(encoded), 'AT&T <b> "x" é€ &bogus;');
});

test('a DOCX heading keeps & and < as written, not as entities', async () => {
  const word = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'AT&T <and> “Partners”' }),
          new Paragraph('Body text.'),
        ],
      },
    ],
  });
  const extracted = await extractDocx(await Packer.toBuffer(word), 'att.docx', DEFAULT_IMPORT_LIMITS);
  assert.equal(extracted.title, 'AT&T <and> “Partners”');
});

test('a highlight boundary inside a surrogate pair is widened to the whole character', () => {
  const text = 'Flag 🇺🇦 and emoji 😀 here';
  const inside = text.indexOf('😀') + 1;
  const anchor = describeAnchor(text, inside, inside + 5);
  assert.equal(anchor.start, inside - 1);
  assert.equal(anchor.exact, '😀 her');
  const ending = describeAnchor(text, 0, inside);
  assert.equal(ending.end, inside + 1);
  assert.ok(ending.exact.endsWith('😀'));
  for (const a of [anchor, ending]) {
    for (const part of [a.exact, a.prefix, a.suffix]) assert.ok(!LONE_SURROGATE.test(part), JSON.stringify(part));
  }
});

test('markup nested or sized past the limits is refused before any DOM is built', () => {
  const limits = { maxNestingDepth: 50, maxHtmlElements: 1000 };
  assert.throws(
    () => checkMarkup('<div>'.repeat(60), 'deep.html', limits),
    /deep\.html: the document nests deeper than the 50-level limit/,
  );
  assert.throws(
    () => checkMarkup('<p>x'.repeat(1001), 'big.html', limits),
    /big\.html: the page has more than the 1,000-element limit/,
  );
  const list = `<ul>${'<li>item<br><img src=x>'.repeat(200)}</ul>`;
  const fine = checkMarkup(`${list}<script>${'<div>'.repeat(99)}</script>`, 'ok.html', limits);
  assert.equal(fine.depth, 1);
});

test('a ZIP is checked on declared and on actual inflated size', () => {
  const small = { maxInflatedBytes: 10_000, maxZipEntries: 10 };
  const honest = zip([{ name: 'a.xml', data: Buffer.alloc(20_000, 'a') }]);
  assert.throws(
    () => checkZipPackage(honest, 'honest.docx', small),
    /honest\.docx: the document inflates past the 10 KB limit/,
  );
  const understated = zip([{ name: 'a.xml', data: Buffer.alloc(20_000, 'a'), declaredSize: 100 }]);
  assert.throws(
    () => checkZipPackage(understated, 'liar.docx', small),
    /liar\.docx: the document inflates past the 10 KB limit/,
  );
  const many = zip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.xml`, data: Buffer.from('x') })));
  assert.throws(
    () => checkZipPackage(many, 'many.docx', small),
    /many\.docx: the package holds more than the 10-file limit/,
  );
  const fine = zip([{ name: 'a.xml', data: Buffer.alloc(5_000, 'a') }]);
  assert.doesNotThrow(() => checkZipPackage(fine, 'fine.docx', small));
});

function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflated = zlib.deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, deflated);
    directory.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

test('a large page read without Readability is still sanitised before its text is taken', () => {
  const raw = `<html><head><title>Big page</title><style>p{}</style></head><body><h1>Big page</h1>
    <p>Visible paragraph.</p><script>window.secret = "script text"</script><style>.x{color:red}</style>
    <template>template text</template><p><img src=x onerror="alert(1)">Second paragraph.</p></body></html>`;
  const extracted = extractHtml(raw, 'big.html', { findArticle: false });
  assert.equal(extracted.title, 'Big page');
  assert.equal(extracted.text, 'Big page\n\nVisible paragraph.\n\nSecond paragraph.');
});
