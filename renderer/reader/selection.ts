// What a text selection in the reader means as a passage. A selection is read wherever the drag ended — past the
// end of a line, beyond the column, over the margin — and clamped to the reader's paragraphs; a passage never
// starts or ends with white space, so a triple-clicked paragraph does not carry its paragraph break.
import { caretPointAt, offsetOfPoint, paragraphElements } from './offsets';

export interface Span {
  start: number;
  end: number;
}

/** The passage a DOM selection covers in `container`, trimmed against the document's `text`; null if none. */
export function selectedPassage(container: HTMLElement, selection: Selection | null, text: string): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const span = clampedSpan(container, selection.getRangeAt(0));
  return span && trimSpan(text, span);
}

/** The range's offsets, with an end (or start) outside every paragraph pulled back to the nearest paragraph edge. */
function clampedSpan(container: HTMLElement, range: Range): Span | null {
  const inside = paragraphElements(container).filter((el) => range.intersectsNode(el));
  if (inside.length === 0) return null;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const start = pointInside(first, range.startContainer)
    ? offsetOfPoint(range.startContainer, range.startOffset)
    : Number(first.dataset.start);
  const end = pointInside(last, range.endContainer)
    ? offsetOfPoint(range.endContainer, range.endOffset)
    : Number(last.dataset.start) + (last.textContent?.length ?? 0);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function pointInside(paragraph: HTMLElement, node: Node): boolean {
  return paragraph === node || paragraph.contains(node);
}

/**
 * A drag that left the text column sideways (past a line's end, over the margin) selects up to the line at the
 * pointer's height, not everything the browser finds between the text and the pointer: the selection's moving end
 * is put back in the column at that height.
 */
export function keepSelectionInColumn(container: HTMLElement, x: number, y: number): void {
  const box = container.getBoundingClientRect();
  if (x >= box.left && x <= box.right) return;
  const inside = caretPointAt(Math.min(Math.max(x, box.left + 1), box.right - 1), y);
  const selection = window.getSelection();
  if (!inside || !selection || selection.rangeCount === 0 || !container.contains(inside.node)) return;
  selection.extend(inside.node, inside.offset);
}

/** Moves the ends of a span inwards past white space (spaces, line and paragraph breaks); null if nothing is left. */
export function trimSpan(text: string, { start, end }: Span): Span | null {
  let a = Math.max(0, start);
  let b = Math.min(text.length, end);
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return b > a ? { start: a, end: b } : null;
}

export type Step = 'character' | 'word';

/** The offset one character or one word from `offset` in `direction`, within the text. */
export function stepOffset(text: string, offset: number, direction: 1 | -1, step: Step): number {
  const at = Math.min(Math.max(offset, 0), text.length);
  if (step === 'character') return Math.min(Math.max(at + direction, 0), text.length);
  const word = /[\p{L}\p{N}_'’-]/u;
  let i = at;
  if (direction === 1) {
    while (i < text.length && !word.test(text[i])) i++;
    while (i < text.length && word.test(text[i])) i++;
  } else {
    while (i > 0 && !word.test(text[i - 1])) i--;
    while (i > 0 && word.test(text[i - 1])) i--;
  }
  return i;
}

/** The span with one of its ends moved by a step; null when that would leave it empty. */
export function adjustSpan(
  text: string,
  span: Span,
  edge: 'start' | 'end',
  direction: 1 | -1,
  step: Step,
): Span | null {
  const moved = stepOffset(text, span[edge], direction, step);
  const next = edge === 'start' ? { start: moved, end: span.end } : { start: span.start, end: moved };
  return next.end > next.start ? trimSpan(text, next) : null;
}
