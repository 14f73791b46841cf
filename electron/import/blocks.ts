// Structured text: the canonical text (paragraphs joined by PARAGRAPH_SEPARATOR) built together with the blocks
// that say what each paragraph was — a heading, a list item, a table cell… — so the text, its offsets and every
// anchor stay exactly what they were, and the structure rides beside them (see DocumentBlock).
import { PARAGRAPH_SEPARATOR } from '../../shared/structure.js';
import type { DocumentBlock } from '../../shared/types.js';
import { normaliseText } from './text.js';

export interface StructuredText {
  text: string;
  blocks: DocumentBlock[];
}

/** What a paragraph is, without its position: a block minus start/end, or null for a plain paragraph. */
export type BlockShape = Omit<DocumentBlock, 'start' | 'end'> | null;

/** Appends paragraphs one by one and records the span of each that has a shape. */
export class StructuredTextBuilder {
  private readonly parts: string[] = [];
  private readonly blocks: DocumentBlock[] = [];
  private length = 0;

  /** Adds one paragraph (cleaned as the canonical text requires); returns false if nothing was left of it. */
  add(paragraph: string, shape: BlockShape): boolean {
    const clean = normaliseText(paragraph.replace(/\n/g, ' '));
    if (!clean) return false;
    const start = this.parts.length ? this.length + PARAGRAPH_SEPARATOR.length : 0;
    this.parts.push(clean);
    this.length = start + clean.length;
    if (shape) this.blocks.push({ start, end: this.length, ...shape });
    return true;
  }

  build(): StructuredText {
    return { text: this.parts.join(PARAGRAPH_SEPARATOR), blocks: this.blocks };
  }
}

const MAX_HEADING_CHARS = 90;
const MAX_HEADING_WORDS = 12;
const MIN_PROSE_CHARS = 120;

/**
 * Headings in plain text: a short line with no closing punctuation, starting with a capital, standing between two
 * paragraphs of prose (the way saved articles keep their subheads). The first paragraph is the title, not a heading.
 */
export function plainTextHeadings(text: string): DocumentBlock[] {
  const paragraphs = text.split(PARAGRAPH_SEPARATOR);
  const blocks: DocumentBlock[] = [];
  let start = 0;
  const starts = paragraphs.map((p) => {
    const at = start;
    start += p.length + PARAGRAPH_SEPARATOR.length;
    return at;
  });
  for (let i = 1; i < paragraphs.length - 1; i++) {
    if (looksLikeHeading(paragraphs[i]) && isProse(paragraphs[i - 1]) && isProse(paragraphs[i + 1])) {
      blocks.push({ start: starts[i], end: starts[i] + paragraphs[i].length, kind: 'heading', level: 2 });
    }
  }
  return blocks;
}

function looksLikeHeading(line: string): boolean {
  return (
    line.length >= 3 &&
    line.length <= MAX_HEADING_CHARS &&
    line.split(' ').length <= MAX_HEADING_WORDS &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    !/[.,;:!?…"”’')\]»–—-]$/.test(line)
  );
}

function isProse(paragraph: string): boolean {
  return paragraph.length >= MIN_PROSE_CHARS && /[.!?…]["”’')»]*$/.test(paragraph);
}
