// Entities (people, organisations, places) and the timeline of dated events. Reading documents runs in the
// background (entities/service.ts); every change the analyst makes is one undoable edit.
import type { EntityDetail, EntityKind, EntityMention, TimelineEvent } from '../../../shared/types.js';
import { describeAnchor } from '../../anchoring/anchor.js';
import { sourceName } from '../../corroboration/match.js';
import { ensureDefaultCoder } from '../../db/coders.js';
import type { Db } from '../../db/connection.js';
import {
  claimKey,
  deleteEntity,
  documentText,
  entitySummary,
  getEntity,
  getEvent,
  insertEntity,
  listEntities,
  listEvents,
  mentionsOf,
  moveKeys,
  moveMentions,
  renameEntity,
  setEventDay,
  setKey,
  type EventRow,
} from '../../db/entities.js';
import { insertHighlight, listHighlights, setHighlightTags } from '../../db/highlights.js';
import { currentAuthor, recordEdit } from '../../db/oplog.js';
import { findTagByName, getTag, insertTag, nextTagColor } from '../../db/tags.js';
import { fold, nameMention } from '../../entities/aliases.js';
import { startReading } from '../../entities/service.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type EntityOps =
  | 'entities.index'
  | 'entities.get'
  | 'entities.rename'
  | 'entities.merge'
  | 'entities.split'
  | 'entities.delete'
  | 'entities.toTag'
  | 'timeline.events';

type TimelineOps = 'timeline.setDate';

const MAX_MENTIONS = 2000;
const MAX_EVENTS = 5000;

export function entityHandlers(ws: Workspace): HandlerGroup<EntityOps | TimelineOps> {
  const db = () => ws.project.db;
  const entity = (id: number) => found(getEntity(db(), id), 'entity', id);
  return {
    'entities.index': () => {
      const d = db();
      const progress = startReading(d);
      return { entities: listEntities(d), progress };
    },
    'entities.get': ({ entityId }) => entityDetail(db(), entity(entityId).id),
    'entities.rename': ({ entityId, name }) => {
      const d = db();
      const e = entity(entityId);
      recordEdit(d, { operation: 'entities.rename', label: `Rename ${quoted(e.name)} to ${quoted(name)}` }, () => {
        renameEntity(d, entityId, name);
        // The new name finds its mentions in documents read later too, unless it already names another entity.
        claimKey(d, keyOfName(e.kind, name), entityId);
      });
      return entitySummary(d, entityId)!;
    },
    'entities.merge': ({ sourceIds, targetId }) => {
      const d = db();
      const target = entity(targetId);
      const sources = sourceIds.map(entity);
      const label = `Merge ${sources.map((s) => quoted(s.name, 24)).join(', ')} into ${quoted(target.name)}`;
      recordEdit(d, { operation: 'entities.merge', label }, () => {
        for (const source of sources) {
          moveMentions(d, source.id, targetId);
          moveKeys(d, source.id, targetId);
          deleteEntity(d, source.id);
        }
      });
      return entitySummary(d, targetId)!;
    },
    'entities.split': ({ entityId, mentionIds, name }) => {
      const d = db();
      const e = entity(entityId);
      const mentions = mentionsOf(d, entityId, Number.MAX_SAFE_INTEGER);
      const moving = new Set(mentionIds);
      const unknown = mentionIds.filter((id) => !mentions.some((m) => m.id === id));
      if (unknown.length) throw invalid(`mentionIds: ${unknown.join(', ')} are not mentions of ${quoted(e.name)}.`);
      if (moving.size === mentions.length) throw invalid('mentionIds: a split must leave the entity some mentions.');
      const label = `Split ${quoted(name)} from ${quoted(e.name)}`;
      return recordEdit(d, { operation: 'entities.split', label }, () => {
        const newId = insertEntity(d, e.kind, name);
        moveMentions(d, entityId, newId, mentionIds);
        for (const key of keysOnlyIn(d, e.kind, mentions, moving)) setKey(d, key, newId);
        claimKey(d, keyOfName(e.kind, name), newId);
        return entitySummary(d, newId)!;
      });
    },
    'entities.delete': ({ entityId }) => {
      const d = db();
      const e = entity(entityId);
      recordEdit(d, { operation: 'entities.delete', label: `Delete entity ${quoted(e.name)}` }, () =>
        deleteEntity(d, entityId),
      );
      return { deleted: true };
    },
    'entities.toTag': ({ entityId }) => {
      const d = db();
      const e = entity(entityId);
      const label = `Code the mentions of ${quoted(e.name)}`;
      return recordEdit(d, { operation: 'entities.toTag', label }, () => codeMentions(d, e.id, e.name));
    },
    'timeline.events': () => {
      const d = db();
      const progress = startReading(d);
      const text = documentText(d);
      return { events: listEvents(d, MAX_EVENTS).map((row) => toEvent(row, text)), progress };
    },
    'timeline.setDate': ({ eventId, day }) => {
      const d = db();
      const event = found(getEvent(d, eventId), 'event', eventId);
      const text = documentText(d);
      const label = day
        ? `Date ${quoted(text(event.documentId).slice(event.dateStart, event.dateEnd))} ${day}`
        : `Clear the date of ${quoted(text(event.documentId).slice(event.dateStart, event.dateEnd))}`;
      recordEdit(d, { operation: 'timeline.setDate', label }, () => setEventDay(d, eventId, day, 'day'));
      return toEvent(getEvent(d, eventId)!, text);
    },
  };
}

function keyOfName(kind: EntityKind, name: string): string {
  return `${kind}:${nameMention(kind, name)?.key ?? fold(name)}`;
}

function entityDetail(db: Db, entityId: number): EntityDetail {
  const text = documentText(db);
  const rows = mentionsOf(db, entityId, MAX_MENTIONS);
  const mentions: EntityMention[] = rows.map((m) => {
    const body = text(m.documentId);
    const context = sentenceAround(body, m.start, m.end);
    return {
      id: m.id,
      documentId: m.documentId,
      start: m.start,
      end: m.end,
      text: body.slice(m.start, m.end),
      context: body.slice(context.start, context.end),
      contextStart: context.start,
      source: sourceName(m.outlet, m.title),
    };
  });
  return {
    entity: entitySummary(db, entityId)!,
    byOutlet: countBy(mentions.map((m) => m.source)).map(([source, n]) => ({ source, mentions: n })),
    aliases: countBy(mentions.map((m) => m.text.replace(/\s+/g, ' '))).map(([t, n]) => ({ text: t, mentions: n })),
    mentions,
  };
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The sentence a mention sits in, at most ~240 characters either side. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const from = Math.max(0, start - 240);
  const before = text.slice(from, start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '));
  const to = Math.min(text.length, end + 240);
  const after = text.slice(end, to);
  const ends = [after.search(/[.!?](\s|$)/), after.indexOf('\n')].filter((i) => i >= 0);
  return {
    start: stop >= 0 ? from + stop + 1 + (before[stop] === '\n' ? 0 : 1) : from,
    end: ends.length ? end + Math.min(...ends) + 1 : to,
  };
}

/** Keys written only by the moving mentions: after a split they find the new entity. */
function keysOnlyIn(
  db: Db,
  kind: EntityKind,
  mentions: { id: number; documentId: number; start: number; end: number }[],
  moving: Set<number>,
): string[] {
  const text = documentText(db);
  const keyOf = (m: (typeof mentions)[number]) => {
    const named = nameMention(kind, text(m.documentId).slice(m.start, m.end));
    return named ? `${named.kind}:${named.key}` : undefined;
  };
  const staying = new Set(mentions.filter((m) => !moving.has(m.id)).map(keyOf));
  return [...new Set(mentions.filter((m) => moving.has(m.id)).map(keyOf))].filter(
    (k): k is string => k !== undefined && !staying.has(k),
  );
}

function codeMentions(db: Db, entityId: number, name: string) {
  const tag = getTag(
    db,
    findTagByName(db, name) ?? insertTag(db, { name, color: nextTagColor(db), description: '', parentId: null }),
  )!;
  const coderId = ensureDefaultCoder(db, currentAuthor());
  const text = documentText(db);
  const rows = mentionsOf(db, entityId, Number.MAX_SAFE_INTEGER);
  const existing = new Map<number, Map<string, { id: number; tagIds: number[] }>>();
  let coded = 0;
  for (const m of rows) {
    if (!existing.has(m.documentId))
      existing.set(m.documentId, new Map(listHighlights(db, m.documentId).map((h) => [`${h.start}:${h.end}`, h])));
    const same = existing.get(m.documentId)!.get(`${m.start}:${m.end}`);
    if (same) {
      if (!same.tagIds.includes(tag.id)) setHighlightTags(db, same.id, [...same.tagIds, tag.id]);
    } else {
      const id = insertHighlight(db, {
        documentId: m.documentId,
        coderId,
        ...describeAnchor(text(m.documentId), m.start, m.end),
      });
      setHighlightTags(db, id, [tag.id]);
    }
    coded++;
  }
  return { tag: getTag(db, tag.id)!, coded };
}

function toEvent(row: EventRow, text: (documentId: number) => string): TimelineEvent {
  const body = text(row.documentId);
  return {
    id: row.id,
    documentId: row.documentId,
    source: sourceName(row.outlet, row.title),
    start: row.sentenceStart,
    end: row.sentenceEnd,
    text: body.slice(row.sentenceStart, row.sentenceEnd),
    dateText: body.slice(row.dateStart, row.dateEnd),
    day: row.day,
    precision: row.precision,
    relative: row.relative === 1,
    corrected: row.corrected === 1,
  };
}
