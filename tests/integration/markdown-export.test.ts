// Markdown export against a hostile corpus (tests/fixtures/hostile/markdown/): the export is rendered with a real
// Markdown renderer (marked) and may contain only a whitelist of elements and attributes, links only to
// http(s)/mailto, while every hostile string still shows up as text.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { memoToHtml } from '../../electron/export/html.js';
import { memoToMarkdown, safeHref } from '../../electron/export/markdown.js';
import { buildMemoModel } from '../../electron/export/model.js';
import type { JsonNode } from '../../electron/memo/draft.js';
import type { CitationSource } from '../../shared/types.js';
import { startBackend, type TestBackend } from '../support/backend.js';

const corpusDir = path.join(import.meta.dirname, '..', 'fixtures', 'hostile', 'markdown');
const corpus = JSON.parse(fs.readFileSync(path.join(corpusDir, 'corpus.json'), 'utf8')) as {
  texts: string[];
  hrefs: string[];
};

const ALLOWED: Record<string, string[]> = {
  p: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  em: [],
  del: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href'],
  hr: [],
  br: [],
};

/** Every element and attribute of the rendered HTML that is not on the whitelist. */
function violations(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false });
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!(tag in ALLOWED)) found.push(`<${tag}>`);
    for (const attr of element.attributes) {
      if (!(ALLOWED[tag] ?? []).includes(attr.name)) found.push(`<${tag} ${attr.name}>`);
      if (attr.name === 'href' && !/^(https?:|mailto:)/i.test(attr.value)) found.push(`<${tag} href="${attr.value}">`);
    }
  }
  return found;
}

function renderedText(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return squash(new JSDOM(`<body>${html}</body>`).window.document.body.textContent ?? '');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const text = (t: string, marks?: JsonNode['marks']): JsonNode => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
});
const para = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content });

function hostileSource(id: number, t: string): CitationSource {
  return {
    highlightId: id,
    exists: true,
    exact: t,
    start: 0,
    end: t.length,
    documentId: 1,
    documentTitle: t,
    outlet: t,
    author: t,
    publishedAt: t,
    url: null,
    page: null,
    pageEnd: null,
    region: null,
  };
}

/** Every place a piece of document text can land in a memo: headings, paragraphs, marks, lists, code, citations. */
function hostileMemo(t: string, i: number): JsonNode[] {
  return [
    { type: 'heading', attrs: { level: 2 }, content: [text(t)] },
    para(text(t)),
    para(
      text('before '),
      text(t, [{ type: 'bold' }, { type: 'italic' }]),
      { type: 'hardBreak' },
      text(t, [{ type: 'strike' }]),
    ),
    para(
      text(t, [{ type: 'code' }]),
      text(' and '),
      text(t, [{ type: 'code' }, { type: 'link', attrs: { href: 'https://ok.example' } }]),
    ),
    { type: 'codeBlock', attrs: { language: '"><script>alert(1)</script>' }, content: [text(t)] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [para(text(t)), para(text(t))] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para(text(t))] }] },
    { type: 'blockquote', content: [para(text(t)), { type: 'codeBlock', content: [text(t)] }] },
    { type: 'citation', attrs: { highlightId: 1000 + i, quote: t, documentTitle: t, outlet: t, publishedAt: t } },
  ];
}

test('every hostile string, wherever it lands in a memo, renders as text and nothing else', () => {
  for (const [i, t] of corpus.texts.entries()) {
    const content = JSON.stringify({ type: 'doc', content: hostileMemo(t, i) });
    const markdown = memoToMarkdown(buildMemoModel(t, content, [hostileSource(1000 + i, t)]));
    assert.deepEqual(violations(markdown), [], `${JSON.stringify(t)}\n--- export ---\n${markdown}`);
    const shown = renderedText(markdown);
    assert.ok(shown.includes(squash(t)), `the text itself is kept: ${JSON.stringify(t)}\n--- shown ---\n${shown}`);
  }
});

test('links keep only http(s) and mailto targets, percent-encoded so they cannot break out', () => {
  for (const href of corpus.hrefs) {
    const content = JSON.stringify({
      type: 'doc',
      content: [para(text('see this', [{ type: 'link', attrs: { href } }]))],
    });
    const markdown = memoToMarkdown(buildMemoModel('links', content, []));
    assert.deepEqual(violations(markdown), [], `${JSON.stringify(href)}\n${markdown}`);
    const links = new JSDOM(marked.parse(markdown, { async: false })).window.document.querySelectorAll('a');
    assert.ok(links.length <= 1, markdown);
    if (links.length === 1) assert.equal(links[0].textContent, 'see this');
    assert.match(renderedText(markdown), /see this/);
  }
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('https://ok.example/a b(c)'), 'https://ok.example/a%20b%28c%29');
});

test('code fences and spans are longer than any backtick run inside them', () => {
  const code = 'a ``` b\n````\n`````x';
  const content = JSON.stringify({
    type: 'doc',
    content: [{ type: 'codeBlock', content: [text(code)] }, para(text('``x`', [{ type: 'code' }]))],
  });
  const markdown = memoToMarkdown(buildMemoModel('code', content, []));
  const { document } = new JSDOM(marked.parse(markdown, { async: false })).window;
  assert.equal(document.querySelector('pre code')?.textContent, `${code}\n`);
  assert.equal(document.querySelector('p code')?.textContent, '``x`');
});

test('the HTML export of the same corpus has no script, no event handler and no unsafe link', () => {
  for (const [i, t] of corpus.texts.entries()) {
    const links = corpus.hrefs.map((href) => para(text(t, [{ type: 'link', attrs: { href } }])));
    const content = JSON.stringify({ type: 'doc', content: [...hostileMemo(t, i), ...links] });
    const html = memoToHtml(buildMemoModel(t, content, [hostileSource(1000 + i, t)]));
    const { document } = new JSDOM(html).window;
    assert.equal(
      document.querySelectorAll('script, iframe, img, svg, object, embed, style:not(head style)').length,
      0,
      t,
    );
    for (const element of document.querySelectorAll('*')) {
      for (const attr of element.attributes) {
        assert.ok(!/^on/i.test(attr.name), `${attr.name} on <${element.tagName}> for ${JSON.stringify(t)}`);
        if (attr.name === 'href') assert.match(attr.value, /^(https?:|mailto:|#)/i, JSON.stringify(t));
      }
    }
  }
});

let backend: TestBackend;
before(async () => {
  backend = await startBackend({ seeds: false });
});
after(() => backend.close());

test('a memo drafted only from a hostile imported file exports to Markdown that renders harmlessly', async () => {
  const { client } = backend;
  const bytes = fs.readFileSync(path.join(corpusDir, 'report.md'));
  const imported = await client['documents.import']({ fileName: 'report.md', base64: bytes.toString('base64') });
  assert.equal(imported.status, 'imported');
  const [doc] = await client['documents.list']({});
  await client['documents.update']({
    id: doc.id,
    patch: {
      outlet: '<img src=x onerror=alert("outlet")>',
      author: '[a](javascript:alert("author")) ```',
    },
  });
  const full = await client['documents.get']({ id: doc.id });
  const tag = await client['tags.create']({ name: '<script>alert("tag")</script>', description: '[d](javascript:x)' });
  for (const phrase of ['<img src=x onerror=alert(1)>', '[reference trick][evil]', '<div onclick="alert(4)">']) {
    const start = full.text.indexOf(phrase);
    if (start < 0) continue; // the importer may have dropped raw HTML; what it kept is still cited
    await client['highlights.create']({ documentId: doc.id, start, end: start + phrase.length, tagIds: [tag.id] });
  }
  await client['highlights.create']({
    documentId: doc.id,
    start: 0,
    end: Math.min(80, full.text.length),
    tagIds: [tag.id],
  });
  const memo = await client['memos.draftFromTags']({ title: full.title, tagIds: [tag.id] });
  const file = await client['export.memo']({ memoId: memo.id, format: 'md' });
  const markdown = Buffer.from(file.base64, 'base64').toString('utf8');
  assert.deepEqual(violations(markdown), [], markdown);
  assert.match(renderedText(markdown), /onerror=alert\("outlet"\)/, 'the outlet is shown as text');
});
