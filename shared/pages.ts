// Pages of a PDF document in its canonical text: which page an offset falls on, and how a citation names it.
import type { PageStart } from './types.js';

/** The page holding this offset of the text (page starts ascending), or null for a document without pages. */
export function pageAt(pages: readonly PageStart[] | null | undefined, offset: number): number | null {
  if (!pages?.length) return null;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pages[mid].offset <= offset) low = mid;
    else high = mid - 1;
  }
  return pages[low].page;
}

/** Where a page's text starts and ends in the canonical text (end exclusive), or null if it has no text. */
export function pageRange(
  pages: readonly PageStart[] | null | undefined,
  page: number,
  textLength: number,
): { start: number; end: number } | null {
  const index = pages?.findIndex((p) => p.page === page) ?? -1;
  if (!pages || index < 0) return null;
  return { start: pages[index].offset, end: pages[index + 1]?.offset ?? textLength };
}

/** "p. 7", or "pp. 7–8" for a passage that runs onto the next page; "" without a page. */
export function pageLabel(page: number | null | undefined, pageEnd?: number | null): string {
  if (!page) return '';
  return pageEnd && pageEnd !== page ? `pp. ${page}–${pageEnd}` : `p. ${page}`;
}

/** The pages a PDF passage is on, as its citations name them: a region's own page, whatever text anchors it. */
export function passagePages(
  pages: readonly PageStart[] | null | undefined,
  h: { start: number; end: number; regionPage?: number },
): { page: number; pageEnd: number } | null {
  if (h.regionPage) return { page: h.regionPage, pageEnd: h.regionPage };
  const page = pageAt(pages, h.start);
  return page ? { page, pageEnd: pageAt(pages, Math.max(h.start, h.end - 1)) ?? page } : null;
}
