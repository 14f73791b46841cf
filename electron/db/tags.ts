// Queries for the codebook (tags) and their links to highlights.
import type { Tag } from '../../shared/types.js';
import type { Db } from './connection.js';

/** A calm palette, readable as translucent highlight colours in light and dark themes. */
export const TAG_PALETTE = [
  '#f2c14e',
  '#7cb7e8',
  '#f28b82',
  '#81c995',
  '#c58af9',
  '#fdab6d',
  '#78d9ec',
  '#e3a5c7',
  '#a8c66c',
  '#b0a4e3',
];

const columns = `t.id, t.name, t.color, t.description, t.parent_id AS parentId, t.created_at AS createdAt,
  t.codable, (SELECT COUNT(*) FROM highlight_tags ht WHERE ht.tag_id = t.id) AS highlightCount`;

type TagRow = Omit<Tag, 'codable'> & { codable: number };
const toTag = (row: TagRow): Tag => ({ ...row, codable: row.codable === 1 });

export function listTags(db: Db): Tag[] {
  return (db.prepare(`SELECT ${columns} FROM tags t ORDER BY t.name COLLATE NOCASE`).all() as TagRow[]).map(toTag);
}

export function getTag(db: Db, id: number): Tag | undefined {
  const row = db.prepare(`SELECT ${columns} FROM tags t WHERE t.id = ?`).get(id) as TagRow | undefined;
  return row && toTag(row);
}

export function nextTagColor(db: Db): string {
  const count = db.prepare('SELECT COUNT(*) FROM tags').pluck().get() as number;
  return TAG_PALETTE[count % TAG_PALETTE.length];
}

export function insertTag(
  db: Db,
  tag: { name: string; color: string; description: string; parentId: number | null; codable?: boolean },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO tags (name, color, description, parent_id, codable)
         VALUES (@name, @color, @description, @parentId, @codable)`,
      )
      .run({ ...tag, codable: tag.codable === false ? 0 : 1 }).lastInsertRowid,
  );
}

const patchColumns = { name: 'name', color: 'color', description: 'description', parentId: 'parent_id' } as const;

export function updateTag(
  db: Db,
  id: number,
  patch: Partial<Record<keyof typeof patchColumns, string | number | null>>,
): void {
  const keys = (Object.keys(patch) as (keyof typeof patchColumns)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return;
  db.prepare(`UPDATE tags SET ${keys.map((k) => `${patchColumns[k]} = @${k}`).join(', ')} WHERE id = @id`).run({
    ...patch,
    id,
  });
}

/** The tag's ancestors, nearest first (used to refuse a parent that would make a cycle). */
export function ancestorIds(db: Db, id: number): number[] {
  return db
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT parent_id FROM tags WHERE id = ?
      UNION SELECT t.parent_id FROM tags t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL)
    SELECT id FROM up WHERE id IS NOT NULL`,
    )
    .pluck()
    .all(id) as number[];
}

export function highlightIdsWithTag(db: Db, tagId: number): number[] {
  return db.prepare('SELECT highlight_id FROM highlight_tags WHERE tag_id = ?').pluck().all(tagId) as number[];
}

/** Gives every passage of `sourceId` the tag `targetId` (keeping its position), then drops the source links. */
export function moveTagLinks(db: Db, sourceId: number, targetId: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id, position)
    SELECT highlight_id, ?, position FROM highlight_tags WHERE tag_id = ?`,
  ).run(targetId, sourceId);
  db.prepare('DELETE FROM highlight_tags WHERE tag_id = ?').run(sourceId);
}

/** Moves only these passages' links from `sourceId` to `targetId` (a split); returns how many moved. */
export function moveSomeTagLinks(db: Db, sourceId: number, targetId: number, highlightIds: number[]): number {
  const ids = JSON.stringify(highlightIds);
  db.prepare(
    `INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id, position)
    SELECT highlight_id, ?, position FROM highlight_tags WHERE tag_id = ? AND highlight_id IN (SELECT value FROM json_each(?))`,
  ).run(targetId, sourceId, ids);
  return db
    .prepare('DELETE FROM highlight_tags WHERE tag_id = ? AND highlight_id IN (SELECT value FROM json_each(?))')
    .run(sourceId, ids).changes;
}

/** Counts for a merge preview: the source's passages, those also carrying the target, the source's sub-tags. */
export function mergeCounts(
  db: Db,
  sourceId: number,
  targetId: number,
): { source: number; both: number; target: number; subTags: number } {
  return db
    .prepare(
      `SELECT
        (SELECT COUNT(*) FROM highlight_tags WHERE tag_id = @sourceId) AS source,
        (SELECT COUNT(*) FROM highlight_tags s JOIN highlight_tags t
          ON t.highlight_id = s.highlight_id AND t.tag_id = @targetId WHERE s.tag_id = @sourceId) AS both,
        (SELECT COUNT(*) FROM highlight_tags WHERE tag_id = @targetId) AS target,
        (SELECT COUNT(*) FROM tags WHERE parent_id = @sourceId AND id != @targetId) AS subTags`,
    )
    .get({ sourceId, targetId }) as { source: number; both: number; target: number; subTags: number };
}

export function findTagByName(db: Db, name: string): number | undefined {
  return db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(name) as number | undefined;
}

export function reparentChildren(db: Db, fromId: number, toId: number | null): void {
  db.prepare('UPDATE tags SET parent_id = ? WHERE parent_id = ?').run(toId, fromId);
}

export function deleteTag(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM tags WHERE id = ?').run(id).changes > 0;
}

export function existingTagIds(db: Db, ids: number[]): number[] {
  const exists = db.prepare('SELECT 1 FROM tags WHERE id = ?').pluck();
  return ids.filter((id) => exists.get(id) !== undefined);
}

/** The tag and every tag under it (a parent stands for its sub-tags in analysis). */
export function descendantIds(db: Db, id: number): number[] {
  return db
    .prepare(
      `WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN down ON t.parent_id = down.id)
    SELECT id FROM down`,
    )
    .pluck()
    .all(id) as number[];
}

/** The tag of this name, whatever its case (names are unique without case). */
