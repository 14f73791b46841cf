// Recoding without the reader: a passage retagged from the theme view, tags merged with a preview of what moves
// and split by choosing passages; region highlights known as regions everywhere a passage is listed, and PDF
// passages carrying their page into the theme view. Every edit is one undoable step.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { GlossClient } from '../../shared/api.js';
import { figurePdf, statementPdf } from '../support/pdfFixtures.js';
import { solidPng } from '../support/png.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
let c: GlossClient;
let doc: { id: number; text: string };
before(async () => {
  backend = await startBackend();
  c = backend.client;
  const docs = await c['documents.list']({});
  doc = await c['documents.get']({ id: docs[0].id });
});
after(() => backend.close());

/** Highlights over successive words of the sample document, each with these tags. */
async function passages(tagSets: number[][]): Promise<number[]> {
  const ids: number[] = [];
  let from = 0;
  for (const tagIds of tagSets) {
    const start = doc.text.indexOf(' ', from) + 1;
    const end = doc.text.indexOf(' ', start + 10);
    ids.push((await c['highlights.create']({ documentId: doc.id, start, end, tagIds })).id);
    from = end + 20;
  }
  return ids;
}

const tagsOf = async (id: number) =>
  (await c['highlights.list']({ documentId: doc.id })).find((h) => h.id === id)!.tagIds;
const countOf = async (tagId: number) => (await c['tags.list']({})).find((t) => t.id === tagId)?.highlightCount;

test('merge preview counts what moves and what collapses; the merge does exactly that and undoes whole', async () => {
  const a = await c['tags.create']({ name: 'merge source' });
  const b = await c['tags.create']({ name: 'merge target' });
  const child = await c['tags.create']({ name: 'merge source child', parentId: a.id });
  // Three passages of A only, two of both (duplicates after the merge), one of B only.
  const ids = await passages([[a.id], [a.id], [a.id], [a.id, b.id], [b.id, a.id], [b.id]]);
  assert.deepEqual(await c['tags.mergePreview']({ sourceId: a.id, targetId: b.id }), {
    moving: 5,
    duplicates: 2,
    targetAfter: 6,
    subTags: 1,
  });
  await assert.rejects(c['tags.mergePreview']({ sourceId: a.id, targetId: a.id }), /into itself/);
  await assert.rejects(c['tags.mergePreview']({ sourceId: a.id, targetId: 999_999 }), /no tag with id 999999/);

  await c['tags.merge']({ sourceId: a.id, targetId: b.id });
  assert.equal(await countOf(b.id), 6);
  assert.equal(await countOf(a.id), undefined);
  // A passage that carried both keeps B once, at its position.
  assert.deepEqual(await tagsOf(ids[3]), [b.id]);
  assert.deepEqual(await tagsOf(ids[4]), [b.id]);
  assert.equal((await c['tags.list']({})).find((t) => t.id === child.id)!.parentId, b.id);

  await c['history.undo']({});
  assert.equal(await countOf(a.id), 5);
  assert.equal(await countOf(b.id), 3);
  assert.deepEqual(await tagsOf(ids[4]), [b.id, a.id]);
});

test('split: the chosen passages leave the tag for a new one beside it; undo brings them back', async () => {
  const parent = await c['tags.create']({ name: 'split parent' });
  const source = await c['tags.create']({ name: 'split source', parentId: parent.id });
  const other = await c['tags.create']({ name: 'split other' });
  const ids = await passages([[source.id], [source.id, other.id], [source.id], [other.id]]);

  const created = await c['tags.split']({ sourceId: source.id, name: 'split off', highlightIds: [ids[0], ids[1]] });
  assert.equal(created.parentId, parent.id);
  assert.equal(created.highlightCount, 2);
  assert.deepEqual(await tagsOf(ids[1]), [created.id, other.id]);
  assert.equal(await countOf(source.id), 1);
  assert.deepEqual(await tagsOf(ids[2]), [source.id]);

  await assert.rejects(
    c['tags.split']({ sourceId: source.id, name: 'Split Off', highlightIds: [ids[2]] }),
    /already exists/,
  );
  await assert.rejects(
    c['tags.split']({ sourceId: source.id, name: 'another', highlightIds: [ids[3]] }),
    /does not carry/,
  );
  await assert.rejects(c['tags.split']({ sourceId: source.id, name: 'another', highlightIds: [] }), /at least one/);
  assert.equal(await countOf(source.id), 1, 'a refused split writes nothing');

  await c['history.undo']({});
  assert.equal(await countOf(created.id), undefined);
  assert.equal(await countOf(source.id), 3);
  assert.deepEqual(await tagsOf(ids[1]), [source.id, other.id]);
  await c['history.redo']({});
  assert.equal(await countOf(created.id), 2);
});

test('recode in place: retag, add and remove a tag of a theme passage, each undoable', async () => {
  const from = await c['tags.create']({ name: 'recode from' });
  const to = await c['tags.create']({ name: 'recode to' });
  const [id] = await passages([[from.id]]);
  const theme = async (tagId: number) =>
    (await c['themes.passages']({ tagIds: [tagId], mode: 'or' })).flatMap((g) => g.passages.map((p) => p.highlight.id));
  await c['highlights.update']({ id, tagIds: [to.id] });
  assert.deepEqual(await theme(from.id), []);
  assert.deepEqual(await theme(to.id), [id]);
  await c['highlights.update']({ id, tagIds: [to.id, from.id] });
  assert.deepEqual(await tagsOf(id), [to.id, from.id]);
  await c['history.undo']({});
  await c['history.undo']({});
  assert.deepEqual(await tagsOf(id), [from.id]);
});

test('PDF passages carry their page into the theme view and retrieval; regions are marked and their images fetched by id', async () => {
  const statement = await statementPdf();
  const r = await c['documents.import']({ fileName: statement.name, base64: statement.bytes.toString('base64') });
  const pdf = await c['documents.get']({ id: r.document!.id });
  const [, second, third] = pdf.pages!;
  const tag = await c['tags.create']({ name: 'pdf theme' });
  const words = (from: number, to: number) => ({
    documentId: pdf.id,
    start: pdf.text.indexOf(' ', from) + 1,
    end: pdf.text.indexOf(' ', to),
    tagIds: [tag.id],
  });
  const across = await c['highlights.create'](words(third.offset - 40, third.offset + 30));
  const onTwo = await c['highlights.create'](words(second.offset + 5, second.offset + 50));

  const figure = await figurePdf();
  const f = await c['documents.import']({ fileName: figure.name, base64: figure.bytes.toString('base64') });
  const figureDoc = await c['documents.get']({ id: f.document!.id });
  const png = solidPng(40, 30, '#2e5c9e').toString('base64');
  const { x, y, width, height } = figure.chart;
  const region = await c['regions.create']({
    documentId: figureDoc.id,
    start: figureDoc.text.indexOf('Figure 1'),
    end: figureDoc.text.length,
    page: 1,
    firstX: x,
    firstY: y + height,
    secondX: x + width,
    secondY: y,
    imageBase64: png,
  });
  assert.equal(region.regionPage, 1);
  await c['highlights.update']({ id: region.id, tagIds: [tag.id] });
  assert.equal((await c['highlights.list']({ documentId: figureDoc.id }))[0].regionPage, 1);
  assert.equal(across.regionPage, undefined);

  const groups = await c['themes.passages']({ tagIds: [tag.id], mode: 'or' });
  const pages = new Map(groups.flatMap((g) => g.passages.map((p) => [p.highlight.id, [p.page, p.pageEnd]])));
  assert.deepEqual(pages.get(across.id), [2, 3]);
  assert.deepEqual(pages.get(onTwo.id), [2, 2]);
  assert.deepEqual(pages.get(region.id), [1, 1]);
  const plain = (await c['themes.passages']({ tagIds: [tag.id], mode: 'or' })).find((g) => g.document.id === doc.id);
  assert.equal(plain, undefined);

  const segments = await c['retrieval.segments']({ highlightIds: [across.id, region.id, onTwo.id] });
  assert.deepEqual(
    segments.map((s) => [s.page, s.pageEnd]),
    [
      [2, 3],
      [1, 1],
      [2, 2],
    ],
  );

  const images = await c['regions.get']({ highlightIds: [region.id, across.id, 999_999] });
  assert.equal(images.length, 1);
  assert.equal(images[0].imageBase64, png);
  assert.equal(images[0].page, 1);
});
