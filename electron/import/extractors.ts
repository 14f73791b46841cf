// One extractor per file format: bytes in, canonical text (paragraphs separated by "\n\n") out.
import type { DocumentFormat, PageStart } from '../../shared/types.js';
import { extractTitle, normaliseText } from './text.js';

export interface Extracted {
  text: string;
  title: string;
  outlet?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  pages?: PageStart[] | null;
  warnings?: string[];
}

export type Extractor = (bytes: Buffer, fileName: string) => Promise<Extracted>;

export class ImportError extends Error {}

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', pdf: 'pdf', docx: 'docx',
};

export function formatOf(fileName: string): DocumentFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext ? FORMAT_BY_EXTENSION[ext] : undefined;
}

/** Decodes UTF-8 text, refusing content that is clearly binary. */
export function decodeText(bytes: Buffer, fileName: string): string {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new ImportError(`${fileName} looks like a binary file (it contains NUL bytes), not text.`);
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    throw new ImportError(`${fileName} looks like a binary file, not text.`);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export const extractPlainText: Extractor = async (bytes, fileName) => {
  const raw = decodeText(bytes, fileName);
  const text = normaliseText(raw);
  return { text, title: extractTitle(raw, baseName(fileName)) };
};

export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || fileName;
}

export const extractMarkdown: Extractor = async (bytes, fileName) => {
  const raw = decodeText(bytes, fileName);
  const { marked } = await import('marked');
  const { htmlToText, sanitiseHtml } = await import('./html.js');
  const text = htmlToText(sanitiseHtml(await marked.parse(raw, { gfm: true })));
  const heading = /^#\s+(.+)$/m.exec(raw)?.[1]?.trim();
  return { text, title: heading ?? extractTitle(text, baseName(fileName)) };
};

export const extractHtmlFile: Extractor = async (bytes, fileName) => {
  const { extractHtml } = await import('./html.js');
  return extractHtml(decodeText(bytes, fileName), fileName);
};

export const extractDocx: Extractor = async (bytes, fileName) => {
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new ImportError(`${fileName} is not a Word .docx file (it is not a ZIP package).`);
  const mammoth = await import('mammoth');
  const { htmlToText, sanitiseHtml } = await import('./html.js');
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: bytes });
  } catch (error) {
    throw new ImportError(`${fileName} could not be read as a Word document (${(error as Error).message}).`);
  }
  const text = htmlToText(sanitiseHtml(result.value));
  const heading = /<h1[^>]*>(.*?)<\/h1>/s.exec(result.value)?.[1]?.replace(/<[^>]+>/g, '').trim();
  return { text, title: heading || extractTitle(text, baseName(fileName)) };
};

export const extractPdfFile: Extractor = async (bytes, fileName) => {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ImportError(`${fileName} is not a PDF file (it does not start with %PDF-).`);
  const { extractPdf } = await import('./pdf.js');
  return extractPdf(bytes, fileName);
};

export const extractors: Record<DocumentFormat, Extractor> = {
  txt: extractPlainText,
  md: extractMarkdown,
  html: extractHtmlFile,
  docx: extractDocx,
  pdf: extractPdfFile,
};
