// One extractor per file format: bytes in, canonical text (paragraphs separated by "\n\n") out. These run in an
// extraction worker (see pool.ts), each guarded by the limits in limits.ts before the expensive step.
import type { DocumentBlock, DocumentFormat, PageStart } from '../../shared/types.js';
import { plainTextHeadings, type StructuredText } from './blocks.js';
import { decodeText } from './decode.js';
import { ImportError } from './errors.js';
import { DEFAULT_IMPORT_LIMITS, describeCount, type ImportLimits } from './limits.js';
import { checkMarkdownDepth, checkMarkup } from './markup.js';
import { contentHash, extractTitle, normaliseText } from './text.js';
import { checkZipPackage, readZipEntry } from './zip.js';

export { ImportError } from './errors.js';
export { decodeText } from './decode.js';

export interface Extracted {
  text: string;
  title: string;
  outlet?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  pages?: PageStart[] | null;
  /** Headings, lists, tables… as spans over `text`; absent or empty for unstructured text. */
  blocks?: DocumentBlock[];
  warnings?: string[];
}

export interface ExtractedFile extends Extracted {
  format: DocumentFormat;
  contentHash: string;
}

export type Extractor = (bytes: Buffer, fileName: string, limits: ImportLimits) => Promise<Extracted>;

/** Above this many elements Readability's article detection costs more than it is worth: the body is used. */
const READABILITY_MAX_ELEMENTS = 5_000;

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

export function formatOf(fileName: string): DocumentFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext ? FORMAT_BY_EXTENSION[ext] : undefined;
}

export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || fileName;
}

export function textTooLong(fileName: string, maxChars: number): ImportError {
  return new ImportError(`${fileName}: its text is longer than the limit of ${describeCount(maxChars)} characters.`);
}

export const extractPlainText: Extractor = async (bytes, fileName) => {
  const raw = decodeText(bytes, fileName);
  const text = normaliseText(raw);
  return { text, blocks: plainTextHeadings(text), title: extractTitle(raw, baseName(fileName)) };
};

export const extractMarkdown: Extractor = async (bytes, fileName, limits) => {
  const raw = decodeText(bytes, fileName);
  checkMarkdownDepth(raw, fileName, limits.maxNestingDepth);
  const { marked } = await import('marked');
  const html = await marked.parse(raw, { gfm: true });
  const { text, blocks } = await htmlToStructured(html, fileName, limits);
  return { text, blocks, title: firstHeading(text, blocks, 1) ?? extractTitle(text, baseName(fileName)) };
};

export const extractHtmlFile: Extractor = async (bytes, fileName, limits) => {
  const raw = decodeText(bytes, fileName);
  const shape = checkMarkup(raw, fileName, limits);
  const { extractHtml } = await import('./html.js');
  return extractHtml(raw, fileName, { findArticle: shape.elements <= READABILITY_MAX_ELEMENTS });
};

export const extractDocx: Extractor = async (bytes, fileName, limits) => {
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
    throw new ImportError(`${fileName} is not a Word .docx file (it is not a ZIP package).`);
  }
  checkZipPackage(bytes, fileName, limits);
  const mammoth = await import('mammoth');
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: DOCX_STYLE_MAP });
  } catch (error) {
    throw new ImportError(`${fileName} could not be read as a Word document (${(error as Error).message}).`);
  }
  const { text, blocks } = await htmlToStructured(result.value, fileName, limits);
  const title =
    coreTitle(bytes, fileName) ??
    titleStyleParagraph(result.value) ??
    firstHeading(text, blocks, 1) ??
    extractTitle(text, baseName(fileName));
  return { text, blocks, title };
};

/** Word's Title and Subtitle styles, which mammoth would otherwise read as ordinary paragraphs. */
const DOCX_STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => h2.subtitle:fresh"];
const MAX_CORE_XML_BYTES = 256 * 1024;

/** The title in the document's properties (docProps/core.xml dc:title), when Word has one. */
function coreTitle(bytes: Buffer, fileName: string): string | null {
  const xml = readZipEntry(bytes, fileName, 'docProps/core.xml', MAX_CORE_XML_BYTES)?.toString('utf8') ?? '';
  const title = /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(xml)?.[1];
  return title ? decodeHtmlEntities(title).replace(/\s+/g, ' ').trim() || null : null;
}

function titleStyleParagraph(html: string): string | null {
  const inner = /<h1 class="title">(.*?)<\/h1>/s.exec(html)?.[1];
  return inner
    ? decodeHtmlEntities(inner.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim() || null
    : null;
}

/** The text of the first heading of a level, if the structure has one. */
function firstHeading(text: string, blocks: DocumentBlock[], level: number): string | null {
  const heading = blocks.find((b) => b.kind === 'heading' && b.level === level);
  return heading ? text.slice(heading.start, heading.end) : null;
}

export const extractPdfFile: Extractor = async (bytes, fileName, limits) => {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new ImportError(`${fileName} is not a PDF file (it does not start with %PDF-).`);
  }
  const { extractPdf } = await import('./pdf.js');
  return extractPdf(bytes, fileName, limits);
};

export const extractors: Record<DocumentFormat, Extractor> = {
  txt: extractPlainText,
  md: extractMarkdown,
  html: extractHtmlFile,
  docx: extractDocx,
  pdf: extractPdfFile,
};

/** Reads one file completely: its text, metadata and content hash, or an ImportError saying why not. */
export async function extractFile(
  fileName: string,
  bytes: Buffer,
  limits = DEFAULT_IMPORT_LIMITS,
): Promise<ExtractedFile> {
  const format = formatOf(fileName);
  if (!format) throw new ImportError(`${fileName}: this kind of file is not supported.`);
  const extracted = await extractors[format](bytes, fileName, limits);
  if (extracted.text.length > limits.maxTextChars) {
    throw textTooLong(fileName, limits.maxTextChars);
  }
  // Titles come from markup and metadata, where "AT&amp;T" is how "AT&T" is written.
  const title = decodeHtmlEntities(extracted.title);
  return { ...extracted, title, format, contentHash: contentHash(extracted.text) };
}

async function htmlToStructured(html: string, fileName: string, limits: ImportLimits): Promise<StructuredText> {
  checkMarkup(html, fileName, limits);
  const { htmlToStructuredText } = await import('./html.js');
  return htmlToStructuredText(html);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of an HTML fragment's character references (mammoth escapes &, <, > and " in what it writes). */
export function decodeHtmlEntities(html: string): string {
  return html.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}
