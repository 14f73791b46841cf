// REFI-QDA import: the NVivo sample comes in whole (figures computed here from its XML, independently of Gloss),
// one import is one undo step, and hostile packages are refused with a clear reason and nothing written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import os from 'node:os';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import type { Db } from '../../electron/db/connection.js';
import { GlossError, type GlossClient } from '../../shared/api.js';
import { startBackend } from '../support/backend.js';
import { codePointSlice, makeQdpx, nvivoFacts, refiQdaDir, refiSample } from '../support/refiQda.js';

const skipSamples = refiQdaDir ? false : 'the REFI-QDA samples (../shared/refi-qda) are not on this machine';

const sortQuotes = (q: { source: string; quote: string }[]) => q.map((x) => `${x.source}\u0000${x.quote}`).sort();

async function importSample(client: GlossClient) {
  const base64 = refiSample('nvivo-oltas-teszt.qdpx').toString('base64');
  return client['exchange.importProject']({ fileName: 'nvivo-oltas-teszt.qdpx', base64 });
}

export async function glossQuotes(client: GlossClient) {
  const documents = await client['documents.list']({});
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  return (await client['highlights.list']({})).map((h) => ({ source: titles.get(h.documentId)!, quote: h.exact }));
}

test(
  'the NVivo sample imports whole: every passage with its quote, coder and code',
  { skip: skipSamples },
  async () => {
    const facts = await nvivoFacts();
    assert.equal(facts.quotes.length, 330, 'the sample holds 330 selections');
    const { client } = await startBackend({ seeds: false });
    const started = performance.now();
    const report = await importSample(client);
    const elapsed = performance.now() - started;
    const count = (kind: string) => report.imported.find((c) => c.kind === kind)?.count ?? 0;
    assert.equal(count('passages'), facts.quotes.length);
    assert.equal(count('coders'), facts.users.length);
    assert.equal(count('tags'), facts.codes);
    assert.equal(count('documents'), 2);
    assert.equal(report.quoteMismatches, 0);
    assert.match(report.warnings.join('\n'), /UTF-16 units/, 'the report says NVivo positions were converted');
    assert.deepEqual(sortQuotes(await glossQuotes(client)), sortQuotes(facts.quotes));
    const coders = await client['coders.list']({});
    assert.deepEqual(coders.map((c) => c.name).sort(), [...facts.users].sort());
    const highlights = await client['highlights.list']({});
    assert.ok(highlights.every((h) => h.coderId !== null && h.tagIds.length === 1));
    const tags = await client['tags.list']({});
    assert.ok(
      tags.some((t) => t.parentId !== null),
      'the code tree keeps its hierarchy',
    );
    assert.ok(tags.some((t) => t.description.startsWith('COVID vay nem COVID')));
    assert.ok(elapsed < 5000, `import took ${Math.round(elapsed)} ms`);
  },
);

test('an import is one undo step, and undo leaves nothing behind', { skip: skipSamples }, async () => {
  const { client, workspace } = await startBackend({ seeds: false });
  const before = counts(workspace.project.db);
  await importSample(client);
  const state = await client['history.state']({});
  assert.equal(state.undo?.label, 'Import nvivo-oltas-teszt.qdpx');
  await client['history.undo']({});
  assert.deepEqual({ ...counts(workspace.project.db), oplog: 0 }, before, 'only the undone entry remains');
  await client['history.redo']({});
  assert.equal((await client['highlights.list']({})).length, 330);
});

const TABLES = [
  'documents',
  'highlights',
  'highlight_tags',
  'tags',
  'notes',
  'memos',
  'collections',
  'coders',
  'document_attributes',
  'exchange_guids',
  'oplog',
];

export function counts(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
}

const GUID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

test('a foreign project: BOM, CRLF, astral characters, notes, variables and a set come in', async () => {
  const text = 'Line one 😀 here\r\nשלום עולם — second line\r\nthird e\u0301 line';
  const quote = (s: number, e: number) => codePointSlice(text, s, e).replace(/\r\n/g, '\n');
  const bytes = await makeQdpx({
    users: [{ guid: GUID(1), name: 'Ana' }],
    codes: [{ guid: GUID(2), name: 'Greeting', color: '#abc' }],
    variables: [{ guid: GUID(3), name: 'Region', type: 'Text' }],
    notes: [{ guid: GUID(4), name: 'On the greeting', text: 'Hebrew,\nthen English.' }],
    sources: [
      {
        guid: GUID(5),
        name: 'Interview 1',
        text,
        attributes: [{ variableGuid: GUID(3), value: 'North' }],
        selections: [
          { guid: GUID(6), start: 9, end: 15, codeGuid: GUID(2), userGuid: GUID(1), noteGuid: GUID(4) },
          { guid: GUID(7), start: 17, end: 26, codeGuid: GUID(2), userGuid: GUID(1) },
          { guid: GUID(8), start: 36, end: 50, codeGuid: GUID(2), userGuid: GUID(1) },
        ],
      },
    ],
  });
  const { client } = await startBackend({ seeds: false });
  const report = await client['exchange.importProject']({ fileName: 'foreign.qdpx', base64: bytes.toString('base64') });
  assert.equal(report.quoteMismatches, 0);
  const highlights = await client['highlights.list']({});
  assert.deepEqual(
    highlights.map((h) => h.exact),
    [quote(9, 15), quote(17, 26), quote(36, 50)],
  );
  assert.deepEqual(
    highlights.map((h) => h.exact),
    ['😀 here', 'שלום עולם', 'line\nthird e\u0301'],
  );
  const [tag] = await client['tags.list']({});
  assert.equal(tag.color, '#aabbcc');
  const note = await client['notes.forHighlight']({ highlightId: highlights[0].id });
  assert.equal(note?.text, 'Hebrew,\nthen English.');
  const [doc] = await client['documents.list']({});
  assert.ok(!(await client['documents.get']({ id: doc.id })).text.includes('\r'));
  const coders = await client['coders.list']({});
  assert.deepEqual(
    coders.map((c) => [c.name, c.highlightCount]),
    [['Ana', 3]],
  );
  assert.ok(highlights.every((h) => h.coderId === coders[0].id));
});

// Hostile packages: each refused with a message naming the problem; the project is left exactly as it was.
async function zipWith(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites the uncompressed size of every entry in the central directory (a zip bomb that lies, or tells). */
function withDeclaredSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 4; at++) {
    if (out.readUInt32LE(at) === 0x02014b50) out.writeUInt32LE(size, at + 24);
  }
  return out;
}

const minimalQde = '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>';

const HOSTILE: [string, () => Promise<Buffer>, RegExp][] = [
  [
    'a zip bomb that declares its size',
    async () => withDeclaredSize(await zipWith({ 'project.qde': minimalQde }), 3_000_000_000),
    /zip bomb/,
  ],
  [
    'a zip bomb that lies about its size',
    async () =>
      withDeclaredSize(
        await zipWith({
          'project.qde': minimalQde,
          'sources/big.txt': Buffer.alloc(20 * 1024 * 1024, 0x20),
        }),
        1000,
      ),
    /zip bomb|damaged/,
  ],
  [
    'a path traversal entry',
    () => zipWith({ 'project.qde': minimalQde, '../../etc/evil.txt': 'x' }),
    /outside the package/,
  ],
  [
    'XML entity expansion',
    () =>
      zipWith({
        'project.qde':
          '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
          '<Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>',
      }),
    /DOCTYPE/,
  ],
  [
    'an external entity',
    () =>
      zipWith({
        'project.qde':
          '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
          '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>',
      }),
    /DOCTYPE/,
  ],
  [
    'a missing source',
    () =>
      makeQdpx({
        sources: [{ guid: GUID(5), name: 'Ghost', text: 'x', selections: [] }],
        sourcePath: () => 'internal://nowhere.txt',
      }),
    /“Ghost” is missing/,
  ],
  [
    'a source path leaving the package',
    () =>
      makeQdpx({
        sources: [{ guid: GUID(5), name: 'Sneaky', text: 'x', selections: [] }],
        sourcePath: () => '../../etc/passwd',
      }),
    /points outside the package/,
  ],
  [
    'positions past the end',
    () =>
      makeQdpx({
        codes: [{ guid: GUID(2), name: 'c' }],
        users: [{ guid: GUID(1), name: 'u' }],
        sources: [
          {
            guid: GUID(5),
            name: 'Short',
            text: 'short text',
            selections: [{ guid: GUID(6), start: 2, end: 900, codeGuid: GUID(2), userGuid: GUID(1) }],
          },
        ],
      }),
    /past the end of the text/,
  ],
  [
    'a project.qde over the size limit',
    () =>
      zipWith({
        'project.qde': `<Project xmlns="urn:QDA-XML:project:1.0" name="x">${' '.repeat(51 * 1024 * 1024)}</Project>`,
      }),
    /project\.qde is 51\.0 MB/,
  ],
  [
    'a code tree nested without end',
    () =>
      zipWith({
        'project.qde': `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>${`<Code guid="${GUID(1)}" name="c" isCodable="true">`.repeat(
          150,
        )}${'</Code>'.repeat(150)}</Codes></CodeBook></Project>`,
      }),
    /nested/i,
  ],
  ['malformed XML', () => zipWith({ 'project.qde': '<Project name="x"><Users></Project>' }), /not well-formed/],
  ['a file that is not a zip', async () => Buffer.from('just some text, not a package'), /not a ZIP package/],
  ['a zip without project.qde', () => zipWith({ 'readme.txt': 'hello' }), /no project\.qde/],
];

for (const [name, make, message] of HOSTILE) {
  test(`hostile .qdpx refused, nothing written: ${name}`, async () => {
    const { client, workspace } = await startBackend({ seeds: false });
    const before = counts(workspace.project.db);
    const base64 = (await make()).toString('base64');
    await assert.rejects(client['exchange.importProject']({ fileName: 'hostile.qdpx', base64 }), (error: unknown) => {
      assert.ok(error instanceof GlossError, String(error));
      assert.equal(error.code, 'invalid_argument');
      assert.match(error.message, message);
      return true;
    });
    assert.deepEqual(counts(workspace.project.db), before);
  });
}

test('a .qdc codebook merges into the project: same GUID or same name is the same tag', async () => {
  const { client } = await startBackend({ seeds: false });
  await client['tags.create']({ name: 'Visas' });
  const qdc =
    '\uFEFF<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' +
    `<Code guid="${GUID(1)}" name="Visas" isCodable="true"/><Code guid="${GUID(2)}" name="Staff" isCodable="true" ` +
    `color="#102030"><Description>Who works where</Description><Code guid="${GUID(3)}" name="Consuls" ` +
    'isCodable="true"/></Code></Codes></CodeBook>';
  const report = await client['exchange.importCodebook']({
    fileName: 'book.qdc',
    base64: Buffer.from(qdc).toString('base64'),
  });
  assert.deepEqual(report.imported, [
    { kind: 'tags', count: 2 },
    { kind: 'tags already in the project', count: 1 },
  ]);
  const tags = await client['tags.list']({});
  const staff = tags.find((t) => t.name === 'Staff')!;
  assert.equal(staff.color, '#102030');
  assert.equal(tags.find((t) => t.name === 'Consuls')!.parentId, staff.id);
  const again = await client['exchange.importCodebook']({
    fileName: 'book.qdc',
    base64: Buffer.from(qdc).toString('base64'),
  });
  assert.deepEqual(again.imported, [{ kind: 'tags already in the project', count: 3 }]);
  assert.equal((await client['tags.list']({})).length, 3);
});

test('the inflater stops at the declared size', () => {
  // Guard for the zip-bomb check above: Node's inflate must honour maxOutputLength on this platform.
  assert.throws(() => zlib.inflateRawSync(zlib.deflateRawSync(Buffer.alloc(1 << 20)), { maxOutputLength: 1000 }));
});

test(
  'a source whose .txt is missing comes in from its .docx, and the report says so',
  { skip: skipSamples },
  async () => {
    const sample = await JSZip.loadAsync(refiSample('nvivo-oltas-teszt.qdpx'));
    const docx = await sample.file('Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.docx')!.async('nodebuffer');
    const bytes = await zipWith({
      'project.qde':
        '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>' +
        `<TextSource guid="${GUID(5)}" name="From Word" plainTextPath="internal://${GUID(5)}.txt" ` +
        `richTextPath="internal://${GUID(5)}.docx"/></Sources></Project>`,
      [`sources/${GUID(5)}.docx`]: docx,
    });
    const { client } = await startBackend({ seeds: false });
    const report = await client['exchange.importProject']({ fileName: 'word.qdpx', base64: bytes.toString('base64') });
    assert.match(report.warnings.join('\n'), /taken from sources\/.*\.docx/);
    const [doc] = await client['documents.list']({});
    assert.equal(doc.format, 'docx');
    assert.match((await client['documents.get']({ id: doc.id })).text, /Senkit nem lehet kötelezni oltásra/);
  },
);

test('the default coder is named after the OS user, makes new passages, and can be renamed', async () => {
  const { client } = await startBackend();
  const [doc] = await client['documents.list']({});
  const highlight = await client['highlights.create']({ documentId: doc.id, start: 0, end: 20 });
  const [coder] = await client['coders.list']({});
  assert.equal(highlight.coderId, coder.id);
  assert.equal(coder.name, os.userInfo().username || 'analyst');
  const renamed = await client['coders.rename']({ id: coder.id, name: 'Dóra' });
  assert.deepEqual([renamed.name, renamed.highlightCount], ['Dóra', 1]);
  await client['history.undo']({});
  assert.equal((await client['coders.list']({}))[0].name, coder.name);
});
