// Bundled by the benchmark: the reader's real highlight painting code, exposed to the benchmark page.
import { indexParagraphs } from '../renderer/reader/offsets';
import { paintHighlights } from '../renderer/reader/paint';
import type { Highlight } from '../shared/types';

declare global {
  interface Window {
    glossPaint(ranges: [number, number][]): void;
  }
}

window.glossPaint = (ranges) => {
  const index = indexParagraphs(document.getElementById('doc')!);
  const highlights = ranges.map(
    ([start, end], i) =>
      ({
        id: i + 1,
        documentId: 1,
        start,
        end,
        exact: '',
        prefix: '',
        suffix: '',
        color: i % 3 === 0 ? '#f2c14e' : i % 3 === 1 ? '#7cb7e8' : '#f28b82',
        orphaned: false,
        tagIds: [],
        createdAt: '',
        updatedAt: '',
      }) satisfies Highlight,
  );
  paintHighlights({ index, highlights, tagColors: new Map(), selectedId: null, flash: null });
};
