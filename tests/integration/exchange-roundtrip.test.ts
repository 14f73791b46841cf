// Round trip: a foreign .qdpx (BOM, CRLF, code point positions) → Gloss → .qdpx → Gloss keeps documents, passages
// (offsets and quotes), tags, coders, notes and attributes, and the second export keeps every GUID of the first.
// fast-check generates the texts: emoji (with ZWJ sequences), other astral characters, combining marks, CRLF, RTL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { GlossClient } from '../../shared/api.js';
import { startBackend } from '../support/backend.js';
import { codePointSlice, makeQdpx, type SampleSource } from '../support/refiQda.js';

const PIECES = [
  'word',
  'Ünïcödé',
  ' ',
  ' ',
  '. ',
  '\r\n',
  '\r\n\r\n',
  '😀',
  '👩‍👩‍👧',
  '𠀋𠀌',
  '𝔘𝔫𝔦',
  'e\u0301',
  'a\u0308\u0323',
  'שלום',
  'مرحبا بك',
  '\u200f',
  '—',
  '"quoted"',
  '🇭🇺',
  'x',
];

const textArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 3, maxLength: 40 })
  .map((pieces) => `Start ${pieces.join('')} end`);

/** Code point ranges that do not split a CRLF (no tool selects half a line break). */
function selectionsArb(text: string) {
  const chars = Array.from(text);
  const ok = (i: number) => !(chars[i - 1] === '\r' && chars[i] === '\n');
  const range = fc
    .tuple(fc.nat(chars.length - 1), fc.nat(chars.length - 1))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 1] as const)
    .filter(([s, e]) => ok(s) && ok(e));
  return fc.array(range, { minLength: 1, maxLength: 6 });
}

const projectArb = fc
  .array(textArb, { minLength: 1, maxLength: 3 })
  .chain((texts) => fc.tuple(fc.constant(texts), fc.tuple(...texts.map(selectionsArb))));

const guid = (kind: number, n: number) =>
  `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

function foreignProject(texts: string[], ranges: (readonly [number, number])[][]): SampleSource[] {
  return texts.map((text, d) => ({
    guid: guid(1, d),
    name: `Source ${d} 😀`,
    text,
    attributes: [{ variableGuid: guid(9, 0), value: `value ${d} שלום` }],
    selections: ranges[d].map(([start, end], i) => ({
      guid: guid(2, d * 100 + i),
      start,
      end,
      codeGuid: guid(3, i % 2),
      userGuid: guid(4, i % 2),
      noteGuid: i === 0 ? guid(5, d) : undefined,
    })),
  }));
}

async function snapshot(client: GlossClient) {
  const documents = await client['documents.list']({});
  const tags = await client['tags.list']({});
  const tagName = new Map(tags.map((t) => [t.id, t.name]));
  const coders = new Map((await client['coders.list']({})).map((c) => [c.id, c.name]));
  const notes = await client['notes.list']({});
  return Promise.all(
    documents.map(async (d) => {
      const full = await client['documents.get']({ id: d.id });
      const highlights = await client['highlights.list']({ documentId: d.id });
      return {
        title: d.title,
        text: full.text,
        passages: highlights.map((h) => ({
          start: h.start,
          end: h.end,
          exact: h.exact,
          coder: coders.get(h.coderId!),
          tags: h.tagIds.map((t) => tagName.get(t)),
          note: notes.find((n) => n.highlightId === h.id)?.text ?? null,
        })),
      };
    }),
  ).then((docs) => ({ docs, tags: tags.map((t) => [t.name, t.color, t.parentId === null]) }));
}

async function exportBase64(client: GlossClient) {
  return (await client['exchange.exportProject']({})).base64;
}

const guidsIn = async (base64: string) => {
  const { default: JSZip } = await import('jszip');
  const qde = await (await JSZip.loadAsync(Buffer.from(base64, 'base64'))).file('project.qde')!.async('string');
  return [...qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]).sort();
};

async function roundTrip(texts: string[], ranges: (readonly [number, number])[][]): Promise<void> {
  const bytes = await makeQdpx({
    sources: foreignProject(texts, ranges),
    users: [
      { guid: guid(4, 0), name: 'Ana' },
      { guid: guid(4, 1), name: 'Bea' },
    ],
    codes: [
      { guid: guid(3, 0), name: 'First', color: '#336699' },
      { guid: guid(3, 1), name: 'Second' },
    ],
    variables: [{ guid: guid(9, 0), name: 'Region', type: 'Text' }],
    notes: texts.map((_, d) => ({ guid: guid(5, d), name: `Note ${d}`, text: `A note 😀\nwith two lines ${d}` })),
  });
  const a = await startBackend({ seeds: false });
  const b = await startBackend({ seeds: false });
  try {
    const report = await a.client['exchange.importProject']({ fileName: 'in.qdpx', base64: bytes.toString('base64') });
    assert.equal(report.quoteMismatches, 0);
    const imported = await snapshot(a.client);
    imported.docs.forEach((doc, d) => {
      const expected = ranges[d].map(([s, e]) => codePointSlice(texts[d], s, e).replace(/\r\n/g, '\n'));
      assert.deepEqual(doc.passages.map((p) => p.exact).sort(), expected.sort());
      assert.equal(doc.text, texts[d].replace(/\r\n/g, '\n'));
    });
    const first = await exportBase64(a.client);
    await b.client['exchange.importProject']({ fileName: 'out.qdpx', base64: first });
    assert.deepEqual(await snapshot(b.client), imported);
    assert.deepEqual(await guidsIn(await exportBase64(b.client)), await guidsIn(first), 'import → export keeps GUIDs');
  } finally {
    a.close();
    b.close();
  }
}

test('generated projects survive foreign → Gloss → .qdpx → Gloss unchanged', async () => {
  const property = fc.asyncProperty(projectArb, ([texts, ranges]) => roundTrip(texts, ranges));
  const result = await fc.check(property, { numRuns: 25 });
  const error = result.errorInstance as Error | null;
  assert.ok(!result.failed, `${JSON.stringify(result.counterexample)}\n${error?.stack ?? ''}`);
});

/** UTF-16 ranges of a Gloss document that do not split a surrogate pair and hold some text. */
function glossRangesArb(text: string) {
  const splits = (i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '') && /[\uD800-\uDBFF]/.test(text[i - 1] ?? '');
  const range = fc
    .tuple(fc.nat(text.length - 1), fc.nat(text.length - 1))
    .map(([x, y]) => [Math.min(x, y), Math.max(x, y) + 1] as const)
    .filter(([s, e]) => !splits(s) && !splits(e) && text.slice(s, e).trim() !== '');
  return fc.array(range, { minLength: 1, maxLength: 5 });
}

async function glossRoundTrip(texts: string[], pick: (text: string) => fc.Arbitrary<(readonly [number, number])[]>) {
  const a = await startBackend({ seeds: false });
  const b = await startBackend({ seeds: false });
  try {
    const tag = await a.client['tags.create']({ name: 'Theme 😀', description: 'RTL שלום', color: '#0a0b0c' });
    for (const [i, text] of texts.entries()) {
      const base64 = Buffer.from(text).toString('base64');
      const { document } = await a.client['documents.import']({
        fileName: `doc${i}.txt`,
        base64,
        allowDuplicate: true,
      });
      const stored = (await a.client['documents.get']({ id: document!.id })).text;
      for (const [start, end] of fc.sample(pick(stored), 1)[0]) {
        const h = await a.client['highlights.create']({ documentId: document!.id, start, end, tagIds: [tag.id] });
        const text = `Why 😀 this\nmatters (${h.id})`;
        await a.client['notes.save']({ highlightId: h.id, content: JSON.stringify({ type: 'doc' }), text });
      }
    }
    const before = await snapshot(a.client);
    await b.client['exchange.importProject']({ fileName: 'gloss.qdpx', base64: await exportBase64(a.client) });
    assert.deepEqual(await snapshot(b.client), before);
  } finally {
    a.close();
    b.close();
  }
}

test('Gloss projects survive Gloss → .qdpx → Gloss: offsets, quotes, tags, coders, notes', async () => {
  const property = fc.asyncProperty(fc.array(textArb, { minLength: 1, maxLength: 2 }), (texts) =>
    glossRoundTrip(texts, glossRangesArb),
  );
  const result = await fc.check(property, { numRuns: 20 });
  const error = result.errorInstance as Error | null;
  assert.ok(!result.failed, `${JSON.stringify(result.counterexample)}\n${error?.stack ?? ''}`);
});
