// A quick pass over HTML before any DOM is built: counts elements and estimates how deep they nest, so a page
// of 20,000 nested <div>s or 200,000 paragraphs is refused in milliseconds instead of exhausting the parser.
import { ImportError } from './errors.js';
import { describeCount, type ImportLimits } from './limits.js';

export interface MarkupShape {
  elements: number;
  depth: number;
}

const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'frame',
  'basefont',
  'bgsound',
]);
/** Elements whose end tag may be left out: the parser closes them, so they do not deepen the tree. */
const SELF_CLOSING_IN_PRACTICE = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'plaintext']);

type ShapeLimits = Pick<ImportLimits, 'maxNestingDepth' | 'maxHtmlElements'>;

/**
 * Throws an ImportError naming the file and the limit when the markup is too deep or too large. A linear scan
 * with indexOf (a regular expression over tags backtracks quadratically on "<a <a <a ..." without a ">").
 */
export function checkMarkup(html: string, fileName: string, limits: ShapeLimits): MarkupShape {
  const shape = { elements: 0, depth: 0 };
  let open = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<!--', at)) {
      at = html.indexOf('-->', at + 4);
      if (at === -1) break;
      continue;
    }
    TAG_START.lastIndex = at;
    const tag = TAG_START.exec(html);
    if (!tag) continue;
    const close = html.indexOf('>', TAG_START.lastIndex);
    if (close === -1) break;
    const [, closing, rawName] = tag;
    const name = rawName.toLowerCase();
    at = close;
    if (closing) {
      if (!VOID.has(name) && !SELF_CLOSING_IN_PRACTICE.has(name)) open = Math.max(0, open - 1);
      continue;
    }
    if (++shape.elements > limits.maxHtmlElements) {
      const limit = describeCount(limits.maxHtmlElements);
      throw new ImportError(`${fileName}: the page has more than the ${limit}-element limit.`);
    }
    if (RAW_TEXT.has(name)) {
      at = skipRawText(html, name, close + 1) - 1;
      continue;
    }
    if (html[close - 1] === '/' || VOID.has(name) || SELF_CLOSING_IN_PRACTICE.has(name)) continue;
    shape.depth = Math.max(shape.depth, ++open);
    if (open > limits.maxNestingDepth) throw tooDeep(fileName, limits.maxNestingDepth);
  }
  return shape;
}

function skipRawText(html: string, name: string, from: number): number {
  const end = new RegExp(`</${name}`, 'ig');
  end.lastIndex = from;
  return end.exec(html)?.index ?? html.length;
}

export function tooDeep(fileName: string, maxDepth: number): ImportError {
  return new ImportError(`${fileName}: the document nests deeper than the ${describeCount(maxDepth)}-level limit.`);
}

/** The deepest a Markdown file nests quotes and lists, from each line's leading markers. */
export function checkMarkdownDepth(markdown: string, fileName: string, maxDepth: number): void {
  const prefix = /^[ \t>]*/gm;
  for (let match = prefix.exec(markdown); match; match = prefix.exec(markdown)) {
    if (match[0].length > maxDepth && markdownDepth(match[0]) > maxDepth) throw tooDeep(fileName, maxDepth);
    if (match[0].length === 0) prefix.lastIndex++;
  }
}

function markdownDepth(linePrefix: string): number {
  let depth = 0;
  for (const ch of linePrefix.replace(/ {2}/g, '\t')) if (ch !== ' ') depth++;
  return depth;
}
