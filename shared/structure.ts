// The canonical text's one structural rule, shared by the importers (which write it) and the reader (which
// splits it): a document's text is its paragraphs joined by a blank line, and a paragraph never holds "\n".
// Structure (headings, lists, tables…) is kept beside the text as spans over whole paragraphs (DocumentBlock).
import type { DocumentBlock } from './types.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

export const BLOCK_KINDS = ['heading', 'item', 'quote', 'cell', 'pre', 'footnote'] as const;

/** Blocks sorted by start, each inside the text and on paragraph boundaries; anything else is dropped. */
export function blocksOnParagraphs(text: string, blocks: readonly DocumentBlock[]): DocumentBlock[] {
  const kept: DocumentBlock[] = [];
  let after = 0;
  const numbered = blocks.filter((b) => Number.isInteger(b?.start) && Number.isInteger(b?.end));
  for (const b of numbered.sort((x, y) => x.start - y.start)) {
    const onBoundaries =
      b.start >= after &&
      b.end > b.start &&
      b.end <= text.length &&
      (b.start === 0 || text.startsWith(PARAGRAPH_SEPARATOR, b.start - PARAGRAPH_SEPARATOR.length)) &&
      (b.end === text.length || text.startsWith(PARAGRAPH_SEPARATOR, b.end)) &&
      !text.slice(b.start, b.end).includes('\n');
    if (!onBoundaries || !BLOCK_KINDS.includes(b.kind)) continue;
    kept.push(knownFields(b));
    after = b.end;
  }
  return kept;
}

const NUMBER_FIELDS = ['level', 'table', 'row', 'col', 'indent'] as const;
const FLAG_FIELDS = ['ordered', 'continued', 'header'] as const;
const MAX_ATTRIBUTE = 1_000_000;

/** Only the fields a block may have, each of its type and in range (a project file is not trusted). */
function knownFields(b: DocumentBlock): DocumentBlock {
  const block: DocumentBlock = { start: b.start, end: b.end, kind: b.kind };
  for (const f of NUMBER_FIELDS) {
    const v = b[f];
    if (Number.isInteger(v) && v! >= 0 && v! <= MAX_ATTRIBUTE) block[f] = v;
  }
  for (const f of FLAG_FIELDS) if (b[f] === true) block[f] = true;
  return block;
}
