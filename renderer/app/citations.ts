// How a passage travels from the reader's margin or the theme view into a memo: by drag and drop
// (a custom MIME type carrying the highlight id) or by an explicit "cite" request.
export const HIGHLIGHT_MIME = 'application/x-gloss-highlight';
const CITE_EVENT = 'gloss:cite';

export function setHighlightDragData(dataTransfer: DataTransfer, highlightId: number, quote: string): void {
  dataTransfer.setData(HIGHLIGHT_MIME, String(highlightId));
  dataTransfer.setData('text/plain', quote);
  dataTransfer.effectAllowed = 'copy';
}

export function readHighlightDragData(dataTransfer: DataTransfer | null): number | null {
  const raw = dataTransfer?.getData(HIGHLIGHT_MIME);
  const id = raw ? Number(raw) : NaN;
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Asks the memo composer to cite this passage in the open memo. */
export function requestCitation(highlightId: number): void {
  window.dispatchEvent(new CustomEvent<number>(CITE_EVENT, { detail: highlightId }));
}

export function onCitationRequest(listener: (highlightId: number) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<number>).detail);
  window.addEventListener(CITE_EVENT, handler);
  return () => window.removeEventListener(CITE_EVENT, handler);
}
