import { useMemo } from 'react';
import type { Highlight, Note, Tag } from '../../shared/types';
import { byShownCoder, useShownCoder } from '../coders/coderView';
import { useDocumentAnnotations, useTags } from '../store/hooks';

export interface Annotations {
  loaded: boolean;
  highlights: Highlight[];
  tags: Tag[];
  tagsById: Map<number, Tag>;
  tagColors: Map<number, string>;
  notesByHighlight: Map<number, Note>;
  documentNote: Note | null;
}

/** A document's highlights, the codebook and the notes, from the store (patched by every write, never re-fetched). */
export function useAnnotations(documentId: number | null): Annotations {
  const { loaded, highlights: all, notes } = useDocumentAnnotations(documentId);
  // Blind mode and the coder filter hide other coders' passages from the reader and the margin alike.
  const shownCoder = useShownCoder();
  const highlights = useMemo(() => byShownCoder(all, shownCoder, (h) => h.coderId), [all, shownCoder]);
  const tags = useTags();
  const tagMaps = useMemo(
    () => ({
      tagsById: new Map(tags.map((t) => [t.id, t])),
      tagColors: new Map(tags.map((t) => [t.id, t.color])),
    }),
    [tags],
  );
  const noteMaps = useMemo(
    () => ({
      notesByHighlight: new Map(notes.filter((n) => n.highlightId !== null).map((n) => [n.highlightId!, n])),
      documentNote: notes.find((n) => n.highlightId === null) ?? null,
    }),
    [notes],
  );
  return useMemo(
    () => ({ loaded, highlights, tags, ...tagMaps, ...noteMaps }),
    [loaded, highlights, tags, tagMaps, noteMaps],
  );
}

/** The innermost (shortest) highlight containing the offset. */
export function highlightAt(highlights: Highlight[], offset: number): Highlight | undefined {
  let best: Highlight | undefined;
  for (const h of highlights) {
    if (h.orphaned || offset < h.start || offset >= h.end) continue;
    if (!best || h.end - h.start < best.end - best.start) best = h;
  }
  return best;
}
