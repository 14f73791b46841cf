import { useMemo } from 'react';
import type { Highlight, Note, Tag } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';

export interface Annotations {
  highlights: Highlight[];
  tags: Tag[];
  tagsById: Map<number, Tag>;
  tagColors: Map<number, string>;
  notesByHighlight: Map<number, Note>;
}

/** A document's highlights, the codebook and the passage notes, re-fetched after every write. */
export function useAnnotations(documentId: number | null): Annotations {
  const wb = useWorkbench();
  const highlights = useApi(() => (documentId ? wb.client['highlights.list']({ documentId }) : Promise.resolve([])), [documentId]);
  const tags = useApi(() => wb.client['tags.list']({}), []);
  const notes = useApi(() => (documentId ? wb.client['notes.list']({ documentId }).catch(() => []) : Promise.resolve([])), [documentId]);
  return useMemo(() => {
    const tagList = tags.data ?? [];
    return {
      highlights: highlights.data ?? [],
      tags: tagList,
      tagsById: new Map(tagList.map((t) => [t.id, t])),
      tagColors: new Map(tagList.map((t) => [t.id, t.color])),
      notesByHighlight: new Map((notes.data ?? []).filter((n) => n.highlightId !== null).map((n) => [n.highlightId!, n])),
    };
  }, [highlights.data, tags.data, notes.data]);
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
