// Turns the rows an edit (or its undo) touched into the entities the renderer shows, as they are now: a changed
// highlight_tags row means that highlight, that tag (its count) and that document (its counts) changed.
import type { ChangeSet, EntityChanges } from '../../shared/types.js';
import { findDefinitionByName, getDefinition } from '../db/attributeDefinitions.js';
import { getCoder, listCoders } from '../db/coders.js';
import { getCollection } from '../db/collections.js';
import type { Db } from '../db/connection.js';
import { getDocumentSummary } from '../db/documents.js';
import { getHighlights } from '../db/highlights.js';
import { getMemo } from '../db/memos.js';
import { getNote } from '../db/notes.js';
import { readChanges, type RowChange } from '../db/oplog.js';
import { getTag } from '../db/tags.js';

type Kind = Exclude<keyof ChangeSet, 'entityIndex' | 'timeline'>;

class Touched {
  readonly ids: Record<Kind, Set<number>> = {
    documents: new Set(),
    coders: new Set(),
    highlights: new Set(),
    tags: new Set(),
    notes: new Set(),
    memos: new Set(),
    collections: new Set(),
    attributeDefinitions: new Set(),
    attributeValues: new Set(),
  };
  /** Attribute names whose values changed (their definitions' counts change). */
  readonly attributeNames = new Set<string>();
  readonly createdDocuments = new Set<number>();
  entityIndex = false;
  timeline = false;
  allCoders = false;

  add(kind: Kind, id: unknown): void {
    if (typeof id === 'number') this.ids[kind].add(id);
  }
}

export function describeChanges(db: Db, opIds: number[]): ChangeSet {
  const touched = new Touched();
  for (const opId of opIds) for (const change of readChanges(db, opId)) collect(touched, change);
  return load(db, touched);
}

function collect(t: Touched, change: RowChange): void {
  const rows = [change.before, change.after].filter((r): r is Record<string, unknown> => r !== null);
  const [first] = change.rowKey;
  switch (change.tbl) {
    case 'documents':
      t.add('documents', first);
      // Inserted by an edit, or deleted by one that is being undone: either way it may exist now and be new.
      if (change.kind !== 'update') t.createdDocuments.add(first as number);
      rows.forEach((r) => t.add('collections', r.collection_id));
      break;
    case 'highlights':
      t.add('highlights', first);
      rows.forEach((r) => t.add('documents', r.document_id));
      rows.forEach((r) => t.add('coders', r.coder_id));
      break;
    case 'coders':
      t.add('coders', first);
      break;
    case 'current_coder':
      // Who was current may have been so by the meta fallback, not by this row: every coder's isDefault is sent.
      t.allCoders = true;
      break;
    case 'highlight_tags':
      t.add('highlights', first);
      t.add('tags', change.rowKey[1]);
      break;
    case 'tags':
      t.add('tags', first);
      break;
    case 'notes':
      t.add('notes', first);
      break;
    case 'memos':
      t.add('memos', first);
      break;
    case 'collections':
      t.add('collections', first);
      break;
    case 'attribute_definitions':
      t.add('attributeDefinitions', first);
      break;
    case 'document_attributes':
      rows.forEach((r) => t.add('attributeValues', r.document_id));
      rows.forEach((r) => t.attributeNames.add(String(r.name)));
      break;
    case 'document_grades':
      rows.forEach((r) => t.add('documents', r.document_id));
      break;
    case 'highlight_grades':
      rows.forEach((r) => t.add('highlights', r.highlight_id));
      break;
    case 'entities':
    case 'entity_keys':
    case 'entity_mentions':
      t.entityIndex = true;
      break;
    case 'timeline_events':
      t.timeline = true;
      break;
  }
}

function load(db: Db, t: Touched): ChangeSet {
  const changes: ChangeSet = {};
  const highlights = getHighlights(db, [...t.ids.highlights]);
  // A highlight's document counts change with its tags.
  for (const h of highlights.values()) t.add('documents', h.documentId);
  if (t.ids.highlights.size) changes.highlights = split(t.ids.highlights, (id) => highlights.get(id));
  if (t.ids.documents.size) {
    changes.documents = {
      ...split(t.ids.documents, (id) => getDocumentSummary(db, id)),
      created: [...t.createdDocuments].filter((id) => getDocumentSummary(db, id) !== undefined),
    };
  }
  if (t.ids.tags.size) changes.tags = split(t.ids.tags, (id) => getTag(db, id));
  if (t.ids.notes.size) changes.notes = split(t.ids.notes, (id) => getNote(db, id));
  if (t.ids.memos.size) changes.memos = split(t.ids.memos, (id) => summaryOf(getMemo(db, id)));
  if (t.ids.collections.size) changes.collections = split(t.ids.collections, (id) => getCollection(db, id));
  if (t.allCoders) listCoders(db).forEach((c) => t.add('coders', c.id));
  if (t.ids.coders.size) changes.coders = split(t.ids.coders, (id) => getCoder(db, id));
  for (const name of t.attributeNames) {
    const definition = findDefinitionByName(db, name);
    if (definition) t.add('attributeDefinitions', definition.id);
  }
  if (t.ids.attributeDefinitions.size)
    changes.attributeDefinitions = split(t.ids.attributeDefinitions, (id) => getDefinition(db, id));
  if (t.ids.attributeValues.size) changes.attributeValues = { documentIds: [...t.ids.attributeValues] };
  if (t.entityIndex) changes.entityIndex = true;
  if (t.timeline) changes.timeline = true;
  return changes;
}

function summaryOf<T extends { content: string }>(memo: T | undefined): Omit<T, 'content'> | undefined {
  if (!memo) return undefined;
  const { content: _content, ...summary } = memo;
  return summary;
}

function split<T>(ids: Set<number>, get: (id: number) => T | undefined): EntityChanges<T> {
  const upserted: T[] = [];
  const deleted: number[] = [];
  for (const id of ids) {
    const row = get(id);
    if (row === undefined) deleted.push(id);
    else upserted.push(row);
  }
  return { upserted, deleted };
}
