import type { Db } from '../../db/connection.js';
import { deleteHighlight } from '../../db/highlights.js';
import {
  ancestorIds,
  deleteTag,
  findTagByName,
  getTag,
  highlightIdsWithTag,
  insertTag,
  listTags,
  mergeCounts,
  moveSomeTagLinks,
  moveTagLinks,
  nextTagColor,
  reparentChildren,
  updateTag,
} from '../../db/tags.js';
import { recordEdit } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type TagOps =
  'tags.list' | 'tags.create' | 'tags.update' | 'tags.merge' | 'tags.mergePreview' | 'tags.split' | 'tags.delete';

export function tagHandlers(ws: Workspace): HandlerGroup<TagOps> {
  const db = () => ws.project.db;
  return {
    'tags.list': () => listTags(db()),
    'tags.create': ({ name, color, description, parentId }) => {
      const d = db();
      return recordEdit(d, { operation: 'tags.create', label: `Create tag ${quoted(name)}` }, () => {
        if (parentId != null) found(getTag(d, parentId), 'tag', parentId);
        const id = insertTag(d, {
          name,
          color: color ?? nextTagColor(d),
          description: description ?? '',
          parentId: parentId ?? null,
        });
        return getTag(d, id)!;
      });
    },
    'tags.update': ({ id, ...patch }) => {
      const d = db();
      const tag = found(getTag(d, id), 'tag', id);
      const label =
        patch.name !== undefined && patch.name !== tag.name
          ? `Rename tag ${quoted(tag.name)} to ${quoted(patch.name)}`
          : `Edit tag ${quoted(tag.name)}`;
      return recordEdit(d, { operation: 'tags.update', label }, () => {
        if (patch.parentId != null) checkParent(d, id, patch.parentId);
        updateTag(d, id, patch);
        return getTag(d, id)!;
      });
    },
    'tags.merge': ({ sourceId, targetId }) => {
      const d = db();
      const source = found(getTag(d, sourceId), 'tag', sourceId);
      const target = found(getTag(d, targetId), 'tag', targetId);
      const label = `Merge tag ${quoted(source.name)} into ${quoted(target.name)}`;
      return recordEdit(d, { operation: 'tags.merge', label }, () => {
        moveTagLinks(d, sourceId, targetId);
        // Sub-tags follow into the target, unless the target sits below the source (that would make a cycle).
        const targetBelowSource = ancestorIds(d, targetId).includes(sourceId);
        reparentChildren(d, sourceId, targetBelowSource ? source.parentId : targetId);
        deleteTag(d, sourceId);
        return getTag(d, targetId)!;
      });
    },
    'tags.mergePreview': ({ sourceId, targetId }) => {
      const d = db();
      found(getTag(d, sourceId), 'tag', sourceId);
      found(getTag(d, targetId), 'tag', targetId);
      const counts = mergeCounts(d, sourceId, targetId);
      return {
        moving: counts.source,
        duplicates: counts.both,
        targetAfter: counts.target + counts.source - counts.both,
        subTags: counts.subTags,
      };
    },
    'tags.split': ({ sourceId, name, highlightIds }) => {
      const d = db();
      const source = found(getTag(d, sourceId), 'tag', sourceId);
      if (findTagByName(d, name) !== undefined) {
        throw invalid(
          `tags.split: a tag named ${quoted(name)} already exists; merge into it instead, or choose another name.`,
        );
      }
      const carrying = new Set(highlightIdsWithTag(d, sourceId));
      const strays = highlightIds.filter((h) => !carrying.has(h));
      if (strays.length) {
        throw invalid(
          `tags.split: passage ${strays[0]} does not carry ${quoted(source.name)}, so it cannot be split off.`,
        );
      }
      const label = `Split ${highlightIds.length} passages of ${quoted(source.name)} into ${quoted(name)}`;
      return recordEdit(d, { operation: 'tags.split', label }, () => {
        const id = insertTag(d, { name, color: nextTagColor(d), description: '', parentId: source.parentId });
        moveSomeTagLinks(d, sourceId, id, highlightIds);
        return getTag(d, id)!;
      });
    },
    'tags.delete': ({ id, passages, reassignTo }) => {
      const d = db();
      const tag = found(getTag(d, id), 'tag', id);
      return recordEdit(d, { operation: 'tags.delete', label: `Delete tag ${quoted(tag.name)}` }, () => {
        if (passages === 'reassign') {
          if (reassignTo === id) throw invalid('tags.delete: cannot reassign passages to the tag being deleted.');
          found(getTag(d, reassignTo!), 'tag', reassignTo!);
          moveTagLinks(d, id, reassignTo!);
        } else if (passages === 'delete') {
          for (const highlightId of highlightIdsWithTag(d, id)) deleteHighlight(d, highlightId);
        }
        reparentChildren(d, id, tag.parentId);
        deleteTag(d, id);
        return { deleted: true as const };
      });
    },
  };
}

function checkParent(db: Db, id: number, parentId: number): void {
  found(getTag(db, parentId), 'tag', parentId);
  if (parentId === id || ancestorIds(db, parentId).includes(id)) {
    throw invalid('tags.update: a tag cannot be nested inside itself or one of its own sub-tags.');
  }
}
