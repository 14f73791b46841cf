// HTML import: Readability (Firefox Reader View's extractor) finds the article, DOMPurify removes anything
// active, and the result becomes plain paragraphs. Gloss stores text only, so nothing imported can ever run.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { extractTitle, normaliseText } from './text.js';
import type { Extracted } from './extractors.js';

const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'DT',
  'DD',
  'FIGCAPTION',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'TABLE',
  'UL',
  'OL',
  'BR',
  'HR',
  'ADDRESS',
]);

/** A DOM for untrusted HTML: no scripts run, no resources load. */
function inertDom(html: string, url?: string): JSDOM {
  return new JSDOM(html, {
    url: url ?? 'about:blank',
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
  });
}

const PURIFY_CONFIG = {
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'template',
    'svg',
    'math',
  ],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
};

type DomWindow = JSDOM['window'];

function purifier(window: DomWindow) {
  return createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
}

/** Plain text of untrusted HTML, one paragraph per block element: sanitised straight into a DOM, parsed once. */
export function htmlToText(html: string): string {
  const { window } = inertDom('');
  const body = purifier(window).sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true });
  return domToText(body, window);
}

/** Sanitises a parsed page's body where it is (no serialising and re-parsing), then reads its text. */
function bodyToText(dom: JSDOM): string {
  const body = dom.window.document.body;
  if (!body) return '';
  purifier(dom.window).sanitize(body, { ...PURIFY_CONFIG, IN_PLACE: true });
  return domToText(body, dom.window);
}

function domToText(root: Node, window: DomWindow): string {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === window.Node.TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== window.Node.ELEMENT_NODE) return;
    const block = BLOCKS.has((node as Element).tagName);
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return normaliseText(parts.join('\n\n'));
}

/** findArticle: run Readability to find the article (skipped for very large pages, where the body is used). */
export function extractHtml(raw: string, fileName: string, options: { findArticle?: boolean } = {}): Extracted {
  const dom = inertDom(raw);
  const doc = dom.window.document;
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const article =
    options.findArticle === false
      ? null
      : new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
  const published = meta('meta[property="article:published_time"]') ?? article?.publishedTime ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const found = {
    title: (article?.title || doc.title || '').trim(),
    outlet: article?.siteName?.trim() || meta('meta[property="og:site_name"]'),
    author: article?.byline?.trim() || meta('meta[name="author"]'),
    publishedAt: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null,
    url: safeUrl(meta('meta[property="og:url"]') ?? canonical),
  };
  const text = article?.content ? htmlToText(article.content) : bodyToText(dom);
  return { ...found, text, title: found.title || extractTitle(text, fileName.replace(/\.[^.]+$/, '')) };
}

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url.slice(0, 2000) : null;
}
