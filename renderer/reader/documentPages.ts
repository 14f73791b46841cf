// Where each page of an open PDF starts in its text, kept from the reader's own fetch of the document so the
// margin can label every passage "p. 7" without asking the backend again.
import { useSyncExternalStore } from 'react';
import type { PageStart } from '../../shared/types';

const known = new Map<number, PageStart[] | null>();
const listeners = new Set<() => void>();

export function rememberPages(documentId: number, pages: PageStart[] | null): void {
  if (known.get(documentId) === pages) return;
  known.set(documentId, pages);
  listeners.forEach((l) => l());
}

/** The document's page starts once the reader has opened it; null for a document without pages (or not open). */
export function useDocumentPages(documentId: number | null): PageStart[] | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (documentId ? (known.get(documentId) ?? null) : null),
  );
}
