// The reader shows a document as paragraphs; each knows its offset in the document text,
// so a DOM position maps back to a text offset and a stored highlight maps to a DOM range.
import { PARAGRAPH_SEPARATOR } from '../../shared/structure';

export interface Paragraph {
  start: number;
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const part of text.split(PARAGRAPH_SEPARATOR)) {
    paragraphs.push({ start, text: part });
    start += part.length + PARAGRAPH_SEPARATOR.length;
  }
  return paragraphs;
}

/** Index of the paragraph containing the offset (the last one starting at or before it). */
export function paragraphAt(paragraphs: Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
