// Two coders on the seed documents: who codes, agreement at character and segment level worked out by hand from the
// passages' lengths, the disagreement queue, settling it (recorded, undoable), drafting the decisions, exports.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { GlossClient } from '../../shared/api.js';
import type { AgreementRow } from '../../shared/types.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
let c: GlossClient;
let documentId: number;
let length: number;
let other: number;
const tag: Record<string, number> = {};
let ann: number;
let bea: number;

const mark = (start: number, end: number, tagIds: number[], id = documentId) =>
  c['highlights.create']({ documentId: id, start, end, tagIds });

before(async () => {
  backend = await startBackend();
  c = backend.client;
  const docs = await c['documents.list']({});
  const [first, second] = docs.sort((x, y) => x.id - y.id);
  documentId = first!.id;
  other = second!.id;
  length = (await c['documents.get']({ id: documentId })).text.length;
  assert.ok(length > 1000, 'the first seed is long enough for the passages below');
  tag.visas = (await c['tags.create']({ name: 'Visas' })).id;
  tag.staff = (await c['tags.create']({ name: 'Staffing' })).id;
  tag.unused = (await c['tags.create']({ name: 'Unused' })).id;

  // Ann is the default coder (the first passage creates her), then she adds Bea and codes as her.
  await mark(100, 150, [tag.visas]);
  await mark(200, 260, [tag.staff]);
  await mark(10, 40, [tag.visas], other); // a document only Ann coded: not compared
  ann = (await c['coders.list']({})).find((x) => x.isDefault)!.id;
  await c['coders.rename']({ id: ann, name: 'Ann' });
  bea = (await c['coders.create']({ name: 'Bea' })).id;
  await c['coders.setCurrent']({ id: bea });
  await mark(100, 150, [tag.visas]);
  await mark(210, 260, [tag.staff]); // overlap 50 of 60 characters: 0.83
  await mark(300, 340, [tag.visas]); // only Bea
});
after(() => backend.close());

const byName = (rows: AgreementRow[], name: string) => rows.find((r) => r.tagName === name)!;
const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

/** Cohen's kappa of a 2×2 table (both, only A, only B, neither), written out. */
function kappa2x2(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  const po = (both + neither) / n;
  const pe = ((both + onlyA) / n) * ((both + onlyB) / n) + ((neither + onlyB) / n) * ((neither + onlyA) / n);
  return (po - pe) / (1 - pe);
}

test('the current coder is kept in the project, new passages are theirs, and switching is undoable', async () => {
  const coders = await c['coders.list']({});
  assert.deepEqual(
    coders.map((x) => [x.name, x.isDefault]),
    [
      ['Ann', false],
      ['Bea', true],
    ],
  );
  const hl = await c['highlights.list']({ documentId });
  assert.equal(hl.find((h) => h.start === 300)!.coderId, bea);
  assert.equal(hl.find((h) => h.start === 200)!.coderId, ann);
  await assert.rejects(c['coders.create']({ name: 'bea' }), /already a coder called/);
  await c['coders.setCurrent']({ id: ann });
  assert.equal((await c['coders.list']({})).find((x) => x.isDefault)!.id, ann);
  await c['history.undo']({});
  assert.equal((await c['coders.list']({})).find((x) => x.isDefault)!.id, bea);
});

test('character level: every character of the compared document is a unit, per tag and pooled', async () => {
  const report = await c['agreement.compute']({ level: 'character', tagIds: [tag.visas, tag.staff] });
  assert.equal(report.documents, 1, 'the document only Ann coded is left out');
  assert.deepEqual(
    report.coders.map((x) => x.name),
    ['Ann', 'Bea'],
  );
  const visas = byName(report.rows, 'Visas');
  assert.equal(visas.units, length);
  close(visas.percent, (length - 40) / length, 'Visas percent');
  close(visas.kappa, kappa2x2(50, 0, 40, length - 90), 'Visas kappa');
  assert.deepEqual(visas.passages, [1, 2]);
  const staff = byName(report.rows, 'Staffing');
  close(staff.percent, (length - 10) / length, 'Staffing percent');
  close(staff.kappa, kappa2x2(50, 10, 0, length - 60), 'Staffing kappa');
  const all = report.rows.at(-1)!;
  assert.equal(all.tagId, null);
  assert.equal(all.units, 2 * length);
  close(all.kappa, kappa2x2(100, 10, 40, 2 * length - 150), 'pooled kappa');
  assert.ok(all.alpha !== null && Math.abs(all.alpha - all.kappa!) < 0.01, 'alpha is close to kappa for 2 coders');
});

test('character level ignoring text nobody coded: only the 150 characters someone coded count', async () => {
  const report = await c['agreement.compute']({
    level: 'character',
    tagIds: [tag.visas, tag.staff],
    ignoreUncoded: true,
  });
  const visas = byName(report.rows, 'Visas');
  assert.equal(visas.units, 150); // [100,150) + [200,260) + [300,340)
  close(visas.percent, 110 / 150, 'Visas percent');
  close(visas.kappa, kappa2x2(50, 0, 40, 60), 'Visas kappa');
  close(byName(report.rows, 'Staffing').kappa, kappa2x2(50, 10, 0, 90), 'Staffing kappa');
});

test('segment level: passages agree when they overlap by the threshold', async () => {
  const at80 = await c['agreement.compute']({ level: 'segment', tagIds: [tag.visas, tag.staff], threshold: 0.8 });
  // Three clusters: [100,150) both Visas; [200,260) both Staffing (0.83); [300,340) Bea's Visas only.
  close(byName(at80.rows, 'Visas').percent, 2 / 3, 'Visas');
  close(byName(at80.rows, 'Staffing').percent, 1, 'Staffing');
  close(at80.rows.at(-1)!.percent, 5 / 6, 'pooled');
  const at90 = await c['agreement.compute']({ level: 'segment', tagIds: [tag.visas, tag.staff], threshold: 0.9 });
  // The Staffing passages no longer match: two units, each coded by one coder.
  close(byName(at90.rows, 'Staffing').percent, 2 / 4, 'Staffing at 0.9');
  assert.equal(byName(at90.rows, 'Staffing').units, 4);
});

test('Krippendorff alpha with three coders, one of whom skipped the document', async () => {
  const cara = (await c['coders.create']({ name: 'Cara' })).id;
  const report = await c['agreement.compute']({ level: 'segment', coderIds: [ann, bea, cara], tagIds: [tag.visas] });
  assert.equal(report.rows.length, 2);
  assert.equal(byName(report.rows, 'Visas').kappa, null, 'kappa is for two coders');
  assert.notEqual(byName(report.rows, 'Visas').alpha, null);
  await c['history.undo']({});
});

test('bad requests name the field', async () => {
  await assert.rejects(c['agreement.compute']({ level: 'character', coderIds: [ann] }), /at least two coders/);
  await assert.rejects(c['agreement.compute']({ level: 'segment', threshold: 2 }), /threshold/);
  await assert.rejects(c['agreement.queue']({ coderA: ann, coderB: ann }), /two different coders/);
  await assert.rejects(c['agreement.compute']({ level: 'character', coderIds: [ann, 9999] }), /coder 9999/);
});

test('the queue lists where the coders differ; settling is recorded, undoable and drafts into a memo', async () => {
  const tagIds = [tag.visas, tag.staff];
  const queue = await c['agreement.queue']({ coderA: ann, coderB: bea, tagIds, threshold: 0.9 });
  assert.deepEqual(
    queue.items.map((i) => [i.kind, i.start, i.end]),
    [
      ['boundaries', 200, 260],
      ['only-b', 300, 340],
    ],
  );
  const full = await c['documents.get']({ id: documentId });
  assert.equal(queue.items[1]!.text, full.text.slice(300, 340));
  assert.equal(queue.items[0]!.a[0]!.start, 200);
  assert.equal(queue.items[0]!.b[0]!.start, 210);

  const merged = await c['agreement.settle']({
    coderA: ann,
    coderB: bea,
    documentId,
    start: 200,
    end: 260,
    tagIds,
    choice: 'merged',
    merged: { start: 205, end: 260 },
    reason: 'The sentence starts at 205',
    threshold: 0.9,
  });
  assert.equal(merged.decidedByName, 'Bea');
  assert.equal(merged.reason, 'The sentence starts at 205');
  assert.deepEqual(merged.result, [{ start: 205, end: 260, tagIds: [tag.staff] }]);
  const after1 = await c['agreement.queue']({ coderA: ann, coderB: bea, tagIds, threshold: 0.9 });
  assert.deepEqual(
    after1.items.map((i) => i.kind),
    ['only-b'],
  );
  assert.equal(after1.decisions.length, 1);
  const staffPassages = (await c['highlights.list']({ documentId })).filter((h) => h.tagIds.includes(tag.staff));
  assert.deepEqual(
    staffPassages.map((h) => [h.start, h.end, h.coderId]).sort(),
    [
      [205, 260, ann],
      [205, 260, bea],
    ].sort(),
  );

  await c['history.undo']({});
  const undone = await c['agreement.queue']({ coderA: ann, coderB: bea, tagIds, threshold: 0.9 });
  assert.equal(undone.items.length, 2);
  assert.equal(undone.decisions.length, 0);
  await c['history.redo']({});

  await c['agreement.settle']({ coderA: ann, coderB: bea, documentId, start: 300, end: 340, tagIds, choice: 'b' });
  const settled = await c['agreement.queue']({ coderA: ann, coderB: bea, tagIds, threshold: 0.9 });
  assert.equal(settled.items.length, 0);
  const annPassage = (await c['highlights.list']({ documentId })).find((h) => h.start === 300 && h.coderId === ann);
  assert.ok(annPassage, "Ann now has Bea's passage");
  await assert.rejects(
    c['agreement.settle']({ coderA: ann, coderB: bea, documentId, start: 300, end: 340, tagIds, choice: 'a' }),
    /already agree/,
  );

  const memo = await c['agreement.draftMemo']({ coderA: ann, coderB: bea, title: 'Coding review' });
  const json = JSON.stringify(JSON.parse(memo.content));
  assert.match(json, /Settled disagreements: Ann and Bea/);
  assert.match(json, /Why: The sentence starts at 205/);
  assert.match(json, /merged the two into one passage/);
  assert.match(json, new RegExp(`"highlightId":${annPassage.id}`));
});

test('the table exports as CSV and as an XLSX workbook', async () => {
  const csvFile = await c['agreement.export']({ level: 'character', tagIds: [tag.visas, tag.staff], format: 'csv' });
  const csv = Buffer.from(csvFile.base64, 'base64').toString('utf8');
  assert.match(
    csv,
    /^\uFEFF"tag","characters","percent agreement","Cohen's kappa","Krippendorff's alpha","passages: Ann","passages: Bea"/,
  );
  assert.match(csv, /\r\n"All chosen tags",/);
  const xlsx = await c['agreement.export']({ level: 'segment', tagIds: [tag.visas, tag.staff], format: 'xlsx' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Agreement')!;
  assert.equal(sheet.getCell('B1').value, 'passages');
  assert.equal(sheet.getCell('A2').value, 'Staffing');
  assert.equal(sheet.rowCount, 4);
});

test('switching coder sends both coders in the changes, so the renderer knows who is current', async () => {
  const dispatched = await backend.dispatch('coders.setCurrent', { id: ann });
  assert.ok(dispatched.ok);
  const coders = dispatched.changes?.coders?.upserted ?? [];
  assert.deepEqual(coders.map((x) => [x.name, x.isDefault]).sort(), [
    ['Ann', true],
    ['Bea', false],
  ]);
  await c['history.undo']({});
});

test('different tags on the same words: keeping both gives each coder both tags; neither removes the passages', async () => {
  const tagIds = [tag.visas, tag.staff];
  await mark(10, 40, [tag.staff], other); // Bea; Ann has Visas there
  const queue = await c['agreement.queue']({ coderA: ann, coderB: bea, tagIds, documentIds: [other] });
  assert.deepEqual(
    queue.items.map((i) => [i.kind, i.a[0]!.tagIds, i.b[0]!.tagIds]),
    [['tags', [tag.visas], [tag.staff]]],
  );
  const settle = (choice: 'both' | 'neither') =>
    c['agreement.settle']({ coderA: ann, coderB: bea, documentId: other, start: 10, end: 40, tagIds, choice });
  await settle('both');
  const passages = async () =>
    (await c['highlights.list']({ documentId: other })).map((h) => [h.coderId, h.start, h.end, [...h.tagIds].sort()]);
  const bothTags = [tag.visas, tag.staff].sort();
  assert.deepEqual(
    (await passages()).sort(),
    [
      [ann, 10, 40, bothTags],
      [bea, 10, 40, bothTags],
    ].sort(),
  );
  await c['history.undo']({});
  await settle('neither');
  assert.deepEqual(await passages(), [], 'bare passages without a note are removed');
  await c['history.undo']({});
  assert.equal((await passages()).length, 2);
});
