// The renderer's one store: entities by id, loaded on demand and patched from each write's ChangeSet — never
// reloaded wholesale. Panes subscribe to the slices they show ("tags", "highlights:12", "document:12", …) and
// re-render only when those change.
import type { GlossClient } from '../../shared/client';
import type {
  ChangeSet,
  Coder,
  Collection,
  DocumentSummary,
  EntityChanges,
  Highlight,
  MemoSummary,
  Note,
  ProjectInfo,
  Tag,
} from '../../shared/types';

export type Slice = string;
type Listener = () => void;

export const slices = {
  tags: 'tags',
  coders: 'coders',
  memos: 'memos',
  collections: 'collections',
  /** The open project's name, path and document count (the title menu and the status bar show it). */
  project: 'project',
  /** Bumped when documents are created or deleted (the library's order may change). */
  documentSet: 'documents',
  document: (id: number) => `document:${id}`,
  highlights: (documentId: number) => `highlights:${documentId}`,
  notes: (documentId: number) => `notes:${documentId}`,
} as const;

export class Store {
  readonly documents = new Map<number, DocumentSummary>();
  readonly highlights = new Map<number, Highlight>();
  readonly tags = new Map<number, Tag>();
  readonly notes = new Map<number, Note>();
  readonly memos = new Map<number, MemoSummary>();
  readonly collections = new Map<number, Collection>();
  readonly coders = new Map<number, Coder>();
  projectInfo: ProjectInfo | null = null;
  /** Why the project could not be read, the last time it was asked. */
  projectInfoError: string | null = null;
  private readonly highlightIdsByDocument = new Map<number, number[]>();
  private readonly notesLoaded = new Set<number>();
  private readonly loaded = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly versions = new Map<Slice, number>();
  private readonly listeners = new Map<Slice, Set<Listener>>();
  private readonly changeListeners = new Set<(changes: ChangeSet) => void>();
  private client: GlossClient | null = null;
  private generation = 0;

  attach(client: GlossClient): void {
    this.client = client;
  }

  private api(): GlossClient {
    if (!this.client) throw new Error('The store has no client yet.');
    return this.client;
  }

  // Subscriptions ------------------------------------------------------------------------------------------------

  version(slice: Slice): number {
    return (this.versions.get(slice) ?? 0) + this.generation * 1_000_000;
  }

  subscribe(slice: Slice, listener: Listener): () => void {
    let set = this.listeners.get(slice);
    if (!set) this.listeners.set(slice, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Every ChangeSet as it arrives (for panes that hold query results rather than entities). */
  onChanges(listener: (changes: ChangeSet) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Wakes the panes showing these slices without a change to them (e.g. their sort order became locale-aware). */
  refresh(...touched: Slice[]): void {
    this.bump(new Set(touched));
  }

  private bump(touched: Set<Slice>): void {
    for (const slice of touched) this.versions.set(slice, (this.versions.get(slice) ?? 0) + 1);
    for (const slice of touched) this.listeners.get(slice)?.forEach((l) => l());
  }

  /** Another project was opened: forget everything and let every pane load again. */
  reset(): void {
    const maps = [this.documents, this.highlights, this.tags, this.notes, this.memos, this.collections, this.coders];
    for (const map of maps) map.clear();
    this.projectInfo = null;
    this.projectInfoError = null;
    this.highlightIdsByDocument.clear();
    this.notesLoaded.clear();
    this.loaded.clear();
    this.inFlight.clear();
    this.generation++;
    for (const set of this.listeners.values()) set.forEach((l) => l());
  }

  // Patching -----------------------------------------------------------------------------------------------------

  apply(changes: ChangeSet): void {
    const touched = new Set<Slice>();
    if (changes.documents) this.applyDocuments(changes.documents, touched);
    if (changes.highlights) this.applyHighlights(changes.highlights, touched);
    if (changes.tags && patch(this.tags, changes.tags, (t) => t.id)) touched.add(slices.tags);
    if (changes.notes) this.applyNotes(changes.notes, touched);
    if (changes.memos && patch(this.memos, changes.memos, (m) => m.id)) touched.add(slices.memos);
    if (changes.collections && patch(this.collections, changes.collections, (c) => c.id))
      touched.add(slices.collections);
    if (changes.coders && patch(this.coders, changes.coders, (c) => c.id)) touched.add(slices.coders);
    this.bump(touched);
    this.changeListeners.forEach((l) => l(changes));
  }

  private applyDocuments(changes: NonNullable<ChangeSet['documents']>, touched: Set<Slice>): void {
    for (const doc of changes.upserted) {
      this.documents.set(doc.id, doc);
      touched.add(slices.document(doc.id));
    }
    for (const id of changes.deleted) {
      this.documents.delete(id);
      touched.add(slices.document(id));
    }
    if (changes.created.length || changes.deleted.length) {
      touched.add(slices.documentSet);
      // Its document count changed: read again by whoever shows it.
      this.loaded.delete(slices.project);
      touched.add(slices.project);
    }
  }

  private applyHighlights(changes: EntityChanges<Highlight>, touched: Set<Slice>): void {
    for (const id of changes.deleted) {
      const old = this.highlights.get(id);
      if (!old) continue;
      this.highlights.delete(id);
      const ids = this.highlightIdsByDocument.get(old.documentId);
      if (ids)
        this.highlightIdsByDocument.set(
          old.documentId,
          ids.filter((x) => x !== id),
        );
      touched.add(slices.highlights(old.documentId));
    }
    const resort = new Set<number>();
    for (const h of changes.upserted) {
      const ids = this.highlightIdsByDocument.get(h.documentId);
      if (!ids) continue; // that document's highlights are not loaded: nothing shows them
      if (!this.highlights.has(h.id)) ids.push(h.id);
      this.highlights.set(h.id, h);
      resort.add(h.documentId);
      touched.add(slices.highlights(h.documentId));
    }
    for (const documentId of resort) this.sortHighlights(documentId);
  }

  private sortHighlights(documentId: number): void {
    const ids = this.highlightIdsByDocument.get(documentId)!;
    ids.sort((a, b) => compareHighlights(this.highlights.get(a)!, this.highlights.get(b)!));
  }

  private applyNotes(changes: EntityChanges<Note>, touched: Set<Slice>): void {
    for (const id of changes.deleted) {
      const old = this.notes.get(id);
      if (old && this.notes.delete(id) && old.documentId !== null) touched.add(slices.notes(old.documentId));
    }
    for (const note of changes.upserted) {
      if (note.documentId === null || !this.notesLoaded.has(note.documentId)) continue;
      this.notes.set(note.id, note);
      touched.add(slices.notes(note.documentId));
    }
  }

  // Loading ------------------------------------------------------------------------------------------------------

  /** Runs a load once per project; it returns the slices it filled, bumped once it counts as loaded. */
  private once(key: string, load: () => Promise<Slice[]>): Promise<void> {
    if (this.loaded.has(key)) return Promise.resolve();
    const running = this.inFlight.get(key);
    if (running) return running;
    const generation = this.generation;
    const promise = load()
      .then((filled) => {
        if (generation !== this.generation) return;
        this.loaded.add(key);
        this.bump(new Set(filled));
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  isLoaded(key: string): boolean {
    return this.loaded.has(key);
  }

  loadTags(): Promise<void> {
    return this.once(slices.tags, async () => {
      const tags = await this.api()['tags.list']({});
      this.tags.clear();
      tags.forEach((t) => this.tags.set(t.id, t));
      return [slices.tags];
    });
  }

  loadProjectInfo(): Promise<void> {
    return this.once(slices.project, async () => {
      try {
        this.projectInfo = await this.api()['project.info']({});
        this.projectInfoError = null;
      } catch (error) {
        this.projectInfoError = (error as Error).message;
        this.bump(new Set([slices.project]));
        throw error;
      }
      return [slices.project];
    });
  }

  loadCoders(): Promise<void> {
    return this.once(slices.coders, async () => {
      const coders = await this.api()['coders.list']({});
      coders.forEach((c) => this.coders.set(c.id, c));
      return [slices.coders];
    });
  }

  loadMemos(): Promise<void> {
    return this.once(slices.memos, async () => {
      const memos = await this.api()['memos.list']({});
      memos.forEach((m) => this.memos.set(m.id, m));
      return [slices.memos];
    });
  }

  loadCollections(): Promise<void> {
    return this.once(slices.collections, async () => {
      const collections = await this.api()['collections.list']({});
      collections.forEach((c) => this.collections.set(c.id, c));
      return [slices.collections];
    });
  }

  /** A document's highlights and passage notes, fetched once; later writes patch them. */
  loadAnnotations(documentId: number): Promise<void> {
    return this.once(slices.highlights(documentId), async () => {
      const [highlights, notes] = await Promise.all([
        this.api()['highlights.list']({ documentId }),
        this.api()['notes.list']({ documentId }),
      ]);
      highlights.forEach((h) => this.highlights.set(h.id, h));
      this.highlightIdsByDocument.set(
        documentId,
        highlights.map((h) => h.id),
      );
      this.sortHighlights(documentId);
      notes.forEach((n) => this.notes.set(n.id, n));
      this.notesLoaded.add(documentId);
      return [slices.highlights(documentId), slices.notes(documentId)];
    });
  }

  /** Caches summaries the library already fetched with its page. */
  putDocuments(rows: DocumentSummary[]): void {
    // Rows drawn while their document was unknown (placeholders, e.g. after a reset) must hear that it arrived.
    const arrived = new Set<Slice>();
    for (const d of rows) {
      if (!this.documents.has(d.id)) arrived.add(slices.document(d.id));
      this.documents.set(d.id, d);
    }
    this.bump(arrived);
  }

  // Reading ------------------------------------------------------------------------------------------------------

  highlightsOf(documentId: number): Highlight[] {
    return (this.highlightIdsByDocument.get(documentId) ?? []).map((id) => this.highlights.get(id)!);
  }

  notesOf(documentId: number): Note[] {
    return [...this.notes.values()].filter((n) => n.documentId === documentId);
  }
}

/** Reading order: by start, the longer of two passages starting together first, then by id. */
export function compareHighlights(a: Highlight, b: Highlight): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

function patch<T>(map: Map<number, T>, changes: EntityChanges<T>, idOf: (row: T) => number): boolean {
  changes.upserted.forEach((row) => map.set(idOf(row), row));
  changes.deleted.forEach((id) => map.delete(id));
  return changes.upserted.length + changes.deleted.length > 0;
}
