// Maps between DOM positions in the reader and offsets in the document text. Each paragraph element carries
// data-start (its offset) and holds its text as a single text node, so the mapping is arithmetic.

export function paragraphElements(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-start]')];
}

/** Offset in the document text of a DOM point inside the reader, or null if it is outside any paragraph. */
export function offsetOfPoint(node: Node, offset: number): number | null {
  const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>(
    '[data-start]',
  );
  if (!element) return null;
  const start = Number(element.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  // An element point: count the text before the child at `offset`.
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return start + range.toString().length;
}

export interface ParagraphIndex {
  starts: number[];
  nodes: (Text | null)[];
}

export function indexParagraphs(container: HTMLElement): ParagraphIndex {
  const elements = paragraphElements(container);
  return {
    starts: elements.map((el) => Number(el.dataset.start)),
    nodes: elements.map((el) => (el.firstChild?.nodeType === Node.TEXT_NODE ? (el.firstChild as Text) : null)),
  };
}

/** A DOM Range over text offsets [start, end), or null if they fall outside the rendered text. */
export function rangeForOffsets(index: ParagraphIndex, start: number, end: number): Range | null {
  const a = locate(index, start, false);
  const b = locate(index, end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

function locate(index: ParagraphIndex, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  let i = lo;
  // An end exactly at a paragraph's start belongs to the end of the previous paragraph.
  if (isEnd && i > 0 && index.starts[i] === offset) i--;
  const node = index.nodes[i];
  if (!node) return null;
  const within = Math.min(Math.max(offset - index.starts[i], 0), node.length);
  return { node, offset: within };
}

/** The DOM position (text node and offset) under a screen point, or null. */
export function caretPointAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Text offset under a screen point (for clicking on a painted highlight). */
export function offsetAtPoint(x: number, y: number): number | null {
  const point = caretPointAt(x, y);
  return point ? offsetOfPoint(point.node, point.offset) : null;
}
