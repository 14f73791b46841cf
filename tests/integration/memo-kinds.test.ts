// Memos of every kind: about the project, a document, a tag or a passage; the Memos overview's search, filters and
// links; memo links in every export format; and undo over creating, and over deleting a memo's subject.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { createBackend } from '../../electron/backend.js';
import { createClient, type GlossClient } from '../../shared/api.js';
import type { Memo } from '../../shared/types.js';
import { seedsDir, tempDir } from '../support/temp.js';

let client: GlossClient;
let close: () => void;
let docId: number;
let docTitle: string;
let tagId: number;
let highlightId: number;

const body = (...content: unknown[]) => JSON.stringify({ type: 'doc', content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string) => ({ type: 'text', text: t });
const link = (memo: Memo) => ({ type: 'memoLink', attrs: { memoId: memo.id, title: 'old title' } });

before(async () => {
  const dataDir = tempDir();
  const backend = await createBackend({ dataDir, projectPath: path.join(dataDir, 'k.gloss'), seedsDir });
  client = createClient((op, args) => backend.dispatch(op, args));
  close = () => backend.close();
  const docs = await client['documents.list']({});
  const doc = await client['documents.get']({ id: docs[0].id });
  docId = doc.id;
  docTitle = doc.title;
  tagId = (await client['tags.create']({ name: 'Sanctions' })).id;
  highlightId = (await client['highlights.create']({ documentId: docId, start: 0, end: 40, tagIds: [tagId] })).id;
});

after(() => close());

test('a memo is about the project, a document, a tag or a passage, and the overview says which', async () => {
  const project = await client['memos.create']({ title: 'Overall argument' });
  const onDoc = await client['memos.create']({ title: 'On the report', documentId: docId });
  const onTag = await client['memos.create']({ title: 'What counts as sanctions', tagId });
  const onPassage = await client['memos.create']({ title: 'This opening line', highlightId });
  assert.deepEqual([project.documentId, project.tagId, project.highlightId], [null, null, null]);
  assert.equal(onDoc.documentId, docId);
  assert.equal(onTag.tagId, tagId);
  assert.equal(onPassage.highlightId, highlightId);

  const index = await client['memos.index']({});
  const kind = (id: number) => index.find((m) => m.id === id)!;
  assert.equal(kind(project.id).kind, 'project');
  assert.equal(kind(onDoc.id).kind, 'document');
  assert.equal(kind(onDoc.id).documentTitle, docTitle);
  assert.equal(kind(onTag.id).kind, 'tag');
  assert.equal(kind(onTag.id).tagName, 'Sanctions');
  assert.equal(kind(onPassage.id).kind, 'passage');
  // A passage memo is found under the passage's document and its tags.
  assert.deepEqual(
    kind(onPassage.id).documents.map((d) => d.id),
    [docId],
  );
  assert.deepEqual(kind(onPassage.id).tagIds, [tagId]);

  for (const id of [project.id, onDoc.id, onTag.id, onPassage.id]) await client['memos.delete']({ id });
});

test('a memo names one subject at most, and one that exists', async () => {
  await assert.rejects(client['memos.create']({ title: 'x', documentId: docId, tagId }), /at most one/);
  await assert.rejects(client['memos.create']({ title: 'x', tagId: 999_999 }), /no tag with id 999999/);
});

test('the overview searches memo text and lists links both ways', async () => {
  const target = await client['memos.create']({ title: 'Background on the embassies' });
  const source = await client['memos.create']({
    title: 'Argument',
    content: body(para(text('As argued in '), link(target), text(' the staffing dispute is older.'))),
  });
  const found = await client['memos.index']({ query: 'STAFFING dispute' });
  assert.deepEqual(
    found.map((m) => m.id),
    [source.id],
  );
  const all = await client['memos.index']({});
  const from = all.find((m) => m.id === source.id)!;
  const to = all.find((m) => m.id === target.id)!;
  assert.deepEqual(from.linksTo, [{ id: target.id, title: 'Background on the embassies' }]);
  assert.deepEqual(to.linkedFrom, [{ id: source.id, title: 'Argument' }]);
  await client['memos.delete']({ id: source.id });
  await client['memos.delete']({ id: target.id });
});

test('memo links are exported as the linked memo’s current title in every format', async () => {
  const target = await client['memos.create']({ title: 'Chronology' });
  const source = await client['memos.create']({
    title: 'Links',
    content: body(para(text('Compare '), link(target), text('.'))),
  });
  const md = Buffer.from((await client['export.memo']({ memoId: source.id, format: 'md' })).base64, 'base64');
  assert.match(md.toString(), /Compare \*see memo “Chronology”\*\./);
  const html = Buffer.from((await client['export.memo']({ memoId: source.id, format: 'html' })).base64, 'base64');
  assert.match(html.toString(), /Compare <cite class="memo-link">see memo “Chronology”<\/cite>\./);
  const docx = Buffer.from((await client['export.memo']({ memoId: source.id, format: 'docx' })).base64, 'base64');
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  assert.match(xml, /see memo “Chronology”/);
  await client['memos.delete']({ id: target.id });
  const after = Buffer.from((await client['export.memo']({ memoId: source.id, format: 'md' })).base64, 'base64');
  assert.match(after.toString(), /see memo “old title” \\\(deleted\\\)/);
  await client['memos.delete']({ id: source.id });
});

test('creating a memo about a tag is undoable, and deleting the tag keeps the memo and undo restores the link', async () => {
  const tag = await client['tags.create']({ name: 'Visas' });
  const memo = await client['memos.create']({ title: 'Visa memo', tagId: tag.id });
  await client['history.undo']({});
  await assert.rejects(client['memos.get']({ id: memo.id }), /memo/);
  await client['history.redo']({});
  assert.equal((await client['memos.get']({ id: memo.id })).tagId, tag.id);

  await client['tags.delete']({ id: tag.id, passages: 'untag' });
  const kept = await client['memos.get']({ id: memo.id });
  assert.equal(kept.tagId, null, 'the memo stays, about the project now');
  await client['history.undo']({});
  assert.equal((await client['memos.get']({ id: memo.id })).tagId, tag.id);
});
