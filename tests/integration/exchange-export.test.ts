// REFI-QDA export: project.qde valid against Project.xsd and .qdc against Codebook.xsd (xmllint), sources as UTF-8
// named by GUID, positions in code points, and GUIDs that stay put across exports and across import → export.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import type { GlossClient } from '../../shared/api.js';
import { startBackend } from '../support/backend.js';
import {
  codePointSlice,
  hasXmllint,
  makeQdpx,
  nvivoFacts,
  refiQdaDir,
  refiSample,
  schemaErrors,
} from '../support/refiQda.js';
import { tempDir } from '../support/temp.js';

const skipSchemas = !refiQdaDir
  ? 'the REFI-QDA schemas (../shared/refi-qda) are not on this machine'
  : !hasXmllint
    ? 'xmllint is not installed (Debian: apt-get install libxml2-utils; .ci/run installs it)'
    : false;

interface Exported {
  qde: string;
  files: Map<string, string>;
}

async function exportedProject(client: GlossClient, collectionId?: number): Promise<Exported> {
  const file = await client['exchange.exportProject'](collectionId === undefined ? {} : { collectionId });
  assert.match(file.fileName, /\.qdpx$/);
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) files.set(name, await zip.file(name)!.async('string'));
  return { qde: files.get('project.qde')!, files };
}

/** Every selection of an exported project with its quote, read with code points over the exported text. */
function exportedQuotes({ qde, files }: Exported): { source: string; quote: string }[] {
  const quotes: { source: string; quote: string }[] = [];
  const sources = qde.matchAll(
    /<TextSource guid="([^"]+)" name="([^"]*)" plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g,
  );
  for (const [, , name, path, body] of sources) {
    const text = files.get(`sources/${path}`)!;
    assert.ok(!text.startsWith('\uFEFF') && !text.includes('\r'), 'sources are written without BOM, with LF');
    for (const s of body.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)) {
      quotes.push({ source: unescape(name), quote: codePointSlice(text, Number(s[1]), Number(s[2])) });
    }
  }
  return quotes;
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const sorted = (q: { source: string; quote: string }[]) => q.map((x) => `${x.source}\u0000${x.quote}`).sort();

test(
  'the NVivo sample exported again: valid, every GUID kept, 330 identical quotes, 3 coders',
  { skip: skipSchemas },
  async () => {
    const facts = await nvivoFacts();
    const { client } = await startBackend({ seeds: false });
    await client['exchange.importProject']({
      fileName: 'nvivo.qdpx',
      base64: refiSample('nvivo-oltas-teszt.qdpx').toString('base64'),
    });
    const exported = await exportedProject(client);
    assert.equal(schemaErrors(exported.qde, 'Project.xsd', tempDir()), '');
    const guids = new Set([...exported.qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]));
    const lost = [...facts.guids].filter((g) => !guids.has(g));
    assert.deepEqual(lost, [], 'every GUID of the original is in the export');
    assert.deepEqual(sorted(exportedQuotes(exported)), sorted(facts.quotes));
    const users = [...exported.qde.matchAll(/<User [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(users.sort(), [...facts.users].sort());
    const codingUsers = (qde: string) => {
      const names = new Map([...qde.matchAll(/<User guid="([^"]+)"[^>]*name="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const counts: Record<string, number> = {};
      for (const m of qde.matchAll(/<Coding [^>]*creatingUser="([^"]+)"/g)) {
        const name = names.get(m[1]) ?? m[1];
        counts[name] = (counts[name] ?? 0) + 1;
      }
      return counts;
    };
    assert.deepEqual(codingUsers(exported.qde), codingUsers(facts.qde), 'each coding keeps who applied it');
    for (const guid of ['68bbdc14-c361-4432-b4dd-ae1dbfc12890', 'ddbebe1b-306f-4271-acdd-ae1da7c06fcd']) {
      assert.ok(exported.files.has(`sources/${guid}.txt`), `source named by its GUID: ${guid}`);
    }
  },
);

async function workedProject(client: GlossClient) {
  const [doc, other] = await client['documents.list']({});
  const parent = await client['tags.create']({ name: 'Diplomacy & <talks>', description: 'Line one\nline "two"' });
  const child = await client['tags.create']({ name: 'Embassies', parentId: parent.id, color: '#123abc' });
  const h1 = await client['highlights.create']({
    documentId: doc.id,
    start: 10,
    end: 60,
    tagIds: [child.id, parent.id],
  });
  await client['highlights.create']({ documentId: other.id, start: 0, end: 30, tagIds: [parent.id] });
  const content = (text: string) =>
    JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  await client['notes.save']({ highlightId: h1.id, content: content('why this matters'), text: 'why this matters' });
  await client['notes.save']({ documentId: other.id, content: content('a document note'), text: 'a document note' });
  const collection = await client['collections.create']({ name: 'Istanbul' });
  await client['documents.update']({ id: other.id, patch: { collectionId: collection.id, notes: 'metadata notes' } });
  await client['memos.create']({ title: 'Findings', content: content('The talks went well.') });
  return { doc, other, collection };
}

test(
  'a worked project exports valid XML and a valid codebook; GUIDs are the same on every export',
  { skip: skipSchemas },
  async () => {
    const { client } = await startBackend();
    const { collection } = await workedProject(client);
    const first = await exportedProject(client);
    assert.equal(schemaErrors(first.qde, 'Project.xsd', tempDir()), '');
    assert.match(first.qde, /<Set guid="[^"]+" name="Istanbul"><MemberSource/);
    assert.match(first.qde, /<Note guid="[^"]+" name="Findings"><PlainTextContent>The talks went well\./);
    assert.match(first.qde, /<Description>Line one\nline "two"<\/Description>/);
    const second = await exportedProject(client);
    assert.equal(second.qde, first.qde, 'the same project exports the same GUIDs (and bytes)');
    const codebook = await client['exchange.exportCodebook']({});
    assert.match(codebook.fileName, /\.qdc$/);
    assert.equal(schemaErrors(Buffer.from(codebook.base64, 'base64'), 'Codebook.xsd', tempDir()), '');
    const only = await exportedProject(client, collection.id);
    assert.equal(schemaErrors(only.qde, 'Project.xsd', tempDir()), '');
    assert.equal([...only.qde.matchAll(/<TextSource /g)].length, 1, 'a collection exports its documents only');
  },
);

test('an empty project exports a valid .qdpx; an empty codebook is refused', { skip: skipSchemas }, async () => {
  const { client } = await startBackend({ seeds: false });
  const exported = await exportedProject(client);
  assert.equal(schemaErrors(exported.qde, 'Project.xsd', tempDir()), '');
  await assert.rejects(client['exchange.exportCodebook']({}), /no tags to export/);
});

test(
  'importing the same project twice makes copies with new GUIDs: an export never repeats a GUID',
  { skip: skipSchemas },
  async () => {
    const { client } = await startBackend({ seeds: false });
    const base64 = refiSample('nvivo-oltas-teszt.qdpx').toString('base64');
    await client['exchange.importProject']({ fileName: 'first.qdpx', base64 });
    const second = await client['exchange.importProject']({ fileName: 'second.qdpx', base64 });
    assert.match(second.warnings.join('\n'), /already in this project \(same GUID\); the new copies got new GUIDs/);
    assert.equal((await client['highlights.list']({})).length, 660);
    const exported = await exportedProject(client);
    assert.equal(schemaErrors(exported.qde, 'Project.xsd', tempDir()), '');
    const guids = [...exported.qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(guids).size, guids.length, 'every exported GUID is unique');
  },
);

test('a grouping code (isCodable="false") stays one through import and export, and is not offered for tagging', async () => {
  const backend = await startBackend({ seeds: false });
  try {
    const { client } = backend;
    const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const bytes = await makeQdpx({
      codes: [
        { guid: guid(1), name: 'Themes (grouping)', codable: false },
        { guid: guid(2), name: 'Visas' },
      ],
      sources: [{ guid: guid(3), name: 'Interview', text: 'Visas and ports.', selections: [] }],
    });
    const report = await client['exchange.importProject']({
      fileName: 'groups.qdpx',
      base64: bytes.toString('base64'),
    });
    assert.deepEqual(
      report.warnings.filter((w) => /codable/.test(w)),
      [],
      'nothing is lost, so nothing to warn about',
    );
    const tags = await client['tags.list']({});
    assert.equal(tags.find((t) => t.name === 'Themes (grouping)')?.codable, false);
    assert.equal(tags.find((t) => t.name === 'Visas')?.codable, true);
    const { qde } = await exportedProject(client);
    assert.match(qde, new RegExp(`<Code guid="${guid(1)}" name="Themes \\(grouping\\)" isCodable="false"`));
    assert.match(qde, new RegExp(`<Code guid="${guid(2)}" name="Visas" isCodable="true"`));
  } finally {
    backend.close();
  }
});
