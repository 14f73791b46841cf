// HTML import: Readability (Firefox Reader View's extractor) finds the article, DOMPurify removes anything
// active, and the result becomes paragraphs with their structure beside them (htmlStructure.ts). Gloss stores
// text and spans only, never markup, so nothing imported can ever run.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { StructuredText } from './blocks.js';
import { readStructure } from './htmlStructure.js';
import { extractTitle } from './text.js';
import type { Extracted } from './extractors.js';

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

/** Structured text of untrusted HTML, one paragraph per block element: sanitised straight into a DOM, parsed once. */
export function htmlToStructuredText(html: string): StructuredText {
  const { window } = inertDom('');
  const body = purifier(window).sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true });
  return readStructure(body, window);
}

/** Sanitises a parsed page's body where it is (no serialising and re-parsing), then reads its text. */
function bodyToStructuredText(dom: JSDOM): StructuredText {
  const body = dom.window.document.body;
  if (!body) return { text: '', blocks: [] };
  purifier(dom.window).sanitize(body, { ...PURIFY_CONFIG, IN_PLACE: true });
  return readStructure(body, dom.window);
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
  const outlet = article?.siteName?.trim() || meta('meta[property="og:site_name"]');
  const author = article?.byline?.trim() || meta('meta[name="author"]');
  const found = {
    title: (article?.title || doc.title || '').trim(),
    outlet,
    // Pages often name the outlet as the byline too ("BBC News · BBC News"): an author is someone else.
    author: author && outlet && sameName(author, outlet) ? null : author,
    publishedAt: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null,
    url: safeUrl(meta('meta[property="og:url"]') ?? canonical),
  };
  const { text, blocks } = article?.content ? htmlToStructuredText(article.content) : bodyToStructuredText(dom);
  return { ...found, text, blocks, title: found.title || extractTitle(text, fileName.replace(/\.[^.]+$/, '')) };
}

function sameName(a: string, b: string): boolean {
  const plain = (s: string) =>
    s
      .replace(/^by\s+/i, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return plain(a) === plain(b);
}

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url.slice(0, 2000) : null;
}
