// React bindings for the store: each hook subscribes to one slice and recomputes only when that slice changes.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type {
  ChangeSet,
  Collection,
  DocumentSummary,
  Highlight,
  MemoSummary,
  Note,
  ProjectInfo,
  Tag,
} from '../../shared/types';
import { store } from '../api/client';
import { compareNames } from '../app/format';
import { slices, type Slice } from './store';

export function useSliceVersion(slice: Slice): number {
  return useSyncExternalStore(
    (listener) => store.subscribe(slice, listener),
    () => store.version(slice),
  );
}

function useSlice<T>(slice: Slice, read: () => T, load?: () => Promise<void>): T {
  const version = useSliceVersion(slice);
  useEffect(() => {
    void load?.().catch(() => undefined);
  }, [load, version]);
  // `version` is what makes a new read necessary: the store mutates in place.
  return useMemo(read, [version, read]);
}

const readTags = () => [...store.tags.values()].sort((a, b) => compareNames(a.name, b.name));
const loadTags = () => store.loadTags();
export function useTags(): Tag[] {
  return useSlice(slices.tags, readTags, loadTags);
}

export function useTagsById(): Map<number, Tag> {
  const tags = useTags();
  return useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
}

const readProjectInfo = () => ({ info: store.projectInfo, error: store.projectInfoError });
const loadProjectInfo = () => store.loadProjectInfo();
/** The open project's name, path and document count (null until read), or why it could not be read. */
export function useProjectInfo(): { info: ProjectInfo | null; error: string | null } {
  return useSlice(slices.project, readProjectInfo, loadProjectInfo);
}

const readMemos = () => [...store.memos.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
const loadMemos = () => store.loadMemos();
export function useMemos(): MemoSummary[] {
  return useSlice(slices.memos, readMemos, loadMemos);
}

const readCollections = () => [...store.collections.values()].sort((a, b) => compareNames(a.name, b.name));
const loadCollections = () => store.loadCollections();
export function useCollections(): Collection[] {
  return useSlice(slices.collections, readCollections, loadCollections);
}

export interface DocumentAnnotations {
  loaded: boolean;
  highlights: Highlight[];
  notes: Note[];
}

/** A document's highlights (reading order) and notes. */
export function useDocumentAnnotations(documentId: number | null): DocumentAnnotations {
  const id = documentId ?? 0;
  const highlightsVersion = useSliceVersion(slices.highlights(id));
  const notesVersion = useSliceVersion(slices.notes(id));
  useEffect(() => {
    if (documentId) void store.loadAnnotations(documentId).catch(() => undefined);
  }, [documentId, highlightsVersion]);
  const highlights = useMemo(
    () => (documentId ? store.highlightsOf(documentId) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [documentId, highlightsVersion],
  );
  const notes = useMemo(
    () => (documentId ? store.notesOf(documentId) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [documentId, notesVersion],
  );
  return { loaded: documentId ? store.isLoaded(slices.highlights(documentId)) : true, highlights, notes };
}

export function useDocumentSummary(id: number | null): DocumentSummary | undefined {
  const version = useSliceVersion(slices.document(id ?? 0));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (id ? store.documents.get(id) : undefined), [id, version]);
}

/** Runs `listener` for every write's changes while the component is mounted. */
export function useChanges(listener: (changes: ChangeSet) => void): void {
  useEffect(() => store.onChanges(listener), [listener]);
}
